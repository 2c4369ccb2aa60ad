import { z } from "zod";
import type { ButtonEvent, MessageEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { textMessage } from "../core/message";
import type { Services } from "../core/services";
import { CheckinRepo } from "./checkin-repo";
import { questionText } from "./checkin-messages";
import { checkinOccurrence, deadlineOf } from "./checkin-plan";
import { upcoming } from "../schedule/occurrences";
import type { LocalDateTime } from "../schedule/local-time";
import { formatDateTime } from "../i18n/format";
import { formatLocal } from "../schedule/local-time";

/** The feature that owns the dialog (see `meetingsFeature`). */
export const DIALOG_OWNER = "meetings";
export const ANSWER_DIALOG = "checkin.answer";
/** Left behind when a round closes, so a late answer gets a reply instead of vanishing. */
export const CLOSED_DIALOG = "checkin.closed";
const MAX_ANSWER = 2000;
/** How long after the summary a DM still counts as a late answer to that round. */
const CLOSED_MARKER_MS = 24 * 3_600_000;
/** How much of a late answer the reply quotes. */
const QUOTE = 80;

const ClosedState = z.object({ checkinId: z.number(), local: z.string(), until: z.number() });

const State = z.object({ checkinId: z.number(), local: z.string(), index: z.number().int().min(0) });

/** True when a dialog state belongs to the round `checkinId` at `local`. */
export function isRound(state: unknown, checkinId: number, local: LocalDateTime): boolean {
  const parsed = State.safeParse(state);
  return parsed.success && parsed.data.checkinId === checkinId && parsed.data.local === local;
}

/** Starts (or restarts) collecting one member's answers, at the first unanswered question. */
export function startAnswering(
  services: Services,
  memberId: string,
  checkinId: number,
  local: LocalDateTime,
): number {
  const answered = new CheckinRepo(services.db)
    .answers(checkinId, local)
    .filter((a) => a.memberId === memberId)
    .map((a) => a.questionIndex);
  const index = answered.length === 0 ? 0 : Math.max(...answered) + 1;
  services.dialogs.start(memberId, {
    owner: DIALOG_OWNER,
    kind: ANSWER_DIALOG,
    state: { checkinId, local, index },
  });
  return index;
}

/**
 * Ends answering for a round (its summary is out): a participant without another feature's
 * dialog keeps a short-lived marker, so a late DM is told the round is closed.
 */
export function closeAnswering(
  services: Services,
  memberId: string,
  checkinId: number,
  local: LocalDateTime,
): void {
  const dialog = services.dialogs.get(memberId);
  if (
    dialog &&
    (dialog.owner !== DIALOG_OWNER ||
      (dialog.kind === ANSWER_DIALOG && !isRound(dialog.state, checkinId, local)))
  )
    return;
  const until = services.clock.now().getTime() + CLOSED_MARKER_MS;
  services.dialogs.start(memberId, {
    owner: DIALOG_OWNER,
    kind: CLOSED_DIALOG,
    state: { checkinId, local, until },
  });
}

/** A DM after a round closed: says so (once), then DMs are normal messages again. */
export function closedDialog(ctx: EventContext<MessageEvent>, raw: unknown): void {
  const { services, t, actor } = ctx;
  services.dialogs.clear(actor.id);
  const state = ClosedState.safeParse(raw);
  const checkin = state.success ? new CheckinRepo(services.db).get(state.data.checkinId) : undefined;
  if (!state.success || !checkin || services.clock.now().getTime() >= state.data.until) {
    ctx.reply(t("core.dm.hint", { prefix: ctx.prefix }));
    return;
  }
  const text = ctx.event.text.trim();
  const quote = text.length > QUOTE ? `${text.slice(0, QUOTE - 1)}…` : text;
  const next = upcoming(checkin.schedule, services.clock.now(), { count: 1 })[0];
  const lang = services.langOf(actor);
  ctx.reply(
    next
      ? t("checkin.closedRound", {
          title: checkin.title,
          text: quote,
          next: formatLocal(next.local, checkin.schedule.zone, lang),
        })
      : t("checkin.closedRoundLast", { title: checkin.title, text: quote }),
  );
}

/** The open round of a check-in at `local`, with its deadline, if answers are still accepted. */
function openRound(services: Services, checkinId: number, local: string) {
  const checkin = new CheckinRepo(services.db).get(checkinId);
  const now = services.clock.now();
  const occurrence = checkin ? checkinOccurrence(checkin, local) : undefined;
  if (!checkin || !occurrence) return undefined;
  const deadline = deadlineOf(checkin, occurrence.at);
  return now >= occurrence.at && now < deadline ? { checkin, deadline } : undefined;
}

/** A DM inside the answer dialog: stores the answer and asks the next question, or says thanks. */
export function answerDialog(ctx: EventContext<MessageEvent>, raw: unknown): void {
  const { services, t, actor } = ctx;
  const state = State.safeParse(raw);
  const round = state.success ? openRound(services, state.data.checkinId, state.data.local) : undefined;
  if (!state.success || !round) {
    services.dialogs.clear(actor.id);
    ctx.reply(t("checkin.closed"));
    return;
  }
  const text = ctx.event.text.trim();
  if (text.length === 0 || text.length > MAX_ANSWER) {
    ctx.reply(t("checkin.answer.invalid", { max: MAX_ANSWER }));
    return;
  }
  const { checkinId, local, index } = state.data;
  const repo = new CheckinRepo(services.db);
  repo.answer({ checkinId, local, memberId: actor.id, questionIndex: index, text }, services.clock.now());
  const next = index + 1;
  if (next < round.checkin.questions.length) {
    services.dialogs.update(actor.id, { checkinId, local, index: next });
    ctx.reply(questionText(t, round.checkin, next));
    return;
  }
  services.dialogs.clear(actor.id);
  ctx.reply(
    t("checkin.thanks", {
      deadline: formatDateTime(round.deadline, round.checkin.schedule.zone, services.langOf(actor)),
    }),
  );
}

/** `checkin.answer` (button in the prompt / nudge): (re)starts answering this round. */
export function handleAnswerButton(ctx: EventContext<ButtonEvent>): void {
  const { services, t, actor } = ctx;
  const [id, local = ""] = (ctx.event.value ?? "").split("|");
  const round = /^\d+$/.test(id ?? "") ? openRound(services, Number(id), local) : undefined;
  if (!round) {
    ctx.reply(t("checkin.closed"));
    return;
  }
  if (!new CheckinRepo(services.db).participants(round.checkin.id).includes(actor.id)) {
    ctx.reply(t("checkin.notParticipant", { id: round.checkin.id }));
    return;
  }
  const index = startAnswering(services, actor.id, round.checkin.id, local);
  if (index >= round.checkin.questions.length) {
    services.dialogs.clear(actor.id);
    ctx.reply(t("checkin.alreadyAnswered"));
    return;
  }
  services.outbox.enqueue(
    { kind: "dm", userId: actor.id },
    textMessage(questionText(t, round.checkin, index)),
  );
}
