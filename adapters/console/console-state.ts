import { z } from "zod";
import type { Button } from "../../src/core/message";
import type { SettingsRepo } from "../../src/core/settings-repo";

const MessageInfo = z.object({
  channel: z.string(),
  thread: z.string().optional(),
  author: z.string(),
  buttons: z
    .array(z.object({ action: z.string(), label: z.string(), value: z.string().optional() }))
    .default([]),
});
export type MessageInfo = z.infer<typeof MessageInfo>;

/** Channels a new console workspace starts with. */
export const DEFAULT_CHANNELS = ["allgemein", "fragen", "team"];

/**
 * What the console remembers across restarts: the message counter (refs never repeat, so
 * stored ids stay unique), the channels and people it has seen, and each message's place and
 * buttons (for `:reply`, `:react`, `:click`).
 */
export class ConsoleState {
  constructor(private readonly store: SettingsRepo) {}

  nextRef(): string {
    const next = (this.store.get("console.counter", z.number()) ?? 0) + 1;
    this.store.set("console.counter", next);
    return `m${next}`;
  }

  /** A never-repeating id for events that are not messages (reactions, clicks). */
  nextEventId(): string {
    const next = (this.store.get("console.events", z.number()) ?? 0) + 1;
    this.store.set("console.events", next);
    return `e${next}`;
  }

  channels(): string[] {
    return this.store.get("console.channels", z.array(z.string())) ?? [...DEFAULT_CHANNELS];
  }

  addChannel(name: string): void {
    const channels = this.channels();
    if (!channels.includes(name)) this.store.set("console.channels", [...channels, name]);
  }

  users(): string[] {
    return this.store.get("console.users", z.array(z.string())) ?? ["admin"];
  }

  addUser(name: string): void {
    const users = this.users();
    if (!users.includes(name)) this.store.set("console.users", [...users, name]);
  }

  remember(
    ref: string,
    info: { channel: string; thread?: string; author: string; buttons?: readonly Button[] },
  ): void {
    this.store.set(`console.msg.${ref}`, {
      channel: info.channel,
      ...(info.thread ? { thread: info.thread } : {}),
      author: info.author,
      buttons: (info.buttons ?? []).map((b) => ({
        action: b.action,
        label: b.label,
        ...(b.value !== undefined ? { value: b.value } : {}),
      })),
    });
  }

  message(ref: string): MessageInfo | undefined {
    return this.store.get(`console.msg.${ref}`, MessageInfo);
  }
}
