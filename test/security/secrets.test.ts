import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, runCopbot, startCopbot } from "../support/copbot-process";
import { FakeHomeserver } from "../support/matrix-homeserver";
import { slashCommand } from "../support/slack-payloads";
import { postSigned } from "../support/slack-signing";
import { SlackApiStandIn } from "../support/slack-web-api";

/** Every fake secret contains this, so one search finds any of them anywhere in the output. */
const MARK = "LEAKCHECK";

/** Starts copbot as a process, collecting stdout and stderr, until `done` holds or it exits. */
async function serve(
  dir: string,
  env: Record<string, string>,
  done: (output: string) => boolean,
): Promise<{ output: () => string; stop: () => Promise<number | null> }> {
  const started = startCopbot({ dir, env: { COPBOT_LOG_LEVEL: "trace", ...env } });
  let stdout = "";
  started.child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const output = () => `${stdout}\n${started.stderr()}`;
  const deadline = Date.now() + 30_000;
  while (!done(output()) && started.child.exitCode === null) {
    if (Date.now() > deadline) throw new Error(`copbot did not get there:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    output,
    stop: async () => {
      if (started.child.exitCode === null) started.child.kill("SIGTERM");
      return (await started.exited).code;
    },
  };
}

/**
 * Tokens and secrets never appear in logs or error messages (issue 17): copbot is started with
 * recognisable fake secrets, valid and invalid, at log level trace, and all its output is
 * searched for them. Secrets may also come from `*_FILE` paths (Docker and Kubernetes secrets).
 */
describe("secrets stay out of every output", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "copbot-secrets-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a malformed .env line and an invalid token without repeating either", () => {
    writeFileSync(join(dir, ".env"), `COPBOT_LANG=de\nSLACK_BOT_TOKEN xoxb-${MARK}-0003\n`);
    const run = runCopbot({ dir, input: "", env: { COPBOT_LOG_LEVEL: "trace" } });
    expect(run.code).toBe(2);
    expect(run.err.trim()).toBe(`copbot: ${join(dir, ".env")} line 2: expected NAME=value`);
    writeFileSync(
      join(dir, ".env"),
      `SLACK_BOT_TOKEN=xoxp-${MARK}-user-token-0001\nSLACK_APP_TOKEN=xapp-1\n`,
    );
    const invalid = runCopbot({ dir, input: "", env: { COPBOT_LOG_LEVEL: "trace" } });
    expect(invalid.code).toBe(2);
    expect(invalid.err.trim()).toBe("copbot: SLACK_BOT_TOKEN: a bot token starting with xoxb-");
    const passphrase = runCopbot({
      dir,
      input: "",
      env: {
        COPBOT_ENV_FILE: join(dir, "none.env"),
        MATRIX_HOMESERVER_URL: "http://127.0.0.1:9",
        MATRIX_ACCESS_TOKEN: `syt_${MARK}_0008`,
        MATRIX_CRYPTO_PASSPHRASE: MARK,
      },
    });
    expect(passphrase.code).toBe(2);
    expect(passphrase.err.trim()).toMatch(/^copbot: MATRIX_CRYPTO_PASSPHRASE: a passphrase of at least 12/);
    for (const r of [run, invalid, passphrase]) expect(`${r.out}${r.err}`).not.toContain(MARK);
  });

  it("runs Slack with token and signing secret from files, logging at trace without either", async () => {
    const api = await new SlackApiStandIn().start();
    const token = `xoxb-${MARK}-bot-0004`;
    const secret = `${MARK}-signing-secret-0005`;
    writeFileSync(join(dir, "bot-token"), `${token}\n`, { mode: 0o600 });
    writeFileSync(join(dir, "signing-secret"), secret, { mode: 0o600 });
    const port = await freePort();
    const copbot = await serve(
      dir,
      {
        SLACK_BOT_TOKEN_FILE: join(dir, "bot-token"),
        SLACK_SIGNING_SECRET_FILE: join(dir, "signing-secret"),
        SLACK_PORT: String(port),
        SLACK_API_URL: api.apiUrl,
      },
      (out) => out.includes("copbot running"),
    );
    try {
      const command = slashCommand({
        text: "help",
        user_id: "U0ANNA",
        channel_id: "C0FRAGEN",
        response_url: api.responseUrl("p1"),
      });
      const refused = await postSigned({ url: `http://127.0.0.1:${port}/slack/events`, ...command });
      expect(refused.status).toBe(401);
      const accepted = await postSigned({ url: `http://127.0.0.1:${port}/slack/events`, ...command, secret });
      expect(accepted.status).toBe(200);
      await api.waitFor("response_url", 1, 15_000);
      expect(api.callsOf("auth.test").map((c) => c.token)).toEqual([token]);
    } finally {
      expect(await copbot.stop()).toBe(0);
      await api.stop();
    }
    // Debug output of the Slack SDK was on, request bodies and all.
    expect(copbot.output()).toContain("http request headers");
    expect(copbot.output()).not.toContain(MARK);
  });

  it("reports a refused Matrix token and a failed login without the token or password", async () => {
    const hs = await FakeHomeserver.start({ botUserId: "@copbot:example.org", accessToken: "syt_right" });
    try {
      const refused = await serve(
        dir,
        { MATRIX_HOMESERVER_URL: hs.url, MATRIX_ACCESS_TOKEN: `syt_${MARK}_wrong_0006` },
        () => false,
      );
      expect(await refused.stop()).toBe(2);
      expect(refused.output()).toMatch(/copbot: MATRIX_/);
      const login = await serve(
        dir,
        {
          COPBOT_DATA_DIR: join(dir, "data"),
          MATRIX_HOMESERVER_URL: hs.url,
          MATRIX_USER_ID: "@copbot:example.org",
          MATRIX_PASSWORD: `${MARK}-password-0007`,
        },
        (out) => out.includes("copbot running"),
      );
      expect(await login.stop()).toBe(0);
      for (const run of [refused, login]) expect(run.output()).not.toContain(MARK);
      expect(statSync(join(dir, "data")).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, "data", "matrix", "session.json")).mode & 0o777).toBe(0o600);
    } finally {
      await hs.close();
    }
  });
});
