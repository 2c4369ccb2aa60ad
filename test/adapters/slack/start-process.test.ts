import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startCopbot } from "../../support/copbot-process";
import { SlackApiStandIn } from "../../support/slack-web-api";
import { postSigned, SIGNING_SECRET } from "../../support/slack-signing";
import { slashCommand } from "../../support/slack-payloads";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, ms = 30_000): Promise<Response> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`copbot exited early with ${child.exitCode}`);
    try {
      return await fetch(url);
    } catch {
      if (Date.now() > deadline) throw new Error(`no answer from ${url}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** The start command with Slack settings in the environment runs the Slack app, not the console. */
describe("npm start in Slack HTTP mode", () => {
  let dir: string;
  let api: SlackApiStandIn;
  let child: ChildProcess | undefined;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "copbot-slack-"));
    api = await new SlackApiStandIn().start();
  });
  afterEach(async () => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves /healthz and signed slash commands, and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const started = startCopbot({
      dir,
      env: {
        COPBOT_DB: join(dir, "copbot.db"),
        SLACK_BOT_TOKEN: "xoxb-process-test",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_PORT: String(port),
        SLACK_API_URL: api.apiUrl,
      },
    });
    child = started.child;
    const { exited } = started;

    const health = await waitForHealth(`http://127.0.0.1:${port}/healthz`, child);
    expect(health.status).toBe(200);
    // Without a configured identity the adapter asks Slack who it is, once.
    expect(api.callsOf("auth.test").map((c) => c.token)).toEqual(["xoxb-process-test"]);

    const body = slashCommand({
      text: "help",
      user_id: "U0ANNA",
      channel_id: "C0FRAGEN",
      response_url: api.responseUrl("p1"),
    });
    const res = await postSigned({ url: `http://127.0.0.1:${port}/slack/events`, ...body });
    expect(res.status).toBe(200);
    const [reply] = await api.waitFor("response_url", 1, 15_000);
    expect(String(reply?.args.text)).toContain("Das kannst du mit copbot tun:");

    child.kill("SIGTERM");
    expect((await exited).code).toBe(0);
    expect(started.stderr()).not.toMatch(/copbot: /);
  });
});
