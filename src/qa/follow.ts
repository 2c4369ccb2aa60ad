import type { ButtonEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { hurryEscalation } from "./escalation";
import { follow, followerCount, unfollow } from "./follower-repo";
import { parseQuestionRef } from "./lookup";
import { QuestionRepo, type Question } from "./question-repo";

/**
 * "Mich auch" / 👀: a member with the same problem follows a question. They hear once, by DM,
 * when it is solved; every follower makes its escalation come sooner.
 */
export function followQuestion(ctx: EventContext, q: Question): void {
  const { services } = ctx;
  if (q.status === "solved") return ctx.reply(ctx.t("qa.follow.solved_already", { id: q.id }));
  if (q.askerId === ctx.actor.id) return ctx.reply(ctx.t("qa.follow.own", { id: q.id }));
  const added = services.db.transaction(() => {
    if (!follow(services.db, q.id, ctx.actor.id, services.clock.now())) return false;
    hurryEscalation(services, q, followerCount(services.db, q.id));
    return true;
  })();
  ctx.reply(ctx.t(added ? "qa.follow.added" : "qa.follow.already", { id: q.id }));
}

/** Taking the 👀 back: no DM when the question is solved. */
export function unfollowQuestion(ctx: EventContext, q: Question): void {
  if (unfollow(ctx.services.db, q.id, ctx.actor.id)) ctx.reply(ctx.t("qa.follow.removed", { id: q.id }));
}

/** `qa.follow`: the "Mich auch" button under copbot's answer to a question. */
export function followButton(ctx: EventContext<ButtonEvent>): void {
  const id = parseQuestionRef(ctx.event.value ?? "");
  const q = id === undefined ? undefined : new QuestionRepo(ctx.services.db).get(id);
  if (!q) return ctx.reply(ctx.t("qa.err.unknown_question", { id: ctx.event.value ?? "?" }));
  followQuestion(ctx, q);
}
