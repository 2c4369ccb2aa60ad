import { z } from "zod";
import type {
  ButtonEvent,
  CommandEvent,
  FormSubmitEvent,
  MemberJoinedEvent,
  MessageDeletedEvent,
  MessageEditedEvent,
  MessageEvent,
  ReactionEvent,
} from "../../src/core/events";
import { qualify } from "../../src/core/ids";
import { buttonAction } from "./blocks";
import { formValues, readFormMetadata, viewStateSchema } from "./forms";
import { fromSlackText } from "./slack-text";

/**
 * Payload -> CoreEvent translations. Each parses only the fields it uses (zod), so an
 * unexpected payload is dropped instead of half-handled, and returns undefined for
 * anything copbot ignores (bots, its own messages, irrelevant subtypes).
 */

/** Who the bot is; needed to drop its own events and to spot @-mentions of it. */
export interface BotIdentity {
  readonly botUserId: string;
  readonly botId?: string;
}

const slack = (raw: string) => qualify("slack", raw);

/** A Slack id (`U0ANNA`, `C0FRAGEN`): letters, digits, `_` and `-`, never empty. */
const slackId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** A Slack timestamp: seconds with a fraction (`1764000000.000100`). */
const slackTs = z.string().regex(/^\d{1,12}(\.\d{1,9})?$/);
/** Slack timestamps are seconds with a microsecond fraction. */
const tsToDate = (ts: string) => new Date(Math.round(Number.parseFloat(ts) * 1000));
const isDmChannel = (channel: string) => channel.startsWith("D");

/** A message's identity in both `message` and `app_mention` deliveries, so one of the two is dropped. */
const messageEventId = (channel: string, ts: string) => `slack:msg:${channel}:${ts}`;

const postedMessage = z.object({
  user: slackId.optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  text: z.string().default(""),
  ts: slackTs,
  thread_ts: slackTs.optional(),
});

const messagePayload = z.object({
  type: z.enum(["message", "app_mention"]),
  subtype: z.string().optional(),
  channel: slackId,
  channel_type: z.string().optional(),
  user: slackId.optional(),
  bot_id: z.string().optional(),
  text: z.string().default(""),
  ts: slackTs,
  thread_ts: slackTs.optional(),
  event_ts: slackTs.optional(),
  message: postedMessage.optional(),
  previous_message: postedMessage.partial({ ts: true }).optional(),
  deleted_ts: slackTs.optional(),
});

/** Subtypes that are still a person writing something; every other subtype is ignored. */
const PLAIN_SUBTYPES = new Set(["thread_broadcast", "file_share", "me_message"]);

const isFromBot = (m: { user?: string; bot_id?: string; subtype?: string }, bot: BotIdentity) =>
  m.bot_id !== undefined || m.subtype === "bot_message" || m.user === undefined || m.user === bot.botUserId;

/** `message` (channels, private channels, DMs) and `app_mention`, including edits and deletions. */
export function fromMessageEvent(
  payload: unknown,
  bot: BotIdentity,
): MessageEvent | MessageEditedEvent | MessageDeletedEvent | undefined {
  const parsed = messagePayload.safeParse(payload);
  if (!parsed.success) return undefined;
  const e = parsed.data;
  const isDm = e.channel_type === "im" || isDmChannel(e.channel);
  const where = { platform: "slack" as const, channelId: slack(e.channel), isDm };

  if (e.subtype === "message_changed") {
    const m = e.message;
    if (!m || isFromBot(m, bot)) return undefined;
    // Slack also reports unfurls and thread-reply counts as "changes"; only a new text is an edit.
    if (e.previous_message && e.previous_message.text === m.text) return undefined;
    return {
      ...where,
      kind: "message_edited",
      id: `slack:edit:${e.channel}:${m.ts}:${e.event_ts ?? e.ts}`,
      at: tsToDate(e.event_ts ?? e.ts),
      userId: slack(m.user ?? ""),
      messageId: m.ts,
      text: fromSlackText(m.text, "message"),
    };
  }
  if (e.subtype === "message_deleted") {
    const previous = e.previous_message;
    const deleted = e.deleted_ts ?? previous?.ts;
    if (!previous || !deleted || isFromBot(previous, bot)) return undefined;
    return {
      ...where,
      kind: "message_deleted",
      id: `slack:del:${e.channel}:${deleted}`,
      at: tsToDate(e.event_ts ?? e.ts),
      userId: slack(previous.user ?? ""),
      messageId: deleted,
    };
  }
  if (e.subtype !== undefined && !PLAIN_SUBTYPES.has(e.subtype)) return undefined;
  if (isFromBot(e, bot)) return undefined;
  return {
    ...where,
    kind: "message",
    id: messageEventId(e.channel, e.ts),
    at: tsToDate(e.ts),
    userId: slack(e.user ?? ""),
    messageId: e.ts,
    ...(e.thread_ts !== undefined && e.thread_ts !== e.ts ? { threadId: e.thread_ts } : {}),
    text: fromSlackText(e.text, "message"),
    mentionsBot: e.type === "app_mention" || e.text.includes(`<@${bot.botUserId}>`),
  };
}

const reactionPayload = z.object({
  type: z.enum(["reaction_added", "reaction_removed"]),
  user: slackId,
  reaction: z.string().min(1).max(100),
  item: z.object({ type: z.literal("message"), channel: slackId, ts: slackTs }),
  event_ts: slackTs,
});

/** Slack reports skin tones as `thumbsup::skin-tone-3`; copbot only cares about the emoji. */
const normalizeEmoji = (name: string) => name.replace(/::skin-tone-\d$/, "");

export function fromReactionEvent(payload: unknown, bot: BotIdentity): ReactionEvent | undefined {
  const parsed = reactionPayload.safeParse(payload);
  if (!parsed.success || parsed.data.user === bot.botUserId) return undefined;
  const e = parsed.data;
  return {
    kind: "reaction",
    platform: "slack",
    id: `slack:${e.type === "reaction_added" ? "react" : "unreact"}:${e.item.channel}:${e.item.ts}:${e.user}:${e.reaction}:${e.event_ts}`,
    at: tsToDate(e.event_ts),
    userId: slack(e.user),
    channelId: slack(e.item.channel),
    isDm: isDmChannel(e.item.channel),
    messageId: e.item.ts,
    emoji: normalizeEmoji(e.reaction),
    ...(e.type === "reaction_removed" ? { removed: true } : {}),
  };
}

const memberJoinedPayload = z.object({
  type: z.literal("member_joined_channel"),
  user: slackId,
  channel: slackId,
  event_ts: slackTs.optional(),
});

/** The Events API wrapper around an event: its id and time (seconds). */
const envelopePayload = z.object({ event_id: z.string().optional(), event_time: z.number().optional() });

/**
 * Someone joined a channel. Slack documents the event without `event_ts`: the wrapper's
 * `event_id` (the same on every retry) and `event_time` stand in for it.
 */
export function fromMemberJoined(
  payload: unknown,
  bot: BotIdentity,
  envelope: unknown,
  now: Date,
): MemberJoinedEvent | undefined {
  const parsed = memberJoinedPayload.safeParse(payload);
  if (!parsed.success || parsed.data.user === bot.botUserId) return undefined;
  const e = parsed.data;
  const wrapper = envelopePayload.safeParse(envelope).data;
  const stamp = e.event_ts ?? wrapper?.event_id ?? `${e.user}@${now.getTime()}`;
  const at =
    e.event_ts !== undefined
      ? tsToDate(e.event_ts)
      : wrapper?.event_time !== undefined
        ? new Date(wrapper.event_time * 1000)
        : now;
  return {
    kind: "member_joined",
    platform: "slack",
    id: `slack:join:${e.channel}:${e.user}:${stamp}`,
    at,
    userId: slack(e.user),
    channelId: slack(e.channel),
    isDm: false,
  };
}

const commandPayload = z.object({
  text: z.string().default(""),
  user_id: slackId,
  user_name: z.string().optional(),
  channel_id: slackId,
  channel_name: z.string().optional(),
  response_url: z.string().optional(),
  trigger_id: z.string(),
});

/** `/cop …`: `text` is everything after the command, as the core expects. */
export function fromSlashCommand(payload: unknown, now: Date): CommandEvent | undefined {
  const parsed = commandPayload.safeParse(payload);
  if (!parsed.success) return undefined;
  const c = parsed.data;
  return {
    kind: "command",
    platform: "slack",
    id: `slack:cmd:${c.trigger_id}`,
    at: now,
    userId: slack(c.user_id),
    ...(c.user_name !== undefined ? { userName: c.user_name } : {}),
    channelId: slack(c.channel_id),
    isDm: c.channel_name === "directmessage" || isDmChannel(c.channel_id),
    text: fromSlackText(c.text, "command").trim(),
    ...(c.response_url !== undefined ? { replyToken: c.response_url } : {}),
    triggerId: c.trigger_id,
  };
}

const user = z.object({ id: slackId, username: z.string().optional(), name: z.string().optional() });

const blockActionsPayload = z.object({
  type: z.literal("block_actions"),
  user,
  trigger_id: z.string().optional(),
  response_url: z.string().optional(),
  channel: z.object({ id: slackId }).optional(),
  container: z
    .object({
      message_ts: slackTs.optional(),
      channel_id: slackId.optional(),
      thread_ts: slackTs.optional(),
    })
    .optional(),
  message: z.object({ ts: slackTs, thread_ts: slackTs.optional() }).optional(),
  actions: z.array(
    z.object({
      type: z.string(),
      action_id: z.string(),
      value: z.string().optional(),
      action_ts: slackTs,
    }),
  ),
});

/** A button press on a bot message. Presses inside modals or App Home are not routed (no channel). */
export function fromBlockAction(payload: unknown): ButtonEvent | undefined {
  const parsed = blockActionsPayload.safeParse(payload);
  if (!parsed.success) return undefined;
  const b = parsed.data;
  const action = b.actions.find((a) => a.type === "button");
  const channel = b.channel?.id ?? b.container?.channel_id;
  const messageTs = b.container?.message_ts ?? b.message?.ts;
  if (!action || !channel || !messageTs) return undefined;
  const threadTs = b.message?.thread_ts ?? b.container?.thread_ts;
  const name = b.user.username ?? b.user.name;
  return {
    kind: "button",
    platform: "slack",
    id: `slack:button:${b.user.id}:${action.action_ts}`,
    at: tsToDate(action.action_ts),
    userId: slack(b.user.id),
    ...(name !== undefined ? { userName: name } : {}),
    channelId: slack(channel),
    isDm: isDmChannel(channel),
    messageId: messageTs,
    ...(threadTs !== undefined && threadTs !== messageTs ? { threadId: threadTs } : {}),
    action: buttonAction(action.action_id),
    ...(action.value !== undefined ? { value: action.value } : {}),
    ...(b.trigger_id !== undefined ? { triggerId: b.trigger_id } : {}),
    ...(b.response_url !== undefined ? { replyToken: b.response_url } : {}),
  };
}

const viewSubmissionPayload = z.object({
  type: z.literal("view_submission"),
  user,
  view: z.object({
    id: z.string(),
    callback_id: z.string(),
    hash: z.string().optional(),
    private_metadata: z.string().optional(),
    state: z.object({ values: viewStateSchema }),
  }),
});

/**
 * A submitted modal. It has no channel of its own: the channel the form was opened from
 * travels in `private_metadata`; without one, answers go to the user's DM with the bot.
 */
export function fromViewSubmission(payload: unknown, now: Date): FormSubmitEvent | undefined {
  const parsed = viewSubmissionPayload.safeParse(payload);
  if (!parsed.success) return undefined;
  const { user: u, view } = parsed.data;
  const metadata = readFormMetadata(view.private_metadata);
  const values = formValues(view.state.values);
  const name = u.username ?? u.name;
  return {
    kind: "form_submit",
    platform: "slack",
    id: `slack:view:${view.id}:${view.hash ?? ""}`,
    at: now,
    userId: slack(u.id),
    ...(name !== undefined ? { userName: name } : {}),
    channelId: slack(metadata.channel ?? u.id),
    isDm: metadata.channel === undefined || isDmChannel(metadata.channel),
    formId: view.callback_id,
    values: metadata.form !== undefined ? { ...values, __context: metadata.form } : values,
  };
}
