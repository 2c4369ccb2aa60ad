import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, startCopbot } from "../../support/copbot-process";
import { packagesOf, recordLoadedModules } from "../../support/loaded-modules";
import { SlackApiStandIn } from "../../support/slack-web-api";
import { postSigned, SIGNING_SECRET } from "../../support/slack-signing";
import { slashCommand } from "../../support/slack-payloads";

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

  it("serves /healthz and signed slash commands, counts them in /metrics, and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const opsPort = await freePort();
    const modules = recordLoadedModules(dir);
    const started = startCopbot({
      dir,
      env: {
        ...modules.env,
        COPBOT_DB: join(dir, "copbot.db"),
        SLACK_BOT_TOKEN: "xoxb-process-test",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_PORT: String(port),
        SLACK_API_URL: api.apiUrl,
        COPBOT_HEALTH_PORT: String(opsPort),
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

    // The ops server's /metrics, as Prometheus scrapes it: the command and its reply are counted.
    const metrics = await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text();
    expect(metrics).toContain('copbot_events_handled_total{platform="slack",kind="command"} 1');
    expect(metrics).toContain('copbot_replies_sent_total{platform="slack"} 1');
    expect(metrics).toContain("copbot_ready 1");

    child.kill("SIGTERM");
    expect((await exited).code).toBe(0);
    expect(started.stderr()).not.toMatch(/copbot: /);
    // Only the configured platform's SDK was loaded.
    const packages = packagesOf(modules.loaded());
    expect(packages).toContain("@slack/bolt");
    expect(packages).not.toContain("@vector-im/matrix-bot-sdk");
  });
});
