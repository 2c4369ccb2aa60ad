import type { ButtonEvent } from "../core/events";
import { solveOrChoose } from "./accept";
import type { EventContext } from "../core/feature";
import { permits } from "../permissions";
import { parseQuestionRef } from "./lookup";
import { pingedFor } from "./expert-stats-repo";
import { QuestionRepo, type Question } from "./question-repo";
import { routeMoreExperts } from "./routing";

function questionOf(ctx: EventContext<ButtonEvent>): Question | undefined {
  const id = parseQuestionRef(ctx.event.value ?? "");
  const q = id === undefined ? undefined : new QuestionRepo(ctx.services.db).get(id);
  if (!q) ctx.reply(ctx.t("qa.err.unknown_question", { id: ctx.event.value ?? "?" }));
  return q;
}

/** "Gelöst": the one real reply is accepted; with several, copbot asks which one solved it. */
export async function solvedButton(ctx: EventContext<ButtonEvent>): Promise<void> {
  const q = questionOf(ctx);
  if (q) await solveOrChoose(ctx, q.id);
}

/** "Weitere Expert:innen": the asker or a moderator asks the next experts (each person once). */
export function moreButton(ctx: EventContext<ButtonEvent>): void {
  const q = questionOf(ctx);
  if (!q) return;
  if (q.status === "solved") return ctx.reply(ctx.t("qa.err.already_solved", { id: q.id }));
  if (!permits("qa more (button)", { role: ctx.actor.role, owns: ctx.actor.id === q.askerId })) {
    return ctx.reply(ctx.t("qa.err.not_yours_more", { id: q.id }));
  }
  const round = pingedFor(ctx.services.db, q.id).length;
  const tagged = routeMoreExperts(ctx.services, q, `qa.more:${q.id}:${round}`, false);
  if (ctx.actor.id !== q.askerId) ctx.services.audit.record(ctx.actor.id, "qa.more", String(q.id));
  if (tagged.length === 0) ctx.reply(ctx.t("qa.more.none"));
}

/** "Noch offen" on the nudge: nothing changes, copbot says so. */
export function stillOpenButton(ctx: EventContext<ButtonEvent>): void {
  const q = questionOf(ctx);
  if (!q) return;
  ctx.reply(ctx.t(q.status === "solved" ? "qa.err.already_solved" : "qa.nudge.still_open", { id: q.id }));
}
