import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { MatrixAdapter } from "../../../adapters/matrix/matrix-adapter";
import { accessTokenFor } from "../../../adapters/matrix/session";
import { VirtualClock } from "../../../src/core/clock";
import { BOT } from "../../support/matrix-harness";
import { FakeHomeserver } from "../../support/matrix-homeserver";

const log = pino({ level: "silent" });

describe("Matrix login and offline install", () => {
  let hs: FakeHomeserver;
  let dir: string;

  beforeEach(async () => {
    hs = await FakeHomeserver.start({ botUserId: BOT, accessToken: "syt_from_login" });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "copbot-matrix-"));
  });

  afterEach(async () => {
    await hs.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("logs in once with user and password, stores the token privately and reuses it", async () => {
    const config = { homeserverUrl: hs.url, userId: BOT, password: "geheim", autojoin: [] };
    expect(await accessTokenFor(config, dir, log)).toBe("syt_from_login");
    const logins = hs.requests.filter((r) => r.path === "/_matrix/client/v3/login");
    expect(logins.map((r) => r.body)).toEqual([
      {
        type: "m.login.password",
        identifier: { type: "m.id.user", user: BOT },
        password: "geheim",
        initial_device_display_name: "copbot",
      },
    ]);
    const file = path.join(dir, "session.json");
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({
      homeserverUrl: hs.url,
      userId: BOT,
      accessToken: "syt_from_login",
    });

    expect(await accessTokenFor(config, dir, log)).toBe("syt_from_login");
    expect(hs.requests.filter((r) => r.path === "/_matrix/client/v3/login")).toHaveLength(1);
  });

  it("keeps the sync position and the login under <dataDir>/matrix/", async () => {
    const adapter = new MatrixAdapter({
      config: { homeserverUrl: hs.url, userId: BOT, password: "geheim", autojoin: [] },
      dataDir: dir,
      log,
      clock: new VirtualClock(new Date()),
    });
    await adapter.start(async () => undefined);
    await hs.waitForRequest((r) => r.path === "/_matrix/client/v3/sync", 2);
    await adapter.stop();
    expect(fs.readdirSync(path.join(dir, "matrix")).sort()).toEqual(["session.json", "sync.json"]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "matrix", "sync.json"), "utf8"))).toMatchObject({
      syncToken: expect.any(String),
    });
  });

  it("prefers a configured access token and never logs in then", async () => {
    const token = await accessTokenFor(
      { homeserverUrl: hs.url, accessToken: "syt_set", autojoin: [] },
      dir,
      log,
    );
    expect(token).toBe("syt_set");
    expect(hs.requests).toEqual([]);
  });

  it("loads the SDK without the native crypto module, which fails clearly only when used", () => {
    // Required as the SDK requires it (CommonJS), whatever this test file's module system is.
    const load = createRequire(__filename);
    expect(() => load("@vector-im/matrix-bot-sdk")).not.toThrow();
    const crypto = load("@matrix-org/matrix-sdk-crypto-nodejs") as { OlmMachine: { initialize(): unknown } };
    expect(() => crypto.OlmMachine.initialize()).toThrow(/end-to-end encryption not available/);
  });
});
