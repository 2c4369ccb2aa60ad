import pino from "pino";
import { join } from "node:path";
import { SlackAdapter } from "../../adapters/slack/slack-adapter";
import { buildApp, loadConfig } from "../../src/app";
import { VirtualClock } from "../../src/core/clock";
import { advanceVirtualClock } from "../../src/core/runtime";
import { CheckinRepo } from "../../src/meetings/checkin-repo";
import { SlackRateLimits, type Limit } from "../../test/support/slack-rate-limits";
import { SIGNING_SECRET } from "../../test/support/slack-signing";
import { SlackApiStandIn } from "../../test/support/slack-web-api";
import type { Row } from "./support";

const MEMBERS = 5_000;
const MINUTE = 60_000;
/**
 * Slack's published limits for the methods a fan-out may use (docs.slack.dev, "Rate limits"):
 * chat.postMessage one message per second per channel plus a workspace-wide limit, which
 * Slack leaves unnamed ("several hundred per minute"; 600 here); conversations.open Tier 3
 * (50 per minute); users.info Tier 4 (100 per minute).
 */
const LIMITS: Readonly<Record<string, readonly Limit[]>> = {
  "chat.postMessage": [
    { calls: 1, windowMs: 1_000, perChannel: true },
    { calls: 600, windowMs: MINUTE },
  ],
  "conversations.open": [{ calls: 50, windowMs: MINUTE }],
  "users.info": [{ calls: 100, windowMs: MINUTE }],
};
const POSTS_PER_MINUTE = 600;
/** A Friday 14:00 check-in; the bench starts shortly before. */
const START = "2026-12-04T13:55:00+01:00";
const PROMPT_AT = new Date("2026-12-04T14:00:00+01:00").getTime();

/**
 * The weekly check-in prompt DM'd to 5,000 members on Slack: the real job, outbox and Slack
 * port (Web API client) against the stand-in enforcing Slack's limits with 429 + Retry-After,
 * on a virtual clock that the stand-in shares. The total is the virtual time from the prompt
 * job to the last delivered DM, compared with the least time the limits allow for 5,000 posts.
 */
export async function benchReminderFanOut(dir: string): Promise<Row[]> {
  const api = await new SlackApiStandIn().start();
  api.respondWithNames(() => ({}));
  const app = buildApp(
    loadConfig({
      COPBOT_DB: join(dir, "fan-out.db"),
      COPBOT_DATA_DIR: dir,
      COPBOT_CLOCK: "virtual",
      COPBOT_START: START,
      COPBOT_ADMINS: "slack:U0ADMIN",
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: api.apiUrl,
    }),
    pino({ level: "silent" }),
  );
  const { bot, clock } = app;
  const slack = app.config.slack;
  if (!(clock instanceof VirtualClock) || !slack) throw new Error("needs the virtual clock and Slack");
  const limits = new SlackRateLimits(LIMITS, () => clock.now().getTime()).attach(api);
  const adapter = new SlackAdapter({ config: slack, clock, botId: "BCOPBOT", botUserId: "UCOPBOT" });
  bot.services.ports.add(adapter.port);
  try {
    await bot.handle({
      kind: "command",
      id: "bench:checkin",
      platform: "slack",
      at: clock.now(),
      userId: "slack:U0ADMIN",
      channelId: "slack:C0TEAM",
      isDm: false,
      text: 'checkin add "Wochen-Check-in" weekly fri 14:00 in <#C0TEAM|team> questions "Woran arbeitest du?|Wo brauchst du Hilfe?"',
    });
    const repo = new CheckinRepo(app.db);
    const checkin = repo.list()[0];
    if (!checkin) throw new Error(`the check-in was not created: ${JSON.stringify(api.calls.at(-1))}`);
    const members = Array.from({ length: MEMBERS }, (_, i) => `U0M${String(i).padStart(5, "0")}`);
    app.db.transaction(() => {
      for (const id of members) {
        bot.services.members.ensure(`slack:${id}`);
        repo.join(checkin.id, `slack:${id}`, clock.now());
      }
    })();
    const invited = new Set(members);
    const before = api.calls.length;
    const started = performance.now();
    const delivered = new Map<string, number>();
    let last = PROMPT_AT;
    // Minute by minute (stopping at every moment something is due) until every DM is out.
    for (let t = PROMPT_AT; delivered.size < MEMBERS && t < PROMPT_AT + 6 * 60 * MINUTE; t += MINUTE) {
      await advanceVirtualClock(bot, clock, new Date(t));
      for (const call of api.calls.splice(before)) {
        if (call.method !== "chat.postMessage" || call.result?.["ok"] !== true) continue;
        // Only the members' DMs count (the check-in also posts to its channel).
        const user = String(call.args["channel"]).replace(/^D/, "");
        if (!invited.has(user)) continue;
        delivered.set(user, (delivered.get(user) ?? 0) + 1);
        last = clock.now().getTime();
      }
    }
    const wallSeconds = (performance.now() - started) / 1000;
    const totalSeconds = (last - PROMPT_AT) / 1000;
    const minimumSeconds = ((Math.ceil(MEMBERS / POSTS_PER_MINUTE) - 1) * MINUTE) / 1000;
    const received = [...delivered.values()];
    const dms = received.reduce((a, b) => a + b, 0);
    const throttled = [...limits.limited.values()].reduce((a, b) => a + b, 0);
    return [
      { metric: "5,000 reminder DMs: least time Slack's limits allow", value: minimumSeconds, unit: "s" },
      { metric: "5,000 reminder DMs: total (virtual time)", value: totalSeconds, unit: "s" },
      {
        metric: "5,000 reminder DMs: total ÷ least allowed",
        value: totalSeconds / minimumSeconds,
        unit: "×",
        max: 1.1,
      },
      { metric: "5,000 reminder DMs: lost", value: MEMBERS - delivered.size, unit: "DMs", max: 0 },
      { metric: "5,000 reminder DMs: duplicates", value: dms - delivered.size, unit: "DMs", max: 0 },
      { metric: "5,000 reminder DMs: 429 answers", value: throttled, unit: "calls" },
      { metric: "5,000 reminder DMs: wall-clock time of the run", value: wallSeconds, unit: "s" },
    ];
  } finally {
    await adapter.stop();
    app.db.close();
    await api.stop();
  }
}
