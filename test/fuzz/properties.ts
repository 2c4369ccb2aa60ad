import fc from "fast-check";
import { z } from "zod";
import { translateEvent, type InboundContext } from "../../adapters/matrix/inbound";
import { RoomEventSchema } from "../../adapters/matrix/event-schema";
import { renderMessage as renderMatrix } from "../../adapters/matrix/render";
import { sanitize } from "../../adapters/matrix/html";
import { ReactionMemory } from "../../adapters/matrix/reactions";
import { ThreadTracker } from "../../adapters/matrix/threads";
import { inlinesToMrkdwn } from "../../adapters/slack/mrkdwn";
import {
  fromBlockAction,
  fromMessageEvent,
  fromReactionEvent,
  fromSlashCommand,
} from "../../adapters/slack/inbound";
import { tokenize } from "../../src/core/commands/tokenize";
import type { CoreEvent } from "../../src/core/events";
import { textMessage } from "../../src/core/message";
import { parseDate as parseGroupDate, splitLeadingDate } from "../../src/groups/dates";
import { isMessageKey } from "../../src/i18n";
import { parseSpec } from "../../src/meetings/parse-spec";
import { findExperts, hasMatchingExperts } from "../../src/qa/experts";
import { searchKnowledge } from "../../src/qa/knowledge";
import { parseDate, parseFutureDate, parseRecurrence, parseTime } from "../../src/schedule/natural";
import { hostileText, matrixUser, slackId, slackTs } from "./arbitraries";
import { FuzzCommunity } from "./community";

/** How a fuzzed property fared: cases tried, and fast-check's report (with the shrunk counterexample) if it failed. */
export interface FuzzOutcome {
  readonly failed: boolean;
  readonly runs: number;
  readonly report: string | undefined;
}

/** One fuzzed property: checks `runs` cases. */
export interface FuzzProperty {
  readonly name: string;
  /** Share of the cases of `npm run fuzz` (relative to the others). */
  readonly weight: number;
  check(runs: number, seed?: number): Promise<FuzzOutcome>;
}

function outcome<Ts>(details: fc.RunDetails<Ts>): FuzzOutcome {
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : undefined;
  const report = fc.defaultReportMessage(details);
  return {
    failed: details.failed,
    runs: details.numRuns,
    report: report === undefined ? undefined : `${report}${error ? `\nError: ${error}` : ""}`,
  };
}

const options = (runs: number, seed: number | undefined) => ({
  numRuns: runs,
  ...(seed !== undefined ? { seed } : {}),
});

/** A property without the community, as an outcome. */
async function pure<Ts>(
  property: fc.IProperty<Ts>,
  runs: number,
  seed: number | undefined,
): Promise<FuzzOutcome> {
  return outcome(fc.check(property, options(runs, seed)));
}

/** A failed parse must carry a message key, so the person gets a friendly message. */
function friendlyFailure(result: { ok: boolean; error?: { key: string } }): void {
  if (!result.ok && !isMessageKey(result.error?.key ?? "")) {
    throw new Error(`failure without a message: ${JSON.stringify(result.error)}`);
  }
}

/** What a translated event must look like for the core: platform ids and a real time. */
function validEvent(event: CoreEvent, platform: string): void {
  const id = z
    .string()
    .startsWith(`${platform}:`)
    .min(platform.length + 2);
  const schema = z.object({ id: z.string().min(1), platform: z.literal(platform), at: z.date() });
  schema.parse(event);
  if (Number.isNaN(event.at.getTime())) throw new Error(`invalid time in ${JSON.stringify(event)}`);
  // Timer ticks and reports of missed events name no person or channel.
  if (event.kind !== "timer" && event.kind !== "missed") {
    id.parse(event.userId);
    id.parse(event.channelId);
  }
}

/**
 * A translated platform event through copbot, as its adapter delivers it: valid for the core,
 * handled without failing inside, and a command seen for the first time answered.
 */
async function handleTranslated(c: FuzzCommunity, event: CoreEvent, platform: string): Promise<void> {
  validEvent(event, platform);
  // A repeated event id is a platform retry: dropped on purpose, so nobody is answered twice.
  const fresh = c.firstSeen(event.id);
  c.mark();
  await c.app.bot.handle(event);
  c.check(event.kind === "command" && fresh ? event.userId : undefined);
}

/** Runs a check with every case inside the community, then checks the database once more. */
async function inCommunity<Ts extends unknown[]>(
  runs: number,
  seed: number | undefined,
  property: (c: FuzzCommunity) => fc.IAsyncProperty<Ts>,
): Promise<FuzzOutcome> {
  const community = await FuzzCommunity.start();
  try {
    const details = await fc.check(property(community), options(runs, seed));
    community.checkDatabase();
    return outcome(details);
  } finally {
    community.close();
  }
}

/** Every few cases the whole database is checked, not only at the end. */
const DB_CHECK_EVERY = 25;

const COMMAND_WORDS = [
  "help",
  "lang",
  "profile",
  "profile name",
  "profile org",
  "mod add",
  "audit",
  "privacy export",
  "privacy forget",
  "ask",
  "away until",
  "search",
  "topics",
  "solved",
  "qa channel add",
  "qa open",
  "topic alias",
  "expert add",
  "expert list",
  "expert cap",
  "expert quiet",
  "meeting add",
  "meeting edit 1",
  "meeting skip 1",
  "meeting preview",
  "meeting ics",
  "checkin add",
  "checkin join",
  "checkin delete",
  "group propose",
  "group status",
  "group milestone add",
  "group time",
  "group extend",
  "group reopen",
  "",
] as const;

const ACTORS = ["console:admin", "console:anna", "console:ben", "console:zoe"] as const;

export const properties: readonly FuzzProperty[] = [
  {
    name: "command tokenizer",
    weight: 20,
    check: (runs, seed) =>
      pure(
        fc.property(hostileText, (text) => {
          friendlyFailure(tokenize(text));
        }),
        runs,
        seed,
      ),
  },
  {
    name: "commands through the bot",
    weight: 6,
    check: (runs, seed) =>
      inCommunity(runs, seed, (c) => {
        let cases = 0;
        return fc.asyncProperty(
          fc.tuple(fc.constantFrom(...COMMAND_WORDS), hostileText, fc.constantFrom(...ACTORS), fc.boolean()),
          async ([word, rest, actor, dm]) => {
            c.mark();
            await c.command(actor, `${word} ${rest}`, dm ? `console:dm:${actor}` : "console:allgemein");
            c.check(actor);
            if (++cases % DB_CHECK_EVERY === 0) c.checkDatabase();
          },
        );
      }),
  },
  {
    name: "messages, replies, edits, deletions and reactions through the bot",
    weight: 6,
    check: (runs, seed) =>
      inCommunity(runs, seed, (c) => {
        let cases = 0;
        return fc.asyncProperty(
          fc.tuple(
            fc.constantFrom("message", "reply", "edit", "delete", "reaction", "dm"),
            hostileText,
            fc.constantFrom(...ACTORS),
            fc.constantFrom("f1", "f2", "f3", "f4", "nope", ""),
          ),
          async ([kind, text, actor, ref]) => {
            c.mark();
            const base = c.base(actor, kind === "dm" ? `console:dm:${actor}` : "console:fragen");
            const event: CoreEvent =
              kind === "edit"
                ? { ...base, kind: "message_edited", messageId: ref, text }
                : kind === "delete"
                  ? { ...base, kind: "message_deleted", messageId: ref }
                  : kind === "reaction"
                    ? {
                        ...base,
                        kind: "reaction",
                        messageId: ref,
                        emoji: text.slice(0, 40) || "white_check_mark",
                      }
                    : {
                        ...base,
                        kind: "message",
                        isDm: kind === "dm",
                        messageId: c.nextId(),
                        text,
                        mentionsBot: text.includes("@copbot"),
                        ...(kind === "reply" ? { threadId: ref } : {}),
                      };
            await c.app.bot.handle(event);
            c.check(kind === "dm" ? actor : undefined);
            if (++cases % DB_CHECK_EVERY === 0) c.checkDatabase();
          },
        );
      }),
  },
  {
    name: "date parsers (dates, meeting and check-in rules)",
    weight: 20,
    check: (runs, seed) => {
      const now = new Date("2026-11-30T08:00:00Z");
      return pure(
        fc.property(
          hostileText,
          fc.array(hostileText, { maxLength: 8 }),
          fc.constantFrom("Europe/Berlin", "America/New_York", "Pacific/Kiritimati"),
          fc.constantFrom("de" as const, "en" as const),
          (text, tokens, zone, lang) => {
            const options = { now, zone, lang };
            parseGroupDate(text, zone, now);
            splitLeadingDate(text, zone, now);
            friendlyFailure(parseDate(text, options));
            friendlyFailure(parseFutureDate(text, options));
            friendlyFailure(parseTime(text, options));
            friendlyFailure(parseRecurrence(text, options));
            friendlyFailure(parseSpec([text, ...tokens], "meeting", "add", now));
            friendlyFailure(parseSpec(tokens, "checkin", "edit", now));
          },
        ),
        runs,
        seed,
      );
    },
  },
  {
    name: "knowledge and expert search queries (FTS5)",
    weight: 15,
    check: (runs, seed) =>
      inCommunity(runs, seed, (c) =>
        fc.asyncProperty(hostileText, async (query) => {
          const hits = searchKnowledge(c.app.db, query, 5);
          if (hits.length > 5) throw new Error("more hits than asked for");
          hasMatchingExperts(c.app.db, query, []);
          findExperts(c.app.bot.services, { text: query, exclude: [], limit: 3, purpose: "group-invite" });
        }),
      ),
  },
  {
    name: "Slack payload translation",
    weight: 12,
    check: (runs, seed) =>
      inCommunity(runs, seed, (c) => {
        const bot = { botUserId: "UCOPBOT", botId: "BCOPBOT" };
        const message = fc.record(
          {
            type: fc.constantFrom("message", "app_mention"),
            subtype: fc.constantFrom(
              "message_changed",
              "message_deleted",
              "bot_message",
              "thread_broadcast",
              "me_message",
            ),
            channel: slackId,
            channel_type: fc.constantFrom("channel", "im", "group"),
            user: slackId,
            text: hostileText,
            ts: slackTs,
            thread_ts: slackTs,
            event_ts: slackTs,
            message: fc.record({ user: slackId, text: hostileText, ts: slackTs }, { requiredKeys: [] }),
            previous_message: fc.record(
              { user: slackId, text: hostileText, ts: slackTs },
              { requiredKeys: [] },
            ),
            deleted_ts: slackTs,
          },
          { requiredKeys: ["type", "channel", "ts"] },
        );
        const command = fc.record(
          {
            command: fc.constant("/cop"),
            text: hostileText,
            user_id: slackId,
            user_name: hostileText,
            channel_id: slackId,
            channel_name: fc.constantFrom("fragen", "directmessage", "privategroup"),
            trigger_id: hostileText,
            response_url: fc.constant("https://hooks.slack.com/commands/T1/1/x"),
          },
          { requiredKeys: ["text", "user_id", "channel_id", "trigger_id"] },
        );
        const reaction = fc.record({
          type: fc.constant("reaction_added"),
          user: slackId,
          reaction: hostileText,
          item: fc.record({ type: fc.constant("message"), channel: slackId, ts: slackTs }),
          event_ts: slackTs,
        });
        const action = fc.record(
          {
            type: fc.constant("block_actions"),
            user: fc.record({ id: slackId, username: hostileText }, { requiredKeys: ["id"] }),
            channel: fc.record({ id: slackId }),
            container: fc.record({ message_ts: slackTs, thread_ts: slackTs }, { requiredKeys: [] }),
            actions: fc.array(
              fc.record({
                type: fc.constantFrom("button", "static_select"),
                action_id: fc.oneof(
                  fc.constantFrom("qa.solved", "privacy.forget", "meeting.rsvp:1", "checkin.join"),
                  hostileText,
                ),
                value: hostileText,
                action_ts: slackTs,
              }),
              { maxLength: 2 },
            ),
          },
          { requiredKeys: ["type", "user", "actions"] },
        );
        return fc.asyncProperty(
          fc.oneof(
            message.map((p) => fromMessageEvent(p, bot)),
            command.map((p) => fromSlashCommand(p, c.app.clock.now())),
            reaction.map((p) => fromReactionEvent(p, bot)),
            action.map((p) => fromBlockAction(p)),
            fc.anything().map((p) => fromMessageEvent(p, bot) ?? fromSlashCommand(p, c.app.clock.now())),
          ),
          async (event) => {
            if (event !== undefined) await handleTranslated(c, event, "slack");
          },
        );
      }),
  },
  {
    name: "Matrix event translation",
    weight: 12,
    check: (runs, seed) =>
      inCommunity(runs, seed, (c) => {
        const threads = new ThreadTracker();
        const ctx: InboundContext = {
          botUserId: "@copbot:example.org",
          botNames: ["copbot"],
          threads,
          reactions: new ReactionMemory(),
          isDm: (roomId) => roomId.startsWith("!dm"),
          displayName: async () => undefined,
          buttonsOf: async () => undefined,
        };
        const relation = fc.record(
          {
            rel_type: fc.constantFrom("m.thread", "m.replace", "m.annotation", "x"),
            event_id: fc.oneof(fc.constantFrom("$e1", "$e2"), hostileText),
            key: hostileText,
            "m.in_reply_to": fc.record({ event_id: hostileText }),
          },
          { requiredKeys: [] },
        );
        const content = fc.record(
          {
            msgtype: fc.constantFrom("m.text", "m.emote", "m.notice", "m.image"),
            body: hostileText,
            format: fc.constant("org.matrix.custom.html"),
            formatted_body: hostileText,
            "m.relates_to": relation,
            "m.new_content": fc.record({ msgtype: fc.constant("m.text"), body: hostileText }),
            "m.mentions": fc.record({ user_ids: fc.array(matrixUser, { maxLength: 3 }) }),
            membership: fc.constantFrom("join", "leave", "invite"),
            redacts: hostileText,
          },
          { requiredKeys: [] },
        );
        const event = fc.record(
          {
            event_id: fc.oneof(fc.constantFrom("$e1", "$e2", "$e3"), hostileText),
            type: fc.constantFrom(
              "m.room.message",
              "m.reaction",
              "m.room.redaction",
              "m.room.member",
              "m.sticker",
            ),
            sender: matrixUser,
            origin_server_ts: fc.oneof(fc.integer({ min: 0, max: 2 ** 45 }), fc.double()),
            content,
            state_key: matrixUser,
            redacts: hostileText,
          },
          { requiredKeys: ["event_id", "type", "sender", "origin_server_ts"] },
        );
        return fc.asyncProperty(
          fc.tuple(fc.constantFrom("!fragen:example.org", "!dm:example.org"), fc.oneof(event, fc.anything())),
          async ([roomId, raw]) => {
            const parsed = RoomEventSchema.safeParse(raw);
            if (!parsed.success) return;
            const translated = await translateEvent(roomId, parsed.data, ctx);
            if (translated !== undefined) await handleTranslated(c, translated, "matrix");
          },
        );
      }),
  },
  {
    name: "user text rendered for Slack and Matrix",
    weight: 9,
    check: (runs, seed) =>
      pure(
        fc.property(hostileText, (text) => {
          const mrkdwn = inlinesToMrkdwn([text]);
          // Every <, > and & of user text is escaped: no <!everyone>, <@U…>, <url|label> survives.
          if (/[<>]/.test(mrkdwn)) throw new Error(`unescaped Slack markup: ${mrkdwn}`);
          const { content } = renderMatrix(textMessage(text), {
            lang: "de",
            names: { users: new Map(), rooms: new Map() },
          });
          const html = String(content["formatted_body"]);
          if (sanitize(html) !== html) throw new Error(`HTML the sanitizer would change: ${html}`);
          if (/<(?!\/?(p|br|strong|em|code|a|ul|li|h4|hr)\b)/i.test(html))
            throw new Error(`foreign tag: ${html}`);
          if (/@room\b/i.test(String(content["body"])) || /@room\b/i.test(html))
            throw new Error(`@room kept its power: ${html}`);
          if (JSON.stringify(content["m.mentions"]) !== "{}") throw new Error("user text mentioned someone");
        }),
        runs,
        seed,
      ),
  },
];
