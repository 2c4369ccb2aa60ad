import { OpsServer } from "../../../src/core/ops-server";
import { registerProbes } from "../../../src/probes";
import { ANNA, communityAndSpace } from "../../support/matrix-harness";
import { startMatrixApp, type MatrixApp } from "../../support/matrix-app";

const START = "2026-11-30T09:00:00+01:00";

async function readyz(url: string): Promise<{ status: number; checks: Record<string, { ok: boolean }> }> {
  const res = await fetch(`${url}/readyz`);
  const body = (await res.json()) as { checks: Record<string, { ok: boolean }> };
  return { status: res.status, checks: body.checks };
}

describe("Matrix: /readyz follows the homeserver, and the sync never gives up", () => {
  let m: MatrixApp & { rooms: Record<string, string> };
  let ops: OpsServer;
  let url = "";
  const waits: number[] = [];
  let duringOutage: Awaited<ReturnType<typeof readyz>> | undefined;

  beforeAll(async () => {
    m = await startMatrixApp({
      start: START,
      env: { COPBOT_ADMINS: `matrix:${ANNA}` },
      prepare: (hs) =>
        communityAndSpace(hs, { community: "fragen", space: "CoP" }, new Date(START).getTime() - 60_000),
      syncBackoff: {
        policy: { baseMs: 2_000, capMs: 60_000 },
        random: () => 0.5,
        // Recorded, not sat out; the third wait looks at /readyz in the middle of the outage.
        wait: async (ms) => {
          waits.push(ms);
          if (waits.length === 3) duringOutage = await readyz(url);
          await new Promise((resolve) => setImmediate(resolve));
        },
      },
    });
    ops = new OpsServer(m.app.bot.services.health);
    registerProbes(m.app, [m.adapter]);
    url = `http://127.0.0.1:${await ops.listen(0, "127.0.0.1")}`;
  });
  afterAll(async () => {
    await ops.close();
    await m.stop();
  });

  it("turns not ready while syncs fail, backs off without a busy loop, and is ready again after", async () => {
    expect((await readyz(url)).status).toBe(200);
    const isSync = (r: { path: string }) => r.path === "/_matrix/client/v3/sync";
    for (let i = 0; i < 8; i++) m.hs.failNext(isSync, 502, { errcode: "M_UNKNOWN", error: "Bad Gateway" });
    // Something happens, so the open long-poll returns and the next syncs meet the failures.
    m.hs.send(m.rooms.community ?? "", ANNA, "m.room.message", { msgtype: "m.text", body: "Hallo?" });
    await until(() => waits.length >= 8);

    expect(waits).toEqual([1_500, 3_000, 6_000, 12_000, 24_000, 45_000, 45_000, 45_000]);
    expect(duringOutage?.status).toBe(503);
    expect(duringOutage?.checks["platform:matrix"]?.ok).toBe(false);
    // The sync after the last failure skips the long-poll, so readiness returns at once.
    let after = 0;
    await until(
      () => after === 200,
      async () => void (after = (await readyz(url)).status),
    );
    expect(waits).toHaveLength(8);
  });
});

/** Polls `check` (after `probe`, when given) every 20 ms for up to 5 s. */
async function until(check: () => boolean, probe?: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    await probe?.();
    if (check()) return;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
