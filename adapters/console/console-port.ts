import { qualify, rawId } from "../../src/core/ids";
import { type OutgoingMessage, type PostedRef, type Target } from "../../src/core/message";
import type { ChatPort, FormSpec, UserInfo } from "../../src/core/port";
import type { Role } from "../../src/core/roles";
import type { ConsoleState } from "./console-state";
import { saveAttachment } from "./files";
import { emojiOf } from "./line-parser";
import { renderMessage } from "./render";

export const BOT_NAME = "copbot";
const ADMIN = "admin";

/** `dm:anna` for a DM channel, otherwise the channel name. */
export function dmChannel(user: string): string {
  return `dm:${user}`;
}

/** How a place is shown in the transcript: `#fragen`, `#fragen › m11`, `dm anna`. */
export function placeLabel(channel: string, thread?: string): string {
  const base = channel.startsWith("dm:") ? `dm ${channel.slice(3)}` : `#${channel}`;
  return thread ? `${base} › ${thread}` : base;
}

/** The console's ChatPort: every message becomes transcript lines on the output. */
export class ConsolePort implements ChatPort {
  readonly platform = "console" as const;

  constructor(
    private readonly state: ConsoleState,
    private readonly write: (line: string) => void,
    /** Where files sent with messages are written (next to the database); none: only shown. */
    private readonly filesDir?: string,
  ) {}

  /** Writes a message's files to `filesDir` (owner-only), returning their paths (by index). */
  private save(message: OutgoingMessage): string[] {
    const files = message.attachments ?? [];
    const dir = this.filesDir;
    if (dir === undefined || files.length === 0) return [];
    return files.map((file) => saveAttachment(dir, file));
  }

  /** Prints a message with its ref and returns where it landed. */
  print(channel: string, thread: string | undefined, author: string, lines: string[], extra = ""): string {
    const ref = this.state.nextRef();
    const [first = "", ...more] = lines;
    this.write(`[${placeLabel(channel, thread)}${extra}] (${ref}) ${author}: ${first}`);
    for (const line of more) this.write(`    ${line}`);
    return ref;
  }

  async post(target: Target, message: OutgoingMessage): Promise<PostedRef> {
    const lines = renderMessage(message, nameOf, this.save(message));
    let channel: string;
    let thread: string | undefined;
    let extra = "";
    if (target.kind === "dm") {
      channel = dmChannel(rawId(target.userId));
    } else {
      channel = rawId(target.channelId);
      thread = target.threadId;
      if (target.kind === "ephemeral") extra = ` → ${rawId(target.userId)}`;
    }
    const ref = this.print(channel, thread, BOT_NAME, lines, extra);
    this.state.remember(ref, {
      channel,
      ...(thread ? { thread } : {}),
      author: BOT_NAME,
      ...(message.buttons ? { buttons: message.buttons } : {}),
    });
    return { channelId: qualify("console", channel), messageId: ref };
  }

  async update(ref: PostedRef, message: OutgoingMessage): Promise<void> {
    const info = this.state.message(ref.messageId);
    const channel = info?.channel ?? rawId(ref.channelId);
    const [first = "", ...more] = renderMessage(message, nameOf);
    this.write(`[${placeLabel(channel, info?.thread)}] (${ref.messageId} ✎) ${BOT_NAME}: ${first}`);
    for (const line of more) this.write(`    ${line}`);
    this.state.remember(ref.messageId, {
      channel,
      ...(info?.thread ? { thread: info.thread } : {}),
      author: BOT_NAME,
      ...(message.buttons ? { buttons: message.buttons } : {}),
    });
  }

  async pin(ref: PostedRef): Promise<void> {
    this.write(`[${placeLabel(rawId(ref.channelId))}] 📌 ${ref.messageId}`);
  }

  /** Shows copbot's reaction on the message: `[#fragen] ✅ m11`. */
  async react(ref: PostedRef, emoji: string): Promise<undefined> {
    this.write(`[${this.placeOf(ref)}] ${emojiOf(emoji)} ${ref.messageId}`);
    return undefined;
  }

  /** Shows copbot taking its reaction back: `[#fragen] ✅✗ m11`. */
  async unreact(ref: PostedRef, emoji: string): Promise<void> {
    this.write(`[${this.placeOf(ref)}] ${emojiOf(emoji)}✗ ${ref.messageId}`);
  }

  private placeOf(ref: PostedRef): string {
    const info = this.state.message(ref.messageId);
    return placeLabel(info?.channel ?? rawId(ref.channelId), info?.thread);
  }

  async createPrivateSpace(spec: {
    name: string;
    topic: string;
    memberIds: readonly string[];
  }): Promise<string> {
    const name = this.newChannel(spec.name);
    this.write(`[#${name}] 🔒 ${spec.topic} · ${spec.memberIds.map((id) => `@${nameOf(id)}`).join(", ")}`);
    return qualify("console", name);
  }

  /** Adds a channel named after `title`, numbered when the name is taken (`lesekreis-2`). */
  private newChannel(title: string): string {
    const base = slug(title);
    let name = base;
    for (let n = 2; this.state.channels().includes(name); n++) name = `${base}-${n}`;
    this.state.addChannel(name);
    return name;
  }

  /** A channel for the people, shown with who is in it (the console's group DM). */
  async openGroupConversation(spec: {
    name: string;
    topic: string;
    memberIds: readonly string[];
  }): Promise<string> {
    const name = this.newChannel(spec.name);
    this.write(`[#${name}] 💬 ${spec.memberIds.map((id) => `@${nameOf(id)}`).join(", ")}`);
    return qualify("console", name);
  }

  async invite(channelId: string, userIds: readonly string[]): Promise<void> {
    this.write(`[#${rawId(channelId)}] + ${userIds.map((id) => `@${nameOf(id)}`).join(", ")}`);
  }

  async removeFromSpace(channelId: string, userId: string): Promise<void> {
    this.write(`[#${rawId(channelId)}] − @${nameOf(userId)}`);
  }

  async archiveSpace(channelId: string): Promise<void> {
    this.write(`[#${rawId(channelId)}] 🗄`);
  }

  async resolveChannel(ref: string): Promise<string | undefined> {
    const name = ref.replace(/^#/, "").toLowerCase();
    return this.state.channels().includes(name) ? qualify("console", name) : undefined;
  }

  async resolveUser(ref: string): Promise<string | undefined> {
    const name = ref.replace(/^@/, "");
    return this.state.users().includes(name) ? qualify("console", name) : undefined;
  }

  async userInfo(userId: string): Promise<UserInfo | undefined> {
    return { displayName: rawId(userId) };
  }

  async platformRole(userId: string): Promise<Role | undefined> {
    return rawId(userId) === ADMIN ? "admin" : undefined;
  }

  async openForm(_triggerId: string | undefined, _userId: string, _form: FormSpec): Promise<boolean> {
    return false;
  }

  async permalink(ref: PostedRef): Promise<string | undefined> {
    return ref.messageId;
  }
}

function nameOf(userId: string): string {
  return rawId(userId);
}

function slug(name: string): string {
  const s = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return s === "" ? "gruppe" : s;
}
