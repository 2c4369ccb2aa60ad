import { z } from "zod";
import { textMessage } from "../core/message";
import type { JobHandler } from "../core/scheduler";
import type { Services } from "../core/services";
import { translator } from "../i18n";
import { formatDateTime } from "../i18n/format";
import { Ledger } from "../schedule/ledger-repo";
import { upcoming } from "../schedule/occurrences";
import { availableCandidates } from "./candidates";
import { MatchRepo } from "./match-repo";
import { pairUp } from "./pairing";
import { ParticipantRepo } from "./participant-repo";
import {
  FOLLOW_UP_DAYS,
  FOLLOW_UP_JOB,
  INTRO_SERIES,
  INTRODUCE_JOB,
  introSchedule,
  nextRound,
  planNextRound,
} from "./schedule";

const Payload = z.object({ local: z.string(), revision: z.number() });
const DAY_MS = 86_400_000;
/** A round that runs this much after its time is recorded as late. */
const ON_TIME_MS = 5 * 60_000;

/**
 * Runs a round of introductions. After a downtime that swallowed several rounds, only the
 * newest one runs (late); the older ones are recorded as missed, so nobody is introduced
 * twice in a row and no round happens twice. The ledger entry, the matches and their jobs are
 * written in the job's transaction.
 */
export const roundJob: JobHandler = (job, { services, now, lateMs }) => {
  const p = Payload.parse(job.payload);
  const settings = new ParticipantRepo(services.db).settings();
  if (!settings || settings.revision !== p.revision) return;
  const schedule = introSchedule(services, settings);
  const due = upcoming(schedule, new Date(job.runAt.getTime() - 1), { until: now });
  const newest = due.at(-1);
  const ledger = new Ledger(services.db);
  for (const skipped of due.slice(0, -1)) {
    ledger.record(
      { series: INTRO_SERIES, local: skipped.local, step: "round", outcome: "missed", details: undefined },
      skipped.at,
      now,
    );
  }
  planNextRound(services, settings, now);
  const local = newest?.local ?? p.local;
  const outcome = lateMs > ON_TIME_MS || due.length > 1 ? "late" : "sent";
  if (
    !ledger.record(
      { series: INTRO_SERIES, local, step: "round", outcome, details: undefined },
      job.runAt,
      now,
    )
  )
    return;
  runRound(services, local, now);
};

/** Pairs everyone available and plans each introduction and its follow-up. */
export function runRound(services: Services, local: string, now: Date): void {
  const matches = new MatchRepo(services.db);
  const candidates = availableCandidates(services, now);
  const roundId = matches.createRound(local, now, candidates.length);
  if (roundId === undefined) return;
  const since = new Date(now.getTime() - services.config.intros.repeatWeeks * 7 * DAY_MS);
  const { pairings, unmatched } = pairUp(candidates, matches.pairsSince(since), local);
  for (const pairing of pairings) {
    const id = matches.createMatch(roundId, pairing.memberIds, pairing.shared, now);
    services.scheduler.schedule({
      kind: INTRODUCE_JOB,
      runAt: now,
      key: `intros:match:${id}:introduce`,
      payload: { matchId: id },
    });
    services.scheduler.schedule({
      kind: FOLLOW_UP_JOB,
      runAt: new Date(now.getTime() + FOLLOW_UP_DAYS * DAY_MS),
      key: `intros:match:${id}:followup`,
      payload: { matchId: id },
    });
  }
  const settings = new ParticipantRepo(services.db).settings();
  const next = settings ? nextRound(services, settings, now) : undefined;
  for (const memberId of unmatched) {
    const lang = services.langOf(services.members.get(memberId));
    const t = translator(lang, services.platforms.prefixOf(memberId));
    const date = next ? formatDateTime(next.at, services.config.timeZone, lang) : "–";
    services.outbox.enqueue({ kind: "dm", userId: memberId }, textMessage(t("intros.unmatched", { date })), {
      key: `intros:${local}:unmatched:${memberId}`,
    });
  }
}
