import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../db/open";
import { freePort, startCopbot, until, type CopbotProcess } from "../support/copbot-process";
import { seedFanOut, seededRandom } from "../support/fan-out";
import { slashCommand } from "../support/slack-payloads";
import { postSigned, SIGNING_SECRET } from "../support/slack-signing";
import { SlackApiStandIn } from "../support/slack-web-api";

const RECIPIENTS = 1_000;
const KILLS = 5;

/** The status of `/readyz`, or "down" when nothing answers. */
async function readiness(port: number): Promise<number | "down"> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/readyz`)).status;
  } catch {
    return "down";
  }
}

describe("a fan-out over Slack survives kill -9 and SIGTERM", () => {
  let dir: string;
  let api: SlackApiStandIn;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "copbot-kill-slack-"));
    // Message timestamps on the real clock: the process looks posts up by time.
    api = await new SlackApiStandIn(undefined, () => Date.now()).start();
  });
  afterEach(async () => {
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("delivers 1,000 DMs exactly once per recipient across kills (some while a post is in flight) and a SIGTERM that exits in time", async () => {
    const users = Array.from({ length: RECIPIENTS }, (_, i) => `U${String(i).padStart(4, "0")}`);
    seedFanOut(
      join(dir, "data", "copbot.db"),
      users.map((u) => `slack:${u}`),
    );
    const slackPort = await freePort();
    const healthPort = await freePort();
    const env = {
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_PORT: String(slackPort),
      SLACK_API_URL: api.apiUrl,
      COPBOT_HEALTH_PORT: String(healthPort),
    };
    const seed = Date.now() % 100_000;
    const random = seededRandom(seed);
    const posts = () => api.callsOf("chat.postMessage").length;
    const kills: number[] = [];
    for (let kill = 1; kill <= KILLS; kill++) {
      // Kills are spread over the fan-out: the k-th comes after about k/7 of the posts.
      const threshold = Math.floor((kill * RECIPIENTS) / (KILLS + 2) + (random() - 0.5) * 40);
      const run: CopbotProcess = startCopbot({ dir, env });
      if (kill % 2 === 1) {
        // Slack takes the post, then copbot dies before it hears the answer.
        api.intercept = ({ method }) => {
          if (method !== "chat.postMessage" || posts() < threshold) return undefined;
          run.child.kill("SIGKILL");
          api.intercept = () => undefined;
          return "hang";
        };
      } else {
        // A random moment: a few milliseconds after the threshold, wherever the process is.
        await until(() => posts() >= threshold, `post ${threshold}`, 30_000);
        await new Promise((resolve) => setTimeout(resolve, random() * 30));
        run.child.kill("SIGKILL");
      }
      expect((await run.exited).signal).toBe("SIGKILL");
      kills.push(posts());
    }

    // SIGTERM while three posts are in flight on a slow Slack: they finish, the rest waits.
    api.intercept = () => undefined;
    const stopping = startCopbot({ dir, env });
    await until(async () => (await readiness(healthPort)) === 200, "readiness", 30_000);
    let slow = 0;
    api.intercept = ({ method }) =>
      method === "chat.postMessage" && ++slow <= 3 ? { delayMs: 800 } : undefined;
    await until(() => slow >= 3, "three posts in flight", 30_000);
    const signalled = Date.now();
    stopping.child.kill("SIGTERM");
    // Readiness turns false at once, and no new event is taken.
    await until(async () => (await readiness(healthPort)) !== 200, "readiness to turn false", 2_000);
    const command = slashCommand({
      text: "help",
      user_id: "U0ANNA",
      channel_id: "C0FRAGEN",
      response_url: api.responseUrl(),
    });
    await until(
      async () =>
        postSigned({ url: `http://127.0.0.1:${slackPort}/slack/events`, ...command }).then(
          () => false,
          () => true,
        ),
      "the event endpoint to close",
      2_000,
    );
    const stopped = await stopping.exited;
    expect({ code: stopped.code, inTime: Date.now() - signalled < 10_000 }).toEqual({
      code: 0,
      inTime: true,
    });
    const postsBeforeRestart = posts();

    api.intercept = () => undefined;
    const last = startCopbot({ dir, env });
    await until(() => users.every((u) => api.postedIn(u).length > 0), "every recipient", 60_000);
    last.child.kill("SIGTERM");
    expect((await last.exited).code).toBe(0);

    const counts = new Map<number, number>();
    for (const u of users) counts.set(api.postedIn(u).length, (counts.get(api.postedIn(u).length) ?? 0) + 1);
    expect({ seed, kills, counts: Object.fromEntries(counts) }).toEqual({
      seed,
      kills,
      counts: { 1: RECIPIENTS },
    });
    // Posts in doubt (killed or stopped in flight) were looked up in the conversation, not sent again.
    expect(posts()).toBe(RECIPIENTS);
    expect(postsBeforeRestart).toBeLessThan(RECIPIENTS);
    expect(api.callsOf("conversations.history").length).toBeGreaterThanOrEqual(3);
    const db = openDatabase(join(dir, "data", "copbot.db"));
    expect(db.prepare("SELECT state, count(*) AS n FROM outbox GROUP BY state").all()).toEqual([
      { state: "sent", n: RECIPIENTS },
    ]);
    db.close();
    // A guard, not a timing: about 11 s on an idle machine, over 120 s beside another heavy
    // suite in the second jest worker on a 2-core machine loaded by other builds.
  }, 300_000);
});
