import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { runCopbot } from "../support/copbot-process";
import { packagesOf, recordLoadedModules } from "../support/loaded-modules";

/** Runs copbot in `cwd` with piped stdin, as a user would; the first story goes through npm itself. */
function npmStart(cwd: string, input: string, env: Record<string, string> = {}, via?: "npm") {
  return runCopbot({ dir: cwd, input, env, ...(via ? { via } : {}) });
}

describe("npm start in console mode", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "copbot-e2e-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("prints German help, refuses a member's moderator action and switches to English", () => {
    const run = npmStart(dir, "/cop help\n:as anna\n/cop mod add @ben\n/cop lang en\n/cop help\n", {}, "npm");
    expect(run.code).toBe(0);
    const lines = run.out.split("\n");
    expect(lines[0]).toBe("[#allgemein] (m1) admin: /cop help");
    expect(lines[1]).toBe("[#allgemein → admin] (m2) copbot: *Das kannst du mit copbot tun:*");
    expect(run.out).toContain("`/cop mod` – Verwaltet die Moderator:innen (nur Admins)");
    expect(run.out).toContain(
      "[#allgemein → anna] (m4) copbot: `/cop mod` dürfen nur Personen mit der Rolle Admin nutzen – du bist Mitglied.",
    );
    expect(run.out).toContain("(m6) copbot: Got it, I'll answer you in English from now on.");
    expect(run.out).toContain("(m8) copbot: *Here's what you can do with copbot:*");
    // Anna is a member: admin-only commands are not offered to her.
    expect(run.out.slice(run.out.indexOf("(m8)"))).not.toContain("/cop mod");
  });

  it("says once on stderr that it is ready (database, clock, how to begin) and shows no prompt to piped input", () => {
    const run = npmStart(dir, "/cop lang en\n", {
      COPBOT_CLOCK: "virtual",
      COPBOT_START: "2026-12-07T08:00:00+01:00",
      COPBOT_LANG: "en",
    });
    expect(run.code).toBe(0);
    expect(run.err.trim()).toBe(
      `copbot is ready · database ${join(dir, "data", "copbot.db")} · virtual clock from Mon, 2026-12-07, 08:00 · type /cop help`,
    );
    expect(run.out.split("\n")[0]).toBe("[#allgemein] (m1) admin: /cop lang en");
    expect(run.out).not.toContain("> ");
  });

  it("loads no platform SDK (nor holiday calendars, the date parser, the chart renderer or the metrics client before they are needed)", () => {
    const modules = recordLoadedModules(dir);
    const run = npmStart(dir, "/cop help\n", modules.env);
    expect(run.code).toBe(0);
    const packages = packagesOf(modules.loaded());
    expect(packages).toContain("better-sqlite3");
    const late = ["date-holidays", "chrono-node", "prom-client", "vega", "vega-lite", "@resvg/resvg-js"];
    const sdks = ["@slack/bolt", "@slack/web-api", "@vector-im/matrix-bot-sdk"];
    // The Matrix crypto and its IndexedDB stand-in load only with a passphrase, on Matrix.
    const crypto = ["@matrix-org/matrix-sdk-crypto-wasm", "fake-indexeddb"];
    for (const sdk of [...sdks, ...crypto, ...late]) {
      expect(packages).not.toContain(sdk);
    }
  });

  it("shows a prompt after the ready line and after each answer when a person types at a terminal", () => {
    const run = runCopbot({ dir, input: "/cop help\n:quit\n", terminal: true });
    expect(run.code).toBe(0);
    const screen = stripVTControlCharacters(run.out).replace(/\r/g, "");
    const ready = screen.indexOf("copbot ist bereit");
    expect(ready).toBeGreaterThanOrEqual(0);
    expect(screen).toContain("· Systemuhr · tippe /cop help");
    const afterReady = screen.slice(ready);
    // The prompt, the typed command, its answer, and the prompt again.
    expect(afterReady).toMatch(/\n> \/cop help\n/);
    const answer = afterReady.indexOf("*Das kannst du mit copbot tun:*");
    expect(answer).toBeGreaterThan(0);
    expect(afterReady.slice(answer)).toMatch(/\n> /);
  });

  it("keeps a profile across a restart on the same database file", () => {
    const first = npmStart(dir, ':as anna\n/cop profile org "Stadt Musterhausen"\n');
    expect(first.code).toBe(0);
    expect(first.out).toContain("Gespeichert.");
    const second = npmStart(dir, ":as anna\n/cop profile\n");
    expect(second.code).toBe(0);
    expect(second.out).toContain("Organisation: Stadt Musterhausen");
    // Message references continue after the restart, so stored ids never collide.
    expect(second.out).toMatch(/^\[#allgemein\] \(m3\) anna: \/cop profile$/m);
  });

  it("stops with one clear line on a broken .env and on a bad value", () => {
    writeFileSync(join(dir, ".env"), "COPBOT_LANG=de\nthis is not a setting\n");
    const broken = npmStart(dir, "/cop help\n");
    expect(broken.code).toBe(2);
    // The line itself is not repeated: it might hold a secret.
    expect(broken.err.trim()).toBe(`copbot: ${join(dir, ".env")} line 2: expected NAME=value`);
    expect(broken.out).toBe("");

    writeFileSync(join(dir, ".env"), "COPBOT_LANG=fr\n");
    const bad = npmStart(dir, "/cop help\n");
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split("\n")).toHaveLength(1);
    expect(bad.err).toContain("COPBOT_LANG");
    expect(bad.err).toMatch(/"de"|de\b/);
  });
});
