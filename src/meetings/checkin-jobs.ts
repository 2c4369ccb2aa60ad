import { z } from "zod";
import type { JobContext, JobHandler, Job } from "../core/scheduler";
import type { Services } from "../core/services";
import { CheckinRepo, type Checkin } from "./checkin-repo";
import { checkinMissedMessage, nudgeMessage, promptMessage, summaryMessage } from "./checkin-messages";
import { checkinOccurrence, checkinSeries, deadlineOf, planCheckin } from "./checkin-plan";
import { closeAnswering, DIALOG_OWNER, startAnswering } from "./checkin-dialog";
import { collectMissed } from "../schedule/catch-up";
import { Ledger, stepKey } from "../schedule/ledger-repo";
import { ON_TIME_MS } from "./meeting-jobs";
import type { Occurrence } from "../schedule/occurrences";

const Payload = z.object({ checkinId: z.number(), local: z.string(), revision: z.number() });

interface Round {
  readonly checkin: Checkin;
  readonly occurrence: Occurrence;
  readonly series: string;
  readonly deadline: Date;
  readonly ledger: Ledger;
}

/** The round a job belongs to, if the check-in (at this revision) still has it. */
function roundOf(job: Job, services: Services): Round | undefined {
  const p = Payload.parse(job.payload);
  const checkin = new CheckinRepo(services.db).get(p.checkinId);
  if (!checkin || checkin.state !== "active" || checkin.revision !== p.revision) return undefined;
  const occurrence = checkinOccurrence(checkin, p.local);
  if (!occurrence) return undefined;
  return {
    checkin,
    occurrence,
    series: checkinSeries(checkin.id),
    deadline: deadlineOf(checkin, occurrence.at),
    ledger: new Ledger(services.db),
  };
}

/**
 * Opens a round: a DM with the first question to every participant (through the persisted
 * outbox, which honours rate limits) and an answer dialog. Too late (past the grace window or
 * the deadline) it posts a short "missed" note in the channel instead, one for all rounds
 * missed in a row.
 */
export const promptJob: JobHandler = (job, ctx) => {
  const round = roundOf(job, ctx.services);
  if (!round) return;
  const { checkin, occurrence, series, deadline, ledger } = round;
  const { services, now, lateMs } = ctx;
  const graceMs = services.config.meetings.graceMinutes * 60_000;
  const tooLate = (o: Occurrence): boolean =>
    now.getTime() - o.at.getTime() > graceMs || now >= deadlineOf(checkin, o.at);
  if (lateMs > graceMs || now >= deadline) {
    // After a long downtime the later rounds are too late as well: one note for all of them.
    const run = collectMissed(occurrence, {
      ledger,
      series,
      schedule: checkin.schedule,
      step: "prompt",
      isMissed: tooLate,
      now,
    });
    planCheckin(services, checkin, run.last.at, false);
    const first = run.fresh[0];
    if (first) {
      services.outbox.enqueue(
        { kind: "channel", channelId: checkin.channelId },
        checkinMissedMessage(checkin, run.fresh, services.config.lang),
        { key: stepKey(series, first.local, "missed") },
      );
    }
    return;
  }
  planCheckin(services, checkin, occurrence.at, false);
  const local = occurrence.local;
  const late = lateMs > ON_TIME_MS;
  const outcome = late ? "late" : "sent";
  if (!ledger.record({ series, local, step: "prompt", outcome, details: undefined }, job.runAt, now)) return;
  for (const memberId of new CheckinRepo(services.db).participants(checkin.id)) {
    const lang = services.langOf(services.members.get(memberId));
    services.outbox.enqueue(
      { kind: "dm", userId: memberId },
      promptMessage(checkin, local, deadline, late, lang),
      // A fan-out to every participant: answers to people go first, and after the deadline it is moot.
      { key: stepKey(series, local, `prompt:${memberId}`), priority: "bulk", expiresAt: deadline },
    );
    const current = services.dialogs.get(memberId);
    // Never take over another feature's dialog: the prompt's button starts answering later.
    if (!current || current.owner === DIALOG_OWNER) startAnswering(services, memberId, checkin.id, local);
  }
};

/** Reminds participants who have not answered yet, once, half-way to the deadline. */
export const nudgeJob: JobHandler = (job, ctx) => {
  const round = roundOf(job, ctx.services);
  if (!round || !promptWentOut(round)) return;
  const { checkin, occurrence, series, deadline, ledger } = round;
  const { services, now } = ctx;
  const outcome = now >= deadline ? "missed" : "sent";
  if (
    !ledger.record(
      { series, local: occurrence.local, step: "nudge", outcome, details: undefined },
      job.runAt,
      now,
    )
  )
    return;
  if (outcome === "missed") return;
  const repo = new CheckinRepo(services.db);
  const answered = new Set(repo.answers(checkin.id, occurrence.local).map((a) => a.memberId));
  for (const memberId of repo.participants(checkin.id).filter((p) => !answered.has(p))) {
    const lang = services.langOf(services.members.get(memberId));
    services.outbox.enqueue(
      { kind: "dm", userId: memberId },
      nudgeMessage(checkin, occurrence.local, deadline, lang),
      { key: stepKey(series, occurrence.local, `nudge:${memberId}`), priority: "bulk", expiresAt: deadline },
    );
  }
};

/** Posts the one summary of a round in the channel (late ones are marked, never dropped). */
export const summaryJob: JobHandler = (job, ctx: JobContext) => {
  const round = roundOf(job, ctx.services);
  if (!round || !promptWentOut(round)) return;
  const { checkin, occurrence, series, ledger } = round;
  const { services, now, lateMs } = ctx;
  const late = lateMs > ON_TIME_MS;
  const local = occurrence.local;
  if (
    !ledger.record(
      { series, local, step: "summary", outcome: late ? "late" : "sent", details: undefined },
      job.runAt,
      now,
    )
  ) {
    return;
  }
  const repo = new CheckinRepo(services.db);
  const participants = repo.participants(checkin.id);
  // Answers are closed now: end this round's dialogs; a late DM is told so.
  for (const memberId of participants) closeAnswering(services, memberId, checkin.id, local);
  const message = summaryMessage(
    services,
    checkin,
    local,
    repo.answers(checkin.id, local),
    participants,
    late,
  );
  services.outbox.enqueue({ kind: "channel", channelId: checkin.channelId }, message, {
    key: stepKey(series, local, "summary"),
  });
};

/** Nudge and summary only follow a round whose prompts actually went out. */
function promptWentOut(round: Round): boolean {
  const prompt = round.ledger.get(stepKey(round.series, round.occurrence.local, "prompt"));
  return prompt !== undefined && prompt.outcome !== "missed";
}
