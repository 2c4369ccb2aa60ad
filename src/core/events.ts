import type { Platform } from "./ids";

/** Fields every inbound event has. All ids are copbot ids (see `ids.ts`). */
interface EventBase {
  /** Unique per platform event; used to drop duplicates (Slack retries, Matrix replays). */
  readonly id: string;
  readonly platform: Platform;
  /** When the platform says the event happened. */
  readonly at: Date;
}

interface UserEventBase extends EventBase {
  readonly userId: string;
  /** The display name the platform reports, if known; used to keep member profiles fresh. */
  readonly userName?: string;
  readonly channelId: string;
  readonly isDm: boolean;
  /**
   * The platform delivered it late: copbot was down or cut off when it happened (a Matrix
   * catch-up after a restart, a Slack retry). Its answer says sorry for the wait.
   */
  readonly late?: boolean;
}

export interface MessageEvent extends UserEventBase {
  readonly kind: "message";
  /** The message's own id (Slack ts, Matrix event id, console ref). */
  readonly messageId: string;
  /** Root message id when the message is a thread reply. */
  readonly threadId?: string;
  readonly text: string;
  /** True when the message addresses the bot directly (an @-mention of the bot). */
  readonly mentionsBot: boolean;
}

export interface MessageEditedEvent extends UserEventBase {
  readonly kind: "message_edited";
  readonly messageId: string;
  readonly text: string;
}

export interface MessageDeletedEvent extends UserEventBase {
  readonly kind: "message_deleted";
  readonly messageId: string;
}

/** `/cop …` on Slack and the console, `!cop …` on Matrix. `text` is everything after `cop`. */
export interface CommandEvent extends UserEventBase {
  readonly kind: "command";
  readonly text: string;
  readonly threadId?: string;
  /** Adapter-specific token for answering (Slack `response_url`, Slack `trigger_id` for modals). */
  readonly replyToken?: string;
  readonly triggerId?: string;
}

export interface ReactionEvent extends UserEventBase {
  readonly kind: "reaction";
  /** The message that was reacted to. */
  readonly messageId: string;
  /** Normalized emoji name without colons, e.g. `white_check_mark`. */
  readonly emoji: string;
  /** The reaction was taken back (Slack `reaction_removed`, a Matrix redaction of it). */
  readonly removed?: boolean;
}

export interface ButtonEvent extends UserEventBase {
  readonly kind: "button";
  /** The bot message that carries the button. */
  readonly messageId: string;
  readonly threadId?: string;
  readonly action: string;
  readonly value?: string;
  /** The choice was taken back (Matrix: the choice reaction was redacted). */
  readonly withdrawn?: boolean;
  readonly triggerId?: string;
  readonly replyToken?: string;
}

/** A submitted form (Slack modal). `formId` names the form, `values` are its fields. */
export interface FormSubmitEvent extends UserEventBase {
  readonly kind: "form_submit";
  readonly formId: string;
  readonly values: Readonly<Record<string, string>>;
}

export interface MemberJoinedEvent extends UserEventBase {
  readonly kind: "member_joined";
}

/** One event a platform delivered too late to handle (see `MissedEvent`). */
export interface TooLate {
  /** The event's own id, as it would have been handled (`matrix:$abc`). */
  readonly id: string;
  readonly channelId: string;
  readonly at: Date;
  /** The message, when it was one: the summary links to it. */
  readonly messageId?: string;
}

/**
 * Events copbot did not handle because they arrived after a longer outage than the platform's
 * catch-up window (`olderThanMs`): the moderators hear about them once instead of nobody.
 * Those handled before (a replay) are not counted.
 */
export interface MissedEvent extends EventBase {
  readonly kind: "missed";
  readonly olderThanMs: number;
  readonly events: readonly TooLate[];
}

/** A scheduler tick: run what is due at `at`. */
export interface TimerEvent extends EventBase {
  readonly kind: "timer";
}

export type CoreEvent =
  | MessageEvent
  | MessageEditedEvent
  | MessageDeletedEvent
  | CommandEvent
  | ReactionEvent
  | ButtonEvent
  | FormSubmitEvent
  | MemberJoinedEvent
  | MissedEvent
  | TimerEvent;

export type UserEvent = Exclude<CoreEvent, TimerEvent | MissedEvent>;
