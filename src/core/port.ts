import type { CoreEvent, FormSubmitEvent } from "./events";
import type { Platform } from "./ids";
import type { OutgoingMessage, PostedRef, Target } from "./message";
import type { Role } from "./roles";

/** One field of a form (a Slack modal; a step-by-step dialog elsewhere). */
export interface FormField {
  readonly name: string;
  readonly label: string;
  readonly kind: "text" | "multiline" | "date" | "select";
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  readonly optional?: boolean;
  readonly initial?: string;
  readonly hint?: string;
}

export interface FormSpec {
  /** Comes back as `FormSubmitEvent.formId`. */
  readonly formId: string;
  readonly title: string;
  readonly submitLabel: string;
  readonly fields: readonly FormField[];
  /** Context that travels with the form and returns in the submission (`values.__context`). */
  readonly context?: string;
}

export interface UserInfo {
  readonly displayName?: string;
  readonly timeZone?: string;
}

/**
 * What the outbox tells a port about one queued message, so that a retry never doubles it:
 * Matrix sends `id` as the transaction id (the homeserver drops a repeat), Slack tags the post
 * with it in the message metadata and looks for it before posting again when `inDoubt`.
 */
export interface Delivery {
  /** Stable for one outbox item across retries and restarts, unique across databases. */
  readonly id: string;
  /** An earlier attempt may have reached the platform (a crash or timeout while in flight). */
  readonly inDoubt: boolean;
  /** When the first attempt started (where to start looking for it). */
  readonly since: Date;
}

/** How a platform connection is doing, for readiness and `/cop status`. */
export interface Connection {
  readonly state: "connected" | "connecting" | "disconnected";
  /** Since when it is in this state, when known. */
  readonly since?: Date;
  /** A short reason for an unhealthy state (the last error). */
  readonly detail?: string;
}

/**
 * Everything the core may ask of a chat platform. Ids are copbot ids (platform-qualified);
 * the adapter strips the prefix with `rawId`. Methods throw `PlatformError`s (see errors.ts)
 * so the outbox can retry rate limits and transient failures.
 */
export interface ChatPort {
  readonly platform: Platform;
  /** Posts a message; returns where it landed. With a `delivery`, a repeat never posts twice. */
  post(target: Target, message: OutgoingMessage, delivery?: Delivery): Promise<PostedRef>;
  /** Replaces a message the bot posted earlier (RSVP counts). */
  update(ref: PostedRef, message: OutgoingMessage, delivery?: Delivery): Promise<void>;
  /** Pins a message in its channel. */
  pin(ref: PostedRef): Promise<void>;
  /** Creates a private channel/room, invites the members, returns its channel id. */
  createPrivateSpace(spec: {
    readonly name: string;
    readonly topic: string;
    readonly memberIds: readonly string[];
  }): Promise<string>;
  invite(channelId: string, userIds: readonly string[]): Promise<void>;
  /** Removes a person from a private channel/room copbot created (a member leaving a running group). */
  removeFromSpace(channelId: string, userId: string): Promise<void>;
  /**
   * Opens one private conversation with several people and copbot (a Slack group DM, a new
   * Matrix room inviting them) and returns its channel id. Absent where a platform has none:
   * the core then writes to each person directly.
   */
  openGroupConversation?(spec: {
    readonly name: string;
    readonly topic: string;
    readonly memberIds: readonly string[];
  }): Promise<string>;
  /** Archives a channel (Slack) or closes a room for writing (Matrix). */
  archiveSpace(channelId: string): Promise<void>;
  /** Resolves what a user typed for a channel (`#fragen`, `<#C1|fragen>`, `!room:server`). */
  resolveChannel(ref: string): Promise<string | undefined>;
  /** Resolves what a user typed for a person (`@ben`, `<@U1>`, `@ben:server`). */
  resolveUser(ref: string): Promise<string | undefined>;
  /** Profile data the platform knows about a user. */
  userInfo(userId: string): Promise<UserInfo | undefined>;
  /** A role the platform grants (console `admin`, Matrix power level >= 50). */
  platformRole(userId: string, channelId?: string): Promise<Role | undefined>;
  /** Opens a form for the user; false when the platform has no forms (the core then asks step by step). */
  openForm(triggerId: string | undefined, userId: string, form: FormSpec): Promise<boolean>;
  /** A link to a message, for search results; undefined when the platform has none. */
  permalink(ref: PostedRef): Promise<string | undefined>;
  /** The connection's state; a port without it counts as connected. */
  connection?(): Connection;
}

/** What the core offers an adapter besides `handle`, for platforms that need an answer before it. */
export interface AdapterHooks {
  /** Field problems of a submitted form (see `Bot.validateForm`), checked before the form closes. */
  validateForm?(event: FormSubmitEvent): Promise<Readonly<Record<string, string>> | undefined>;
}

/** A running platform connection: it feeds events to the core and offers a port. */
export interface Adapter {
  readonly port: ChatPort;
  start(handle: (event: CoreEvent) => Promise<void>, hooks?: AdapterHooks): Promise<void>;
  stop(): Promise<void>;
}
