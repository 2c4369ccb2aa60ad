import type { UserEvent } from "../../src/core/events";
import { qualify } from "../../src/core/ids";
import { buttonForKey, emojiName, isChoiceKey, type ButtonRow } from "./buttons";
import {
  MemberContentSchema,
  MessageContentSchema,
  ReactionContentSchema,
  type MessageContent,
  type RoomEvent,
} from "./event-schema";
import { matrixTo, stripReplyFallback, textWithPills } from "./html";
import type { ReactionMemory } from "./reactions";
import type { ThreadTracker } from "./threads";

/** What the translation needs to know beyond the event itself. */
export interface InboundContext {
  readonly botUserId: string;
  /** Names people use to address the bot in plain text (localpart, display name). */
  readonly botNames: readonly string[];
  readonly threads: ThreadTracker;
  readonly reactions: ReactionMemory;
  isDm(roomId: string): boolean;
  /** The display name of a room member, if known. */
  displayName(roomId: string, userId: string): Promise<string | undefined>;
  /** The button table and thread of a bot message, if it is one and has buttons. */
  buttonsOf(roomId: string, eventId: string): Promise<{ table: ButtonRow[]; threadId?: string } | undefined>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const COMMAND = /^!cop(?:\s+([\s\S]*))?$/i;

function addressesBot(content: MessageContent, text: string, ctx: InboundContext): boolean {
  if (content["m.mentions"]?.user_ids?.includes(ctx.botUserId)) return true;
  if (content.formatted_body?.includes(matrixTo(ctx.botUserId))) return true;
  // Without a pill, only a message that starts with the bot's name ("copbot: …") addresses it.
  const lower = text.toLowerCase();
  return ctx.botNames.some((name) =>
    new RegExp(`^@?${escapeRegExp(name.toLowerCase())}(?:[:,\\s]|$)`).test(lower),
  );
}

/**
 * Translates one Matrix room event into a copbot event, or undefined when copbot does not
 * care about it (notices from other bots, images, state changes other than joins …).
 */
export async function translateEvent(
  roomId: string,
  event: RoomEvent,
  ctx: InboundContext,
): Promise<UserEvent | undefined> {
  const userName = await ctx.displayName(roomId, event.sender);
  const base = {
    id: qualify("matrix", event.event_id),
    platform: "matrix" as const,
    at: new Date(event.origin_server_ts),
    userId: qualify("matrix", event.sender),
    ...(userName !== undefined ? { userName } : {}),
    channelId: qualify("matrix", roomId),
    isDm: ctx.isDm(roomId),
  };
  switch (event.type) {
    case "m.room.message":
      return translateMessage(event, ctx, base);
    case "m.reaction": {
      const parsed = ReactionContentSchema.safeParse(event.content);
      if (!parsed.success) return undefined;
      const { event_id: target, key } = parsed.data["m.relates_to"];
      ctx.reactions.record(event.event_id, { sender: event.sender, target, key });
      return translateReaction(roomId, target, key, ctx, base, false);
    }
    case "m.room.redaction": {
      const redacts =
        event.redacts ?? (typeof event.content.redacts === "string" ? event.content.redacts : undefined);
      if (redacts === undefined) return undefined;
      // Taking one's own reaction back undoes it (✅, 👀, an RSVP choice).
      const reaction = ctx.reactions.take(redacts);
      if (reaction && reaction.sender === event.sender)
        return translateReaction(roomId, reaction.target, reaction.key, ctx, base, true);
      return { ...base, kind: "message_deleted", messageId: redacts };
    }
    case "m.room.member": {
      const member = MemberContentSchema.safeParse(event.content);
      const wasJoined = event.unsigned?.prev_content?.membership === "join";
      // Accepting copbot's DM is not joining the community: no welcome for that.
      if (
        !member.success ||
        member.data.membership !== "join" ||
        wasJoined ||
        event.state_key !== event.sender ||
        base.isDm
      ) {
        return undefined;
      }
      return { ...base, kind: "member_joined" };
    }
    default:
      return undefined;
  }
}

/** A reaction (or its redaction): a button choice on copbot's messages, otherwise an emoji reaction. */
async function translateReaction(
  roomId: string,
  target: string,
  key: string,
  ctx: InboundContext,
  base: Omit<Extract<UserEvent, { kind: "reaction" }>, "kind" | "messageId" | "emoji" | "removed">,
  removed: boolean,
): Promise<UserEvent> {
  const buttons = isChoiceKey(key) ? await ctx.buttonsOf(roomId, target) : undefined;
  const button = buttons ? buttonForKey(buttons.table, key) : undefined;
  if (buttons && button) {
    return {
      ...base,
      kind: "button",
      messageId: target,
      action: button.action,
      ...(button.value !== undefined ? { value: button.value } : {}),
      ...(buttons.threadId !== undefined ? { threadId: buttons.threadId } : {}),
      ...(removed ? { withdrawn: true } : {}),
    };
  }
  return {
    ...base,
    kind: "reaction",
    messageId: target,
    emoji: emojiName(key),
    ...(removed ? { removed } : {}),
  };
}

function translateMessage(
  event: RoomEvent,
  ctx: InboundContext,
  base: Omit<
    Extract<UserEvent, { kind: "message" }>,
    "kind" | "messageId" | "text" | "mentionsBot" | "threadId"
  >,
): UserEvent | undefined {
  const parsed = MessageContentSchema.safeParse(event.content);
  if (!parsed.success) return undefined;
  const content = parsed.data;
  const relation = content["m.relates_to"];
  if (relation?.rel_type === "m.replace" && relation.event_id !== undefined) {
    const edited = content["m.new_content"];
    if (!edited) return undefined;
    return {
      ...base,
      kind: "message_edited",
      messageId: relation.event_id,
      text: textWithPills(edited.body, edited.formatted_body),
    };
  }
  // Bots talk in notices and ignore each other's notices, so two bots never loop.
  if (content.msgtype !== "m.text" && content.msgtype !== "m.emote") return undefined;
  const replyTo = relation?.["m.in_reply_to"]?.event_id;
  const threadId =
    relation?.rel_type === "m.thread" && relation.event_id !== undefined
      ? relation.event_id
      : replyTo !== undefined
        ? ctx.threads.threadOfReplyTo(replyTo)
        : undefined;
  ctx.threads.record(event.event_id, threadId);
  const body = replyTo !== undefined ? stripReplyFallback(content.body) : content.body;
  const text = textWithPills(body, content.formatted_body).trim();
  const command = COMMAND.exec(text);
  if (command) {
    // The command's event id travels as the reply token, so the answer can mark it with 📬.
    return {
      ...base,
      kind: "command",
      text: (command[1] ?? "").trim(),
      replyToken: event.event_id,
      ...(threadId !== undefined ? { threadId } : {}),
    };
  }
  return {
    ...base,
    kind: "message",
    messageId: event.event_id,
    text,
    mentionsBot: addressesBot(content, text, ctx),
    ...(threadId !== undefined ? { threadId } : {}),
  };
}
