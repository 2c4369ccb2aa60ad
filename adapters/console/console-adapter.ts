import { DateTime } from "luxon";
import type { Clock } from "../../src/core/clock";
import type { CoreEvent } from "../../src/core/events";
import { qualify } from "../../src/core/ids";
import type { Adapter } from "../../src/core/port";
import type { SettingsRepo } from "../../src/core/settings-repo";
import { ConsolePort, dmChannel, placeLabel } from "./console-port";
import { ConsoleState } from "./console-state";
import { parseLine, type ConsoleLine } from "./line-parser";
import { buttonNames } from "./render";

export interface ConsoleOptions {
  readonly settings: SettingsRepo;
  readonly clock: Clock;
  readonly timeZone: string;
  readonly write: (line: string) => void;
  /** Where files sent with messages are written; none: they are only shown. */
  readonly filesDir?: string;
  /**
   * Moves the virtual clock and fires what is due, calling `onStep` at each moment it stops;
   * absent when the system clock runs.
   */
  readonly advanceClock?: (to: Date, onStep: (at: Date) => void) => Promise<void>;
}

/**
 * The console adapter: each input line is one action of the current user (ARCHITECTURE.md),
 * every message is printed as a transcript line with a reference other lines can use.
 */
export class ConsoleAdapter implements Adapter {
  readonly port: ConsolePort;
  private readonly state: ConsoleState;
  private handle: ((event: CoreEvent) => Promise<void>) | undefined;
  private user = "admin";
  private channel = "allgemein";

  constructor(private readonly opts: ConsoleOptions) {
    this.state = new ConsoleState(opts.settings);
    this.port = new ConsolePort(this.state, opts.write, opts.filesDir);
  }

  async start(handle: (event: CoreEvent) => Promise<void>): Promise<void> {
    this.handle = handle;
  }

  async stop(): Promise<void> {
    this.handle = undefined;
  }

  /** Processes one input line; false when the session should end. */
  async line(raw: string): Promise<boolean> {
    const parsed = parseLine(raw);
    if (parsed.kind === "quit") return false;
    await this.act(parsed);
    return true;
  }

  private async act(line: ConsoleLine): Promise<void> {
    switch (line.kind) {
      case "empty":
        return;
      case "error":
        return this.note(line.problem);
      case "as":
        this.user = line.name;
        this.state.addUser(line.name);
        return;
      case "in":
        if (line.channel === "dm") {
          this.channel = dmChannel(this.user);
        } else {
          this.channel = line.channel.toLowerCase();
          this.state.addChannel(this.channel);
        }
        return;
      case "text":
        return this.post(this.channel, undefined, line.text);
      case "command":
        return this.command(line.text);
      case "reply": {
        const info = this.state.message(line.ref);
        if (!info) return this.note(`unknown message ${line.ref}`);
        const command = parseLine(line.text);
        // A command typed in a thread (Matrix users do this with `!cop`) knows its thread.
        if (command.kind === "command")
          return this.command(command.text, info.channel, info.thread ?? line.ref);
        return this.post(info.channel, info.thread ?? line.ref, line.text);
      }
      case "react":
        return this.react(line.ref, line.emoji, line.removed === true);
      case "click":
        return this.click(line.ref, line.action);
      case "delete":
        return this.remove(line.ref);
      case "clock":
        return this.clock(line.to);
    }
  }

  private currentChannel(): string {
    // A DM channel always belongs to the user who is acting now.
    return this.channel.startsWith("dm:") ? dmChannel(this.user) : this.channel;
  }

  private base(channel: string) {
    return {
      platform: "console" as const,
      at: this.opts.clock.now(),
      userId: qualify("console", this.user),
      userName: this.user,
      channelId: qualify("console", channel),
      isDm: channel.startsWith("dm:"),
    };
  }

  private async post(rawChannel: string, thread: string | undefined, text: string): Promise<void> {
    const channel = rawChannel.startsWith("dm:") ? this.currentChannel() : rawChannel;
    const ref = this.port.print(channel, thread, this.user, text.split("\n"));
    this.state.remember(ref, { channel, ...(thread ? { thread } : {}), author: this.user });
    await this.emit({
      ...this.base(channel),
      kind: "message",
      id: `console:${ref}`,
      messageId: ref,
      ...(thread ? { threadId: thread } : {}),
      text,
      mentionsBot: /(^|\s)@copbot\b/i.test(text),
    });
  }

  private async command(text: string, channel = this.currentChannel(), thread?: string): Promise<void> {
    const ref = this.port.print(channel, thread, this.user, [`/cop ${text}`.trimEnd()]);
    await this.emit({
      ...this.base(channel),
      kind: "command",
      id: `console:${ref}`,
      text,
      ...(thread ? { threadId: thread } : {}),
    });
  }

  private async react(ref: string, emoji: string, removed: boolean): Promise<void> {
    const info = this.state.message(ref);
    if (!info) return this.note(`unknown message ${ref}`);
    const arrow = removed ? "✗" : "→";
    this.opts.write(`[${placeLabel(info.channel, info.thread)}] ${this.user} :${emoji}: ${arrow} ${ref}`);
    await this.emit({
      ...this.base(info.channel),
      kind: "reaction",
      id: `console:${this.state.nextEventId()}`,
      messageId: ref,
      emoji,
      ...(removed ? { removed } : {}),
    });
  }

  private async click(ref: string, name: string): Promise<void> {
    const info = this.state.message(ref);
    if (!info) return this.note(`unknown message ${ref}`);
    const names = buttonNames(info.buttons);
    const index = info.buttons.findIndex(
      (b, i) => names[i] === name || b.label.toLowerCase() === name.toLowerCase(),
    );
    const button = info.buttons[index];
    if (!button) return this.note(`no button ${name} on ${ref} (buttons: ${names.join(", ") || "none"})`);
    this.opts.write(`[${placeLabel(info.channel, info.thread)}] ${this.user} ▸ ${button.label} (${ref})`);
    await this.emit({
      ...this.base(info.channel),
      kind: "button",
      id: `console:${this.state.nextEventId()}`,
      messageId: ref,
      ...(info.thread ? { threadId: info.thread } : {}),
      action: button.action,
      ...(button.value !== undefined ? { value: button.value } : {}),
    });
  }

  /** Deletes a message as the platform would: it is gone, and copbot hears so. */
  private async remove(ref: string): Promise<void> {
    const info = this.state.message(ref);
    if (!info) return this.note(`unknown message ${ref}`);
    this.opts.write(`[${placeLabel(info.channel, info.thread)}] ${this.user} ✗ ${ref}`);
    await this.emit({
      ...this.base(info.channel),
      kind: "message_deleted",
      id: `console:${this.state.nextEventId()}`,
      messageId: ref,
    });
  }

  private async clock(to: { relativeMs: number } | { local: string }): Promise<void> {
    if (!this.opts.advanceClock) return this.note("the clock only moves with COPBOT_CLOCK=virtual");
    const now = this.opts.clock.now();
    const target =
      "relativeMs" in to
        ? new Date(now.getTime() + to.relativeMs)
        : DateTime.fromISO(to.local, { zone: this.opts.timeZone }).toJSDate();
    if (Number.isNaN(target.getTime()) || target.getTime() < now.getTime()) {
      return this.note(`the clock cannot go back (now ${this.formatTime(now)})`);
    }
    // One ⏰ line per moment something happens, so the transcript shows when each thing was sent.
    let shown = "";
    await this.opts.advanceClock(target, (at) => {
      const label = this.formatTime(at);
      if (label !== shown) this.opts.write(`⏰ ${label}`);
      shown = label;
    });
  }

  private formatTime(at: Date): string {
    return DateTime.fromJSDate(at).setZone(this.opts.timeZone).toFormat("ccc yyyy-MM-dd HH:mm");
  }

  private note(text: string): void {
    this.opts.write(`! ${text}`);
  }

  private async emit(event: CoreEvent): Promise<void> {
    if (this.handle) await this.handle(event);
  }
}
