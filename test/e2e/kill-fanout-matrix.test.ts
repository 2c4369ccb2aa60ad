import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../db/open";
import { startCopbot, until, type CopbotProcess } from "../support/copbot-process";
import { packagesOf, recordLoadedModules } from "../support/loaded-modules";
import { seedFanOut, seededRandom } from "../support/fan-out";
import { FakeHomeserver } from "../support/matrix-homeserver";

const RECIPIENTS = 1_000;
const KILLS = 5;
const BOT = "@copbot:example.org";

describe("kill -9 during a fan-out over Matrix", () => {
  let dir: string;
  let hs: FakeHomeserver;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "copbot-kill-matrix-"));
    hs = await FakeHomeserver.start({ botUserId: BOT });
  });
  afterEach(async () => {
    await hs.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("delivers 1,000 DMs exactly once per recipient across kills, some while an event is in flight", async () => {
    const users = Array.from({ length: RECIPIENTS }, (_, i) => `@m${String(i).padStart(4, "0")}:example.org`);
    // Every member already has a DM with copbot (listed in m.direct), as after a first contact.
    const direct: Record<string, string[]> = {};
    for (const user of users) direct[user] = [hs.createRoom({ creator: user, botJoined: true })];
    hs.store.accountData.set("m.direct", direct);
    seedFanOut(
      join(dir, "data", "copbot.db"),
      users.map((u) => `matrix:${u}`),
    );
    const env = { MATRIX_HOMESERVER_URL: hs.url, MATRIX_ACCESS_TOKEN: "syt_test_token" };
    const isSend = (path: string) => path.includes("/send/m.room.message/");
    const sends = () => hs.requests.filter((r) => r.method === "PUT" && isSend(r.path)).length;
    const seed = Date.now() % 100_000;
    const random = seededRandom(seed);
    const kills: number[] = [];
    for (let kill = 1; kill <= KILLS; kill++) {
      const threshold = Math.floor((kill * RECIPIENTS) / (KILLS + 1) + (random() - 0.5) * 40);
      const run: CopbotProcess = startCopbot({ dir, env });
      if (kill % 2 === 1) {
        // The homeserver stores the event, then copbot dies before it hears the event id.
        hs.hangAfter = (req) => {
          if (req.method !== "PUT" || !isSend(req.path) || sends() < threshold) return false;
          run.child.kill("SIGKILL");
          hs.hangAfter = () => false;
          return true;
        };
      } else {
        await until(() => sends() >= threshold, `send ${threshold}`, 60_000);
        await new Promise((resolve) => setTimeout(resolve, random() * 30));
        run.child.kill("SIGKILL");
      }
      expect((await run.exited).signal).toBe("SIGKILL");
      kills.push(sends());
    }
    hs.hangAfter = () => false;
    const messagesIn = (room: string) =>
      hs.mustRoom(room).timeline.filter((p) => p.event.sender === BOT && p.event.type === "m.room.message")
        .length;
    const modules = recordLoadedModules(dir);
    const last = startCopbot({ dir, env: { ...env, ...modules.env } });
    await until(() => users.every((u) => messagesIn(direct[u]?.[0] ?? "") > 0), "every recipient", 60_000);
    last.child.kill("SIGTERM");
    expect((await last.exited).code).toBe(0);
    // Without MATRIX_CRYPTO_PASSPHRASE the adapter runs without encryption and never loads the
    // WASM crypto nor its IndexedDB stand-in.
    const packages = packagesOf(modules.loaded());
    expect(packages).toContain("@vector-im/matrix-bot-sdk");
    expect(packages).not.toContain("@matrix-org/matrix-sdk-crypto-wasm");
    expect(packages).not.toContain("fake-indexeddb");

    const counts = new Map<number, number>();
    for (const u of users) {
      const n = messagesIn(direct[u]?.[0] ?? "");
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    expect({ seed, kills, counts: Object.fromEntries(counts) }).toEqual({
      seed,
      kills,
      counts: { 1: RECIPIENTS },
    });
    expect(kills).toHaveLength(KILLS);
    // Sends in doubt went again with their transaction id, and the homeserver kept the first.
    expect(sends()).toBeGreaterThan(RECIPIENTS);
    const db = openDatabase(join(dir, "data", "copbot.db"));
    expect(db.prepare("SELECT state, count(*) AS n FROM outbox GROUP BY state").all()).toEqual([
      { state: "sent", n: RECIPIENTS },
    ]);
    db.close();
    // A guard, not a timing: about 11 s on an idle machine, over 120 s beside another heavy
    // suite in the second jest worker on a 2-core machine loaded by other builds.
  }, 300_000);
});
