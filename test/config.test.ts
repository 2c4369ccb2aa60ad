import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/app";
import { ConfigError } from "../src/core/errors";
import { loadEnvFile } from "../src/env-file";

describe("loadConfig", () => {
  it("has working defaults: console on ./data/copbot.db, German, Europe/Berlin", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      dbPath: "./data/copbot.db",
      lang: "de",
      timeZone: "Europe/Berlin",
      clock: { kind: "system" },
      qa: { escalateAfterHours: 24 },
      meetings: { graceMinutes: 120 },
      retention: {
        outboxDays: 30,
        outboxTextDays: 7,
        checkinAnswersDays: 180,
        openQuestionsDays: 180,
        auditDays: 365,
        eventsDays: 7,
        jobsDays: 30,
        ledgerDays: 400,
      },
    });
    expect(config.slack).toBeUndefined();
    expect(config.matrix).toBeUndefined();
  });

  it.each([
    [{ COPBOT_LANG: "fr" }, /^COPBOT_LANG: .*"de".*"en".* \(got "fr"\)$/],
    [{ COPBOT_TIMEZONE: "Mars/Olympus" }, /^COPBOT_TIMEZONE: an IANA time zone such as Europe\/Berlin/],
    [{ SLACK_BOT_TOKEN: "abc" }, /^SLACK_BOT_TOKEN: a bot token starting with xoxb-/],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, /^SLACK_APP_TOKEN: needed for Socket Mode/],
    [{ SLACK_PORT: "99999", SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }, /^SLACK_PORT: /],
    [{ MATRIX_HOMESERVER_URL: "https://matrix.example.org" }, /^MATRIX_ACCESS_TOKEN: required/],
    [{ COPBOT_CLOCK: "virtual", COPBOT_START: "tomorrow" }, /^COPBOT_START: /],
    [{ COPBOT_AUDIT_RETENTION_DAYS: "0" }, /^COPBOT_AUDIT_RETENTION_DAYS: at least 1 day \(got "0"\)$/],
    [{ COPBOT_LEDGER_RETENTION_DAYS: "7" }, /^COPBOT_LEDGER_RETENTION_DAYS: .*30/],
    [
      { COPBOT_OUTBOX_TEXT_RETENTION_DAYS: "7.5" },
      /^COPBOT_OUTBOX_TEXT_RETENTION_DAYS: a whole number of days/,
    ],
    [
      {
        MATRIX_HOMESERVER_URL: "https://matrix.example.org",
        MATRIX_ACCESS_TOKEN: "syt_x",
        MATRIX_CRYPTO_PASSPHRASE: "kurz",
      },
      /^MATRIX_CRYPTO_PASSPHRASE: a passphrase of at least 12 characters/,
    ],
  ])("refuses %j with one line naming the variable", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain("\n");
    }
  });

  it("selects Slack socket mode, HTTP mode and Matrix from the variables", () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }).slack).toEqual({
      botToken: "xoxb-1",
      appToken: "xapp-1",
      port: 3000,
      adminsModerate: true,
    });
    expect(
      loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", SLACK_PORT: "8080" }).slack,
    ).toEqual({
      botToken: "xoxb-1",
      signingSecret: "s",
      port: 8080,
      adminsModerate: true,
    });
    expect(
      loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1", SLACK_ADMINS_MODERATE: "false" })
        .slack?.adminsModerate,
    ).toBe(false);
    expect(
      loadConfig({
        MATRIX_HOMESERVER_URL: "https://m.example.org",
        MATRIX_ACCESS_TOKEN: "t",
        MATRIX_AUTOJOIN: "a.org, @b:c.org",
      }).matrix,
    ).toEqual({ homeserverUrl: "https://m.example.org", accessToken: "t", autojoin: ["a.org", "@b:c.org"] });
    expect(
      loadConfig({
        MATRIX_HOMESERVER_URL: "https://m.example.org",
        MATRIX_ACCESS_TOKEN: "t",
        MATRIX_CRYPTO_PASSPHRASE: "  lange geheime Passphrase  ",
      }).matrix?.cryptoPassphrase,
    ).toBe("lange geheime Passphrase");
  });
});

describe("secrets in the configuration", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "copbot-secret-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const failure = (env: NodeJS.ProcessEnv): string => {
    try {
      loadConfig(env);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("expected a ConfigError");
  };

  it("names a refused secret without showing it, and shows (shortened) what an ordinary setting got", () => {
    expect(failure({ SLACK_BOT_TOKEN: "xoxp-LEAKCHECK-1", SLACK_APP_TOKEN: "xapp-1" })).toBe(
      "SLACK_BOT_TOKEN: a bot token starting with xoxb-",
    );
    expect(failure({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "LEAKCHECK" })).toBe(
      "SLACK_APP_TOKEN: an app token starting with xapp-",
    );
    expect(failure({ COPBOT_TIMEZONE: `Mars/${"x".repeat(100)}` })).toMatch(/\(got "Mars\/x{55}…"\)$/);
  });

  it("reads NAME_FILE secrets (Docker and Kubernetes), refusing both at once and unreadable files", () => {
    writeFileSync(join(dir, "token"), "xoxb-from-file\n");
    writeFileSync(join(dir, "secret"), "  signing-from-file  ");
    const config = loadConfig({
      SLACK_BOT_TOKEN_FILE: join(dir, "token"),
      SLACK_SIGNING_SECRET_FILE: join(dir, "secret"),
      COPBOT_ENV_FILE: join(dir, "not-a-secret"),
    });
    expect(config.slack).toMatchObject({ botToken: "xoxb-from-file", signingSecret: "signing-from-file" });
    expect(
      failure({
        SLACK_BOT_TOKEN: "xoxb-LEAKCHECK",
        SLACK_BOT_TOKEN_FILE: join(dir, "token"),
        SLACK_APP_TOKEN: "xapp-1",
      }),
    ).toBe("SLACK_BOT_TOKEN: set either SLACK_BOT_TOKEN or SLACK_BOT_TOKEN_FILE, not both");
    expect(failure({ MATRIX_ACCESS_TOKEN_FILE: join(dir, "missing") })).toBe(
      `MATRIX_ACCESS_TOKEN_FILE: cannot read the file ${join(dir, "missing")} (ENOENT)`,
    );
    writeFileSync(join(dir, "wrong"), "xoxp-LEAKCHECK-file");
    expect(failure({ SLACK_BOT_TOKEN_FILE: join(dir, "wrong"), SLACK_APP_TOKEN: "xapp-1" })).toBe(
      "SLACK_BOT_TOKEN: a bot token starting with xoxb-",
    );
  });
});

describe("loadEnvFile", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "copbot-env-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reads values without overriding the real environment, with comments and quotes", () => {
    const path = join(dir, ".env");
    writeFileSync(path, '# comment\nCOPBOT_LANG=en\nexport COPBOT_ADMINS="console:anna"\nCOPBOT_DB=x\n');
    const env: NodeJS.ProcessEnv = { COPBOT_DB: "kept" };
    loadEnvFile(path, env);
    expect(env).toEqual({ COPBOT_DB: "kept", COPBOT_LANG: "en", COPBOT_ADMINS: "console:anna" });
  });

  it("refuses a line that is not NAME=value", () => {
    const path = join(dir, ".env");
    writeFileSync(path, "COPBOT_LANG=en\nCOPBOT LANG en\n");
    expect(() => loadEnvFile(path, {})).toThrow(`${path} line 2: expected NAME=value`);
  });

  it("ignores a missing file", () => {
    expect(() => loadEnvFile(join(dir, "none"), {})).not.toThrow();
  });
});
