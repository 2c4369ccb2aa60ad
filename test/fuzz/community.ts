import { Writable } from "node:stream";
import pino from "pino";
import { buildApp, loadConfig, type App } from "../../src/app";
import type { CoreEvent, UserEvent } from "../../src/core/events";
import { inlineToPlain, type Block, type OutgoingMessage } from "../../src/core/message";
import { t } from "../../src/i18n";
import { RecordingPort } from "../support/recording-port";

/** What copbot says when it failed on something: a bug, never an answer to bad input. */
const INTERNAL = [t("de", "core.err.internal"), t("en", "core.err.internal")];

function plain(message: OutgoingMessage): string {
  const block = (b: Block): string =>
    b.kind === "header"
      ? b.text
      : b.kind === "divider"
        ? ""
        : b.kind === "list"
          ? b.items.map((item) => item.map((i) => inlineToPlain(i)).join("")).join("\n")
          : b.content.map((i) => inlineToPlain(i)).join("");
  return message.blocks.map(block).join("\n");
}

/**
 * copbot's real core with every feature on in-memory SQLite, a small community already in it
 * (a Q&A channel, experts, a solved question, a meeting, a check-in), and recording ports for
 * the console, Slack and Matrix, so fuzzed events of every platform run the whole path.
 */
export class FuzzCommunity {
  readonly app: App;
  readonly ports = ["console", "slack", "matrix"].map((p) => new RecordingPort(p));
  /** Lines logged at level error or worse (a failed event is logged there). */
  readonly errors: string[] = [];
  private counter = 0;

  private constructor() {
    const log = pino(
      { level: "error" },
      new Writable({
        write: (chunk: Buffer, _encoding, done) => {
          this.errors.push(chunk.toString());
          done();
        },
      }),
    );
    const config = loadConfig({
      COPBOT_DB: ":memory:",
      COPBOT_CLOCK: "virtual",
      COPBOT_START: "2026-11-30T09:00:00+01:00",
      COPBOT_ADMINS: "console:admin,slack:U0ADMIN,matrix:@admin:example.org",
    });
    this.app = buildApp(config, log);
    for (const port of this.ports) this.app.bot.services.ports.add(port);
  }

  static async start(): Promise<FuzzCommunity> {
    const c = new FuzzCommunity();
    const say = (userId: string, text: string, extra: Partial<UserEvent> = {}) =>
      c.app.bot.handle({
        ...c.base(userId, "console:fragen"),
        kind: "message",
        messageId: c.nextId(),
        text,
        mentionsBot: false,
        ...extra,
      } as CoreEvent);
    await c.command("console:admin", "qa channel add #fragen");
    await c.command("console:anna", "expert add E-Akte Vergabe");
    const question = c.nextId();
    await c.app.bot.handle({
      ...c.base("console:ben", "console:fragen"),
      kind: "message",
      messageId: question,
      text: "Wie migriert ihr Altakten in die E-Akte?",
      mentionsBot: false,
    });
    const answer = c.nextId();
    await say("console:anna", "Wir scannen nach Aktenplan und importieren per XDOMEA.", {
      messageId: answer,
      threadId: question,
    } as Partial<UserEvent>);
    await c.app.bot.handle({
      ...c.base("console:ben", "console:fragen"),
      kind: "reaction",
      messageId: answer,
      emoji: "white_check_mark",
    });
    await c.command("console:admin", 'meeting add "CoP-Treffen" weekly mon 10:00 in #allgemein');
    await c.command(
      "console:admin",
      'checkin add "Wochen-Check-in" weekly fri 14:00 in #team questions "Woran arbeitest du?"',
    );
    c.mark();
    return c;
  }

  nextId(): string {
    this.counter += 1;
    return `f${this.counter}`;
  }

  /** The fields every user event has, for a person in a channel. */
  base(userId: string, channelId: string) {
    const platform = userId.slice(0, userId.indexOf(":"));
    return {
      id: `${platform}:fuzz-${this.nextId()}`,
      platform,
      at: this.app.clock.now(),
      userId,
      channelId,
      isDm: channelId.includes(":D") || channelId.endsWith(":dm"),
    };
  }

  /** Runs `/cop <text>` as `userId`. */
  command(userId: string, text: string, channelId = "console:allgemein"): Promise<void> {
    return this.app.bot.handle({ ...this.base(userId, channelId), kind: "command", text });
  }

  private sent = 0;
  private readonly seen = new Set<string>();

  /** True the first time an event id is offered (copbot drops repeats as platform retries). */
  firstSeen(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    return true;
  }

  /** Starts a new case: what is posted from here on belongs to it. */
  mark(): void {
    this.sent = this.ports.reduce((n, p) => n + p.calls.length, 0);
    this.errors.length = 0;
  }

  /** Everything posted since `mark`, as plain text with its target. */
  posted(): { to: string; text: string }[] {
    const all = this.ports.flatMap((p) => p.calls);
    return all.slice(this.sent).flatMap((call) =>
      call.op === "post"
        ? [
            {
              to: "userId" in call.target ? call.target.userId : call.target.channelId,
              text: plain(call.message),
            },
          ]
        : call.op === "update"
          ? [{ to: call.ref.channelId, text: plain(call.message) }]
          : [],
    );
  }

  /**
   * The invariants after one fuzzed case: nothing failed inside (no error logged, no "something
   * went wrong" reply); `answered` also requires a reply to `userId`.
   */
  check(answered?: string): void {
    const posts = this.posted();
    const failed = posts.find((p) => INTERNAL.some((text) => p.text.includes(text)));
    if (failed) throw new Error(`copbot failed inside: ${failed.text}\n${this.errors.join("")}`);
    if (this.errors.length > 0) throw new Error(`an error was logged:\n${this.errors.join("")}`);
    if (answered !== undefined && !posts.some((p) => p.to === answered))
      throw new Error(`no answer to ${answered}; posted: ${JSON.stringify(posts)}`);
  }

  /** The database is consistent: SQLite's integrity and foreign-key checks find nothing. */
  checkDatabase(): void {
    const integrity = this.app.db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`integrity_check: ${String(integrity)}`);
    const foreign = this.app.db.pragma("foreign_key_check") as unknown[];
    if (foreign.length > 0) throw new Error(`foreign_key_check: ${JSON.stringify(foreign)}`);
  }

  close(): void {
    this.app.db.close();
  }
}
