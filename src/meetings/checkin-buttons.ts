import { z } from "zod";
import type { ButtonEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { permits } from "../permissions";
import { askOnBehalf } from "../qa/api";
import { CheckinRepo } from "./checkin-repo";
import { maySeeCheckin } from "./command-support";
import { checkinSeries } from "./checkin-plan";
import { Ledger, stepKey } from "../schedule/ledger-repo";

/** What the ledger keeps for an answer turned into a Q&A question. */
const AskedDetails = z.object({ questionId: z.number() });

/** `checkin.join` (button on the announcement and summary): joins the caller. */
export function handleJoinButton(ctx: EventContext<ButtonEvent>): void {
  const { services, t, actor } = ctx;
  const id = Number(ctx.event.value ?? "");
  const repo = new CheckinRepo(services.db);
  const found = Number.isInteger(id) ? repo.get(id) : undefined;
  const checkin = found && maySeeCheckin(repo, found, actor) ? found : undefined;
  if (!checkin) {
    ctx.reply(t("checkin.gone"));
    return;
  }
  const fresh = repo.join(checkin.id, actor.id, services.clock.now());
  ctx.reply(t(fresh ? "checkin.joined" : "checkin.alreadyIn", { title: checkin.title, id: checkin.id }));
}

/**
 * `checkin.ask` (button per help answer in a summary): turns the answer into a tracked Q&A
 * question in the check-in's channel, crediting its author. Once per answer; only the author
 * or a moderator may do it.
 */
export function handleAskButton(ctx: EventContext<ButtonEvent>): void {
  const { services, t, actor } = ctx;
  const repo = new CheckinRepo(services.db);
  const answer = /^\d+$/.test(ctx.event.value ?? "") ? repo.answerById(Number(ctx.event.value)) : undefined;
  const checkin = answer ? repo.get(answer.checkinId) : undefined;
  if (!answer || !checkin) {
    ctx.reply(t("checkin.gone"));
    return;
  }
  if (!permits("checkin ask (button)", { role: actor.role, owns: actor.id === answer.memberId })) {
    ctx.reply(t("checkin.ask.notAllowed"));
    return;
  }
  const ledger = new Ledger(services.db);
  const series = checkinSeries(checkin.id);
  const step = `ask:${answer.id}`;
  const asked = ledger.get(stepKey(series, answer.local, step));
  if (asked) {
    const question = AskedDetails.safeParse(asked.details);
    ctx.reply(t("checkin.ask.already", { id: question.success ? question.data.questionId : "?" }));
    return;
  }
  const created = askOnBehalf(services, {
    askerId: answer.memberId,
    channelId: checkin.channelId,
    text: answer.text,
  });
  if (!created.ok) {
    ctx.reply(t(created.error.key, created.error.params));
    return;
  }
  const now = services.clock.now();
  ledger.record(
    { series, local: answer.local, step, outcome: "sent", details: { questionId: created.value.questionId } },
    now,
    now,
  );
  // Turning someone else's answer into a question takes moderator rights.
  if (actor.id !== answer.memberId) services.audit.record(actor.id, "checkin.ask", String(answer.id));
  ctx.reply(t("checkin.ask.done"));
}
