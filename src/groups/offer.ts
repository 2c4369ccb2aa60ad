import type { ButtonEvent, MessageEvent } from "../core/events";
import type { EventContext, Handled } from "../core/feature";
import { msg } from "../core/message";
import { communityVoice, groupRepo } from "./context";
import { looksLikeGroupProposal } from "./detect";
import { getOffer, recordOffer } from "./offer-repo";
import { startProposal } from "./proposal-dialog";

/**
 * A result-oriented proposal in a community channel gets, once per thread, a button that turns
 * it into a group proposal. Never in DMs, never inside a group's own space. A proposal posted
 * on its own is handled here: tracking it as a question as well would ping experts for it. A
 * reply in a thread or a message addressed to copbot stays open to the other features.
 */
export function offerOnProposal(ctx: EventContext<MessageEvent>): Handled {
  const { event } = ctx;
  if (event.isDm || !looksLikeGroupProposal(event.text)) return;
  offer(ctx);
  return event.threadId === undefined && !event.mentionsBot ? "handled" : undefined;
}

function offer(ctx: EventContext<MessageEvent>): void {
  const { event, services } = ctx;
  if (groupRepo(services).bySpace(event.channelId)) return;
  const threadId = event.threadId ?? event.messageId;
  const offer = recordOffer(services.db, {
    channelId: event.channelId,
    threadId,
    authorId: event.userId,
    text: event.text,
    at: services.clock.now(),
  });
  if (!offer) return;
  const { t } = communityVoice(services, event.channelId);
  ctx.post(
    { kind: "channel", channelId: event.channelId, threadId },
    msg()
      .text(t("group.offer.text"))
      .button("group.offer", t("group.button.offer"), String(offer.id), "primary")
      .build(),
    `group:offer:${offer.id}`,
  );
}

/** The offer button: whoever clicks it starts the guided proposal for that channel. */
export async function offerClicked(ctx: EventContext<ButtonEvent>): Promise<void> {
  const offer = getOffer(ctx.services.db, Number(ctx.event.value));
  if (!offer) return ctx.reply(ctx.t("group.offer.gone"));
  await startProposal(ctx, {
    channelId: offer.channelId,
    triggerId: ctx.event.triggerId,
    problem: offer.text,
  });
}
