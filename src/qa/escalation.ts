import { z } from "zod";
import { channelRef, mention, msg } from "../core/message";
import type { Services } from "../core/services";
import type { JobHandler } from "../core/scheduler";
import { translator } from "../i18n";
import { QuestionRepo, type Question } from "./question-repo";
import { postInThread, routeMoreExperts } from "./routing";
import { addWorkingHours, intoWorkingHours } from "./working-time";

const EscalatePayload = z.object({
  questionId: z.number().int(),
  stage: z.union([z.literal(1), z.literal(2)]),
});
const NudgePayload = z.object({ questionId: z.number().int() });

const escalateKey = (id: number, stage: number) => `qa.escalate:${id}:${stage}`;
const nudgeKey = (id: number) => `qa.nudge:${id}`;

/**
 * The configured working time after `from` (shorter for a question others follow: each
 * follower is one more person waiting), moved into working hours so nobody is pinged at night.
 * Weekends and the community's public holidays do not count.
 */
function deadline(services: Services, from: Date, followers = 0): Date {
  const { timeZone: zone, holidayRegion: holidays } = services.config;
  const hours = services.config.qa.escalateAfterHours / (1 + followers);
  return intoWorkingHours(addWorkingHours(from, hours, zone, holidays), zone, holidays);
}

/** Schedules the next escalation stage of a question (idempotent per stage). */
export function scheduleEscalation(services: Services, q: Question, stage: 1 | 2, from: Date): void {
  services.scheduler.schedule({
    kind: "qa.escalate",
    runAt: deadline(services, from),
    payload: { questionId: q.id, stage },
    key: escalateKey(q.id, stage),
  });
}

/**
 * A new follower raises an unanswered question's priority: its first escalation comes sooner
 * (the deadline counted from when it was asked, divided among everyone waiting).
 */
export function hurryEscalation(services: Services, q: Question, followers: number): void {
  if (q.status !== "open" || q.firstAnswerAt !== undefined || q.escalationStage > 0) return;
  services.scheduler.cancelPrefix(escalateKey(q.id, 1));
  services.scheduler.schedule({
    kind: "qa.escalate",
    runAt: deadline(services, q.askedAt, followers),
    payload: { questionId: q.id, stage: 1 },
    key: `${escalateKey(q.id, 1)}@${followers}`,
  });
}

/** After the first answer: one friendly nudge to the asker if nobody marks the question solved. */
export function scheduleNudge(services: Services, q: Question, answeredAt: Date): void {
  services.scheduler.schedule({
    kind: "qa.nudge",
    runAt: deadline(services, answeredAt),
    payload: { questionId: q.id },
    key: nudgeKey(q.id),
  });
}

/** Stops every pending reminder of a question (it was solved or deleted). */
export function cancelFollowUps(services: Services, questionId: number): void {
  services.scheduler.cancelPrefix(`qa.escalate:${questionId}:`);
  services.scheduler.cancel(nudgeKey(questionId));
}

/**
 * Tells the moderators (and `COPBOT_ADMINS`) by DM. When copbot knows nobody to tell, the note
 * goes into the question's thread instead, so the escalation never silently reaches no one.
 */
function notifyModerators(services: Services, q: Question): void {
  // Known without asking the platform, so the job stays synchronous and commits its DMs atomically.
  const recipients = services.moderatorIds().filter((id) => id !== q.askerId);
  if (recipients.length === 0) {
    const t = translator(services.config.lang, services.platforms.prefixOf(q.channelId));
    const note = msg()
      .text(t("qa.escalate.nobody", { id: q.id }))
      .context(t("qa.escalate.nobody_hint"))
      .build();
    postInThread(services, q, note, escalateKey(q.id, 2));
    return;
  }
  for (const id of recipients) {
    const t = translator(services.langOf(services.members.get(id)), services.platforms.prefixOf(id));
    const message = msg()
      .text(t("qa.escalate.moderators", { id: q.id }), " ", channelRef(q.channelId))
      .text(mention(q.askerId), ": ", q.text)
      .context(t("qa.escalate.moderators_hint"))
      .build();
    services.outbox.enqueue({ kind: "dm", userId: id }, message, { key: `${escalateKey(q.id, 2)}:${id}` });
  }
}

/**
 * `qa.escalate`: stage 1 tags the next experts, stage 2 tells the moderators. Runs only while
 * the question is open and still has no answer.
 */
export const escalateJob: JobHandler = (job, { services, now }) => {
  const payload = EscalatePayload.parse(job.payload);
  const repo = new QuestionRepo(services.db);
  const q = repo.get(payload.questionId);
  if (!q || q.status !== "open" || q.firstAnswerAt !== undefined) return;
  repo.setEscalationStage(q.id, payload.stage);
  if (payload.stage === 2) {
    notifyModerators(services, q);
    return;
  }
  routeMoreExperts(services, q, escalateKey(q.id, 1), true);
  scheduleEscalation(services, q, 2, now);
};

/** `qa.nudge`: an answered question nobody marked solved gets one friendly reminder to the asker. */
export const nudgeJob: JobHandler = (job, { services }) => {
  const { questionId } = NudgePayload.parse(job.payload);
  const repo = new QuestionRepo(services.db);
  const q = repo.get(questionId);
  if (!q || q.status !== "open" || !repo.markNudged(q.id)) return;
  const t = translator(
    services.langOf(services.members.get(q.askerId)),
    services.platforms.prefixOf(q.askerId),
  );
  const message = msg()
    .text(t("qa.nudge.text", { id: q.id }), " ", channelRef(q.channelId))
    .text(q.text)
    .button("qa.solved", t("qa.button.solved"), String(q.id), "primary")
    .button("qa.still_open", t("qa.button.still_open"), String(q.id))
    .build();
  services.outbox.enqueue({ kind: "dm", userId: q.askerId }, message, { key: nudgeKey(q.id) });
};
