import type { webApi } from "@slack/bolt";
import pino, { type Logger } from "pino";
import { remember } from "../../src/core/bounded-map";
import { afterDelivery, PlatformError } from "../../src/core/errors";
import { qualify, rawId, splitId } from "../../src/core/ids";
import {
  attachmentBytes,
  isTextAttachment,
  type Attachment,
  type OutgoingMessage,
  type PostedRef,
  type Target,
} from "../../src/core/message";
import type { ChatPort, Connection, Delivery, FormSpec, UserInfo } from "../../src/core/port";
import type { Role } from "../../src/core/roles";
import { renderMessage, type RenderedMessage } from "./blocks";
import { deliveryMetadata, findEarlierPost, threadFileNames } from "./delivery-lookup";
import { slackErrorCode, toPlatformError } from "./errors";
import { openModal } from "./forms";
import { postToResponseUrl } from "./response-url";
import { SlackDirectory } from "./directory";
import { SlackPeople } from "./people";
import { PrivateSpaces, realSleep, withRateLimitRetry, type Sleep } from "./private-space";
import { UNREACHABLE, UnreachableChannels } from "./unreachable";

type WebClient = webApi.WebClient;

/** Slack errors that mean the wanted state already holds. */
const ALREADY_DONE = new Set([
  "already_pinned",
  "already_in_channel",
  "already_archived",
  "cant_invite_self",
  "already_reacted",
  "no_reaction",
]);

export interface SlackPortOptions {
  /** The Web API client for copbot's own calls (short timeout, no retries of its own). */
  readonly client: WebClient;
  readonly botUserId: () => Promise<string>;
  readonly fetchFn?: typeof fetch;
  readonly now?: () => number;
  readonly sleep?: Sleep;
  /** Whether workspace owners and admins moderate copbot (`SLACK_ADMINS_MODERATE`). */
  readonly adminsModerate?: boolean;
  /** How long a `response_url` may take to answer. */
  readonly timeoutMs?: number;
  /** The state of the adapter's connection to Slack. */
  readonly connection?: () => Connection;
  readonly log?: Logger;
}

/**
 * `ChatPort` on the Slack Web API. It only translates: which calls to make, with which
 * Block Kit, and which Slack failures are retryable. Queueing and retrying are the outbox's.
 * Every post carries its outbox delivery id in the message metadata, so a post in doubt
 * (copbot died or timed out while it was in flight) is looked up before it is sent again.
 */
export class SlackPort implements ChatPort {
  readonly platform = "slack" as const;
  private readonly dmChannels = new Map<string, string>();
  /** Where each recent `trigger_id` came from, so a modal's answer lands in the same channel. */
  private readonly triggerChannels = new Map<string, string>();
  private readonly client: WebClient;
  private readonly botUserId: () => Promise<string>;
  private readonly fetchFn: typeof fetch;
  private readonly directory: SlackDirectory;
  private readonly people: SlackPeople;
  private readonly spaces: PrivateSpaces;
  private readonly log: Logger;
  private readonly sleep: Sleep;
  /** Channels where a post failed because copbot is no member (see `UnreachableChannels`). */
  readonly unreachable = new UnreachableChannels();

  constructor(private readonly options: SlackPortOptions) {
    this.client = options.client;
    this.botUserId = options.botUserId;
    this.fetchFn = options.fetchFn ?? fetch;
    this.log = options.log ?? pino({ level: "silent" });
    const sleep = options.sleep ?? realSleep;
    this.directory = new SlackDirectory(this.client);
    this.people = new SlackPeople(this.client, options.now ?? Date.now);
    this.spaces = new PrivateSpaces(this.client, this.botUserId, sleep);
    this.sleep = sleep;
  }

  connection(): Connection {
    return this.options.connection?.() ?? { state: "connected" };
  }

  /** Remembers the channel a trigger came from (called by the adapter for commands and buttons). */
  rememberTrigger(triggerId: string, channelId: string): void {
    // Triggers expire after 3 s; a short memory is enough.
    remember(this.triggerChannels, triggerId, channelId, 500);
  }

  private async call<T>(method: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toPlatformError(error, method);
    }
  }

  /** Like `call`, but a Slack error meaning "already so" counts as success. */
  private async idempotent(method: string, run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (error) {
      const code = slackErrorCode(error);
      if (code === undefined || !ALREADY_DONE.has(code)) throw toPlatformError(error, method);
    }
  }

  /**
   * Posts into a channel, a thread or a person's DM (the user id as channel: Slack opens the
   * DM itself, so a fan-out costs one call per member). In doubt, it looks first.
   */
  async post(target: Target, message: OutgoingMessage, delivery?: Delivery): Promise<PostedRef> {
    const rendered = renderMessage(message);
    if (target.kind === "ephemeral") return this.postEphemeral(target, rendered, message);
    const channel = target.kind === "dm" ? rawId(target.userId) : rawId(target.channelId);
    const threadTs =
      target.kind === "channel" && target.threadId !== undefined ? rawId(target.threadId) : undefined;
    if (delivery?.inDoubt) {
      const found = await this.lookUp(target, threadTs, delivery);
      if (found) {
        await this.attachOnce(rawId(found.channelId), threadTs ?? found.messageId, message);
        return found;
      }
    }
    const result = await this.call("chat.postMessage", () =>
      this.client.chat
        .postMessage({
          channel,
          ...rendered,
          ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
          unfurl_links: false,
          unfurl_media: false,
          ...(delivery ? { metadata: deliveryMetadata(delivery) } : {}),
        })
        .catch((error: unknown) => {
          if (UNREACHABLE.has(slackErrorCode(error) ?? "")) this.unreachable.note(channel);
          throw error;
        }),
    );
    const ref = { channelId: qualify("slack", result.channel ?? channel), messageId: result.ts ?? "" };
    try {
      await this.upload(rawId(ref.channelId), threadTs ?? ref.messageId, message.attachments ?? []);
    } catch (error) {
      // The message is out: the retry must find it and upload only what is missing.
      throw error instanceof PlatformError ? afterDelivery(error) : error;
    }
    return ref;
  }

  /** An earlier attempt's post, when Slack has it (see `findEarlierPost`). */
  private async lookUp(
    target: Extract<Target, { kind: "channel" | "dm" }>,
    threadTs: string | undefined,
    delivery: Delivery,
  ): Promise<PostedRef | undefined> {
    const channel = target.kind === "dm" ? await this.openDm(rawId(target.userId)) : rawId(target.channelId);
    const ts = await findEarlierPost(this.client, channel, threadTs, delivery, this.log);
    return ts === undefined ? undefined : { channelId: qualify("slack", channel), messageId: ts };
  }

  /** The files of a post found after a crash or a failed upload, except those already in its thread. */
  private async attachOnce(channel: string, threadTs: string, message: OutgoingMessage): Promise<void> {
    const files = message.attachments ?? [];
    if (files.length === 0) return;
    const there = await threadFileNames(this.client, channel, threadTs);
    await this.upload(
      channel,
      threadTs,
      files.filter((file) => !there.has(file.name)),
    );
  }

  /** Ephemeral answers use the command's `response_url` when there is one, else `chat.postEphemeral`. */
  private async postEphemeral(
    target: Extract<Target, { kind: "ephemeral" }>,
    rendered: RenderedMessage,
    message: OutgoingMessage,
  ): Promise<PostedRef> {
    const channel = rawId(target.channelId);
    if (message.attachments?.length)
      await this.upload(await this.openDm(rawId(target.userId)), undefined, message.attachments);
    if (
      target.replyToken !== undefined &&
      (await postToResponseUrl(this.fetchFn, target.replyToken, rendered, this.options.timeoutMs))
    ) {
      return { channelId: target.channelId, messageId: "" };
    }
    const result = await this.call("chat.postEphemeral", () =>
      this.client.chat.postEphemeral({
        channel,
        user: rawId(target.userId),
        ...rendered,
        ...(target.threadId !== undefined ? { thread_ts: rawId(target.threadId) } : {}),
      }),
    );
    return { channelId: target.channelId, messageId: result.message_ts ?? "" };
  }

  /**
   * Uploads a message's files in one `files.uploadV2` flow (getUploadURLExternal per file, the
   * upload, one completeUploadExternal that shares them into the channel or thread).
   */
  private async upload(
    channel: string,
    threadTs: string | undefined,
    files: readonly Attachment[],
  ): Promise<void> {
    if (files.length === 0) return;
    const file_uploads = files.map((file) =>
      isTextAttachment(file)
        ? { filename: file.name, title: file.name, content: file.content }
        : { filename: file.name, title: file.name, file: attachmentBytes(file) },
    );
    const upload = { channel_id: channel, file_uploads };
    await this.call("files.uploadV2", () =>
      this.client.filesUploadV2(threadTs ? { ...upload, thread_ts: threadTs } : upload),
    );
  }

  private async openDm(user: string): Promise<string> {
    const known = this.dmChannels.get(user);
    if (known !== undefined) return known;
    const result = await this.call("conversations.open", () =>
      this.client.conversations.open({ users: user }),
    );
    const channel = result.channel?.id;
    if (channel === undefined) throw new PlatformError("slack conversations.open returned no channel", false);
    this.dmChannels.set(user, channel);
    return channel;
  }

  /** Replacing a message is idempotent: a repeat after a crash shows the same content. */
  async update(ref: PostedRef, message: OutgoingMessage): Promise<void> {
    const rendered = renderMessage(message);
    await this.call("chat.update", () =>
      this.client.chat.update({ channel: rawId(ref.channelId), ts: ref.messageId, ...rendered }),
    );
  }

  async pin(ref: PostedRef): Promise<void> {
    await this.idempotent("pins.add", () =>
      this.client.pins.add({ channel: rawId(ref.channelId), timestamp: ref.messageId }),
    );
  }

  /** Reacts as copbot; a repeat finds the reaction there (`already_reacted`) and counts as done. */
  async react(ref: PostedRef, emoji: string): Promise<undefined> {
    await this.idempotent("reactions.add", () =>
      this.client.reactions.add({ channel: rawId(ref.channelId), timestamp: ref.messageId, name: emoji }),
    );
    return undefined;
  }

  /** Takes copbot's reaction back; one already gone (`no_reaction`) counts as done. */
  async unreact(ref: PostedRef, emoji: string): Promise<void> {
    await this.idempotent("reactions.remove", () =>
      this.client.reactions.remove({ channel: rawId(ref.channelId), timestamp: ref.messageId, name: emoji }),
    );
  }

  /**
   * Idempotent per name (see `PrivateSpaces`): a retry after a failed step reuses the channel.
   * Topic and invite wait out a short 429 instead of failing the whole formation.
   */
  async createPrivateSpace(spec: {
    readonly name: string;
    readonly topic: string;
    readonly memberIds: readonly string[];
  }): Promise<string> {
    const qualified = qualify("slack", await this.spaces.ensure(spec.name, spec.topic));
    await withRateLimitRetry(this.sleep, () => this.invite(qualified, spec.memberIds));
    return qualified;
  }

  /** A group DM (`conversations.open` with several users); Slack keeps one per set of people. */
  async openGroupConversation(spec: {
    readonly name: string;
    readonly topic: string;
    readonly memberIds: readonly string[];
  }): Promise<string> {
    const users = spec.memberIds.filter((id) => splitId(id)?.platform === "slack").map(rawId);
    const result = await this.call("conversations.open", () =>
      this.client.conversations.open({ users: users.join(",") }),
    );
    const channel = result.channel?.id;
    if (channel === undefined) throw new PlatformError("slack conversations.open returned no channel", false);
    return qualify("slack", channel);
  }

  /** Invites Slack members; people from other platforms cannot join a Slack channel and are skipped. */
  async invite(channelId: string, userIds: readonly string[]): Promise<void> {
    const self = await this.botUserId();
    const slackIds = userIds.filter((id) => splitId(id)?.platform === "slack").map(rawId);
    const users = [...new Set(slackIds)].filter((u) => u !== self);
    if (users.length === 0) return;
    await this.idempotent("conversations.invite", () =>
      this.client.conversations.invite({ channel: rawId(channelId), users: users.join(","), force: true }),
    );
  }

  /** Removes a Slack member from a channel; one who is not (or no longer) in it counts as removed. */
  async removeFromSpace(channelId: string, userId: string): Promise<void> {
    if (splitId(userId)?.platform !== "slack") return;
    try {
      await this.client.conversations.kick({ channel: rawId(channelId), user: rawId(userId) });
    } catch (error) {
      if (slackErrorCode(error) !== "not_in_channel") throw toPlatformError(error, "conversations.kick");
    }
  }

  async archiveSpace(channelId: string): Promise<void> {
    await this.idempotent("conversations.archive", () =>
      this.client.conversations.archive({ channel: rawId(channelId) }),
    );
  }

  async resolveChannel(ref: string): Promise<string | undefined> {
    const id = await this.call("conversations.list", () => this.directory.channel(ref));
    return id === undefined ? undefined : qualify("slack", id);
  }

  async resolveUser(ref: string): Promise<string | undefined> {
    const id = await this.call("users.list", () => this.directory.user(ref));
    return id === undefined ? undefined : qualify("slack", id);
  }

  userInfo(userId: string): Promise<UserInfo | undefined> {
    return this.people.info(userId);
  }

  /** A member's display name for inbound events (see `SlackPeople.nameOf`). */
  nameOf(userId: string): Promise<string | undefined> {
    return this.people.nameOf(userId);
  }

  /** Workspace owners and admins moderate copbot (see `SlackPeople.role`). */
  async platformRole(userId: string, _channelId?: string): Promise<Role | undefined> {
    return (this.options.adminsModerate ?? true) ? this.people.role(userId) : undefined;
  }

  /** Opens a modal; false when the core should ask step by step instead (see `openModal`). */
  openForm(triggerId: string | undefined, _userId: string, form: FormSpec): Promise<boolean> {
    if (triggerId === undefined) return Promise.resolve(false);
    return openModal(this.client, triggerId, form, this.triggerChannels.get(triggerId), this.log);
  }

  async permalink(ref: PostedRef): Promise<string | undefined> {
    try {
      const result = await this.client.chat.getPermalink({
        channel: rawId(ref.channelId),
        message_ts: ref.messageId,
      });
      return result.permalink;
    } catch {
      return undefined;
    }
  }
}
