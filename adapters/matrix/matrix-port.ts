import type { Logger } from "pino";
import { qualify, rawId, splitId } from "../../src/core/ids";
import {
  attachmentBytes,
  type Attachment,
  type OutgoingMessage,
  type PostedRef,
  type Target,
} from "../../src/core/message";
import type { ChatPort, Connection, Delivery, FormSpec, UserInfo } from "../../src/core/port";
import type { Role } from "../../src/core/roles";
import type { Lang } from "../../src/i18n";
import type { ButtonRow } from "./buttons";
import type { RetryingMatrixClient } from "./client";
import { stateContent, type MatrixDirectory } from "./directory";
import { DmRooms, EncryptedDmError } from "./dm-rooms";
import { guard } from "./errors";
import { GroupRooms } from "./group-rooms";
import { PinnedEventsSchema } from "./event-schema";
import { matrixTo } from "./html";
import { referencedIds, renderMessage, type Rendered } from "./render";
import type { ThreadTracker } from "./threads";

type EphemeralTarget = Extract<Target, { kind: "ephemeral" }>;

/** The reaction that tells someone the answer to their command is in their DM. */
const ANSWERED_IN_DM = "📬";
/** Remembers this many marked commands; older ones fall out first. */
const POINTED_CAPACITY = 1_000;

/** What the port shares with the adapter: the running client and what both remember. */
export interface MatrixPortContext {
  client(): RetryingMatrixClient;
  botUserId(): string;
  spaceId(): string | undefined;
  readonly lang: Lang;
  readonly log: Logger;
  readonly threads: ThreadTracker;
  readonly directory: MatrixDirectory;
  /** Button tables of copbot's own messages, by event id (the event content has them too). */
  readonly buttons: Map<string, { table: ButtonRow[]; threadId?: string }>;
  /** True while end-to-end encryption runs: encrypted DMs and group rooms are fine then. */
  encryption(): boolean;
}

/**
 * The transaction id of one event of an outbox delivery: the same on every attempt, so the
 * homeserver keeps one event however often copbot sends it (a crash or a timeout in flight).
 */
function txnOf(delivery: Delivery | undefined, part: string): string | undefined {
  return delivery === undefined ? undefined : `copbot.${delivery.id}.${part}`;
}

/**
 * The Matrix side of `ChatPort`: every call goes to the homeserver through the SDK. Events of
 * an outbox delivery (the message, its choice reactions, its file) carry transaction ids
 * derived from the delivery id, so a repeat never doubles them.
 */
export class MatrixPort implements ChatPort {
  readonly platform = "matrix" as const;
  private readonly dms: DmRooms;
  private readonly groups: GroupRooms;
  /** Commands already marked with 📬 in this run. */
  private readonly pointed = new Set<string>();
  /** People (by room) who saw a 📬 in this run: they know where their answers go. */
  private readonly toldWhere = new Set<string>();

  constructor(private readonly ctx: MatrixPortContext) {
    this.dms = new DmRooms(
      () => ctx.client(),
      () => ctx.encryption(),
    );
    this.groups = new GroupRooms(ctx);
  }

  post(target: Target, message: OutgoingMessage, delivery?: Delivery): Promise<PostedRef> {
    return guard("send", async () => {
      switch (target.kind) {
        case "channel":
          return this.send(rawId(target.channelId), target.threadId, message, delivery);
        case "dm":
          return this.send(await this.dms.roomFor(rawId(target.userId)), undefined, message, delivery);
        case "ephemeral":
          return this.postPrivately(target, message, delivery);
      }
    });
  }

  /** Someone wrote to copbot in a DM room: that is where their private answers go now. */
  dmUsedBy(userId: string, roomId: string): Promise<void> {
    return this.dms.use(userId, roomId);
  }

  connection(): Connection {
    return this.ctx.client().connection();
  }

  /** Sends one event, with the delivery's transaction id when it belongs to one. */
  private sendEvent(
    roomId: string,
    type: string,
    content: Record<string, unknown>,
    txnId: string | undefined,
  ): Promise<string> {
    const client = this.ctx.client();
    return txnId === undefined
      ? client.sendEvent(roomId, type, content)
      : client.sendEventWithTxn(roomId, type, content, txnId);
  }

  /**
   * Matrix cannot show a message to one person in a shared room, so what Slack shows
   * ephemerally (help, errors, someone's own groups, the welcome) goes to the person's DM. When
   * it answers a command typed in a room, a 📬 on the command shows where the answer went.
   */
  private async postPrivately(
    target: EphemeralTarget,
    message: OutgoingMessage,
    delivery: Delivery | undefined,
  ): Promise<PostedRef> {
    const roomId = rawId(target.channelId);
    let dm: string;
    try {
      dm = await this.dms.roomFor(rawId(target.userId));
    } catch (error) {
      if (!(error instanceof EncryptedDmError)) throw error;
      // No DM copbot could read: a post where the person asked is the only way to reach them.
      this.ctx.log.warn({ err: error }, "answering in the room: the homeserver encrypts new DMs");
      return this.send(roomId, target.threadId, message, delivery);
    }
    const ref = await this.send(dm, undefined, message, delivery);
    if (target.replyToken !== undefined) await this.pointToDm(roomId, target.replyToken, target.userId);
    return ref;
  }

  /**
   * Reacts 📬 to a command once, however many answers it gets (its transaction id comes from
   * the command, so not even a restart repeats it), and only to a person's first command in a
   * room per run: each reaction costs an event under the homeserver's rate limit, and after
   * the first one people know where their answers go. Never fails the delivered answer.
   */
  private async pointToDm(roomId: string, commandEventId: string, userId: string): Promise<void> {
    const person = `${roomId}|${userId}`;
    if (this.pointed.has(commandEventId) || this.toldWhere.has(person)) return;
    this.pointed.add(commandEventId);
    this.toldWhere.add(person);
    if (this.toldWhere.size > POINTED_CAPACITY) {
      const oldest = this.toldWhere.values().next().value;
      if (oldest !== undefined) this.toldWhere.delete(oldest);
    }
    if (this.pointed.size > POINTED_CAPACITY) {
      const oldest = this.pointed.values().next().value;
      if (oldest !== undefined) this.pointed.delete(oldest);
    }
    try {
      await this.ctx
        .client()
        .sendEventWithTxn(
          roomId,
          "m.reaction",
          { "m.relates_to": { rel_type: "m.annotation", event_id: commandEventId, key: ANSWERED_IN_DM } },
          `copbot.answered-in-dm.${commandEventId}`,
        );
    } catch (error) {
      this.ctx.log.warn({ err: error, roomId }, "could not mark the command as answered in the DM");
    }
  }

  private async send(
    roomId: string,
    threadId: string | undefined,
    message: OutgoingMessage,
    delivery?: Delivery,
  ): Promise<PostedRef> {
    const rendered = await this.render(message, roomId);
    const relation =
      threadId === undefined
        ? {}
        : {
            "m.relates_to": {
              rel_type: "m.thread",
              event_id: threadId,
              is_falling_back: true,
              "m.in_reply_to": { event_id: this.ctx.threads.latestIn(threadId) },
            },
          };
    const eventId = await this.sendEvent(
      roomId,
      "m.room.message",
      { ...rendered.content, ...relation },
      txnOf(delivery, "message"),
    );
    this.ctx.threads.record(eventId, threadId);
    // The message is out. Its choices and files carry the delivery's transaction ids, so a retry
    // after a failed file (see `attach`) sends nothing twice.
    if (rendered.buttons.length > 0) {
      this.ctx.buttons.set(eventId, { table: [...rendered.buttons], ...(threadId ? { threadId } : {}) });
      // Each reaction is an event under the homeserver's rate limit: copbot clicks the choices
      // in advance only on a room's own posts (a meeting reminder, a group call), which many
      // people answer. In a thread or a DM the message names the keys, and people react.
      if (threadId === undefined && !this.ctx.client().dms.isDm(roomId))
        await this.addChoices(roomId, eventId, rendered.buttons, delivery);
    }
    for (const [index, file] of (message.attachments ?? []).entries()) {
      await this.attach(roomId, threadId, file, txnOf(delivery, index === 0 ? "file" : `file${index}`));
    }
    return { channelId: qualify("matrix", roomId), messageId: eventId };
  }

  update(ref: PostedRef, message: OutgoingMessage, delivery?: Delivery): Promise<void> {
    return guard("edit", async () => {
      const roomId = rawId(ref.channelId);
      const { content, buttons } = await this.render(message, roomId);
      const known = this.ctx.buttons.get(ref.messageId);
      if (buttons.length > 0) {
        this.ctx.buttons.set(ref.messageId, {
          table: [...buttons],
          ...(known?.threadId ? { threadId: known.threadId } : {}),
        });
      }
      await this.sendEvent(
        roomId,
        "m.room.message",
        {
          msgtype: content.msgtype,
          body: `* ${String(content.body)}`,
          format: content.format,
          formatted_body: `* ${String(content.formatted_body)}`,
          "m.new_content": content,
          "m.relates_to": { rel_type: "m.replace", event_id: ref.messageId },
          // An edit must not notify again the people the original message already mentioned.
          "m.mentions": {},
        },
        txnOf(delivery, "edit"),
      );
    });
  }

  pin(ref: PostedRef): Promise<void> {
    return guard("pin", async () => {
      const roomId = rawId(ref.channelId);
      const current = PinnedEventsSchema.safeParse(
        (await stateContent(this.ctx.client(), roomId, "m.room.pinned_events")) ?? {},
      );
      const pinned = current.success ? current.data.pinned : [];
      if (pinned.includes(ref.messageId)) return;
      await this.ctx
        .client()
        .sendStateEvent(roomId, "m.room.pinned_events", "", { pinned: [...pinned, ref.messageId] });
    });
  }

  createPrivateSpace(spec: { name: string; topic: string; memberIds: readonly string[] }): Promise<string> {
    return guard("create room", async () =>
      qualify(
        "matrix",
        await this.groups.create({
          name: spec.name,
          topic: spec.topic,
          invite: this.matrixUsers(spec.memberIds),
        }),
      ),
    );
  }

  /** A new private room with the people invited (Matrix has no group DMs of its own). */
  openGroupConversation(spec: {
    name: string;
    topic: string;
    memberIds: readonly string[];
  }): Promise<string> {
    return this.createPrivateSpace(spec);
  }

  invite(channelId: string, userIds: readonly string[]): Promise<void> {
    return guard("invite", () => this.groups.invite(rawId(channelId), this.matrixUsers(userIds)));
  }

  removeFromSpace(channelId: string, userId: string): Promise<void> {
    return guard("remove from room", async () => {
      for (const raw of this.matrixUsers([userId])) await this.groups.remove(rawId(channelId), raw);
    });
  }

  archiveSpace(channelId: string): Promise<void> {
    return guard("archive room", () => this.groups.archive(rawId(channelId)));
  }

  resolveChannel(ref: string): Promise<string | undefined> {
    return this.ctx.directory.resolveChannel(ref);
  }

  resolveUser(ref: string): Promise<string | undefined> {
    return this.ctx.directory.resolveUser(ref);
  }

  userInfo(userId: string): Promise<UserInfo | undefined> {
    return this.ctx.directory.userInfo(userId);
  }

  platformRole(userId: string): Promise<Role | undefined> {
    return this.ctx.directory.platformRole(userId);
  }

  /** Matrix has no forms: the core asks step by step in a DM. */
  openForm(_triggerId: string | undefined, _userId: string, _form: FormSpec): Promise<boolean> {
    return Promise.resolve(false);
  }

  permalink(ref: PostedRef): Promise<string | undefined> {
    return Promise.resolve(matrixTo(rawId(ref.channelId), ref.messageId));
  }

  private matrixUsers(ids: readonly string[]): string[] {
    const me = this.ctx.botUserId();
    return ids.flatMap((id) => {
      const split = splitId(id);
      return split?.platform === "matrix" && split.raw !== me ? [split.raw] : [];
    });
  }

  private async render(message: OutgoingMessage, roomId: string): Promise<Rendered> {
    const ids = referencedIds(message);
    const users = new Map<string, string>();
    for (const userId of ids.users) {
      const name = await this.ctx.directory.displayName(roomId, userId).catch(() => undefined);
      if (name !== undefined) users.set(userId, name);
    }
    const rooms = new Map<string, string>();
    for (const id of ids.rooms) rooms.set(id, await this.ctx.directory.roomName(id).catch(() => id));
    return renderMessage(message, { lang: this.ctx.lang, names: { users, rooms } });
  }

  /** The bot reacts with each choice itself, so people only need to click. */
  private async addChoices(
    roomId: string,
    eventId: string,
    rows: readonly ButtonRow[],
    delivery: Delivery | undefined,
  ): Promise<void> {
    for (const [index, row] of rows.entries()) {
      try {
        await this.sendEvent(
          roomId,
          "m.reaction",
          { "m.relates_to": { rel_type: "m.annotation", event_id: eventId, key: row.key } },
          txnOf(delivery, `choice${index}`),
        );
      } catch (error) {
        this.ctx.log.warn(
          { err: error, roomId, eventId },
          "could not add a choice reaction; people can still react",
        );
      }
    }
  }

  /**
   * Uploads a file and sends it as its own event. Within a delivery a failure goes to the
   * outbox: the retry repeats the message, its choices and its files under the same
   * transaction ids, so the homeserver keeps one of each and only what was missing arrives.
   * Without one (nothing retries it) the message stands and the log says which file is missing.
   */
  private async attach(
    roomId: string,
    threadId: string | undefined,
    file: Attachment,
    txnId: string | undefined,
  ): Promise<void> {
    try {
      const data = attachmentBytes(file);
      const url = await this.ctx.client().uploadContent(data, file.mime, file.name);
      await this.sendEvent(
        roomId,
        "m.room.message",
        {
          // Images show inline in Element; everything else is a download.
          msgtype: file.mime.startsWith("image/") ? "m.image" : "m.file",
          body: file.name,
          filename: file.name,
          url,
          info: { mimetype: file.mime, size: data.length },
          ...(threadId
            ? {
                "m.relates_to": {
                  rel_type: "m.thread",
                  event_id: threadId,
                  is_falling_back: true,
                  "m.in_reply_to": { event_id: this.ctx.threads.latestIn(threadId) },
                },
              }
            : {}),
        },
        txnId,
      );
    } catch (error) {
      if (txnId !== undefined) throw error;
      this.ctx.log.warn({ err: error, roomId, file: file.name }, "could not attach the file");
    }
  }
}
