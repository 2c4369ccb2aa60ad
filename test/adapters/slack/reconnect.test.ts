import { OpsServer } from "../../../src/core/ops-server";
import { registerProbes } from "../../../src/probes";
import { startSlackCopbot, type SlackCopbot } from "../../support/slack-harness";
import { envelope, eventCallback, messageEvent } from "../../support/slack-payloads";

/** What `/readyz` answers right now. */
async function ready(
  url: string,
): Promise<{ status: number; body: { checks: Record<string, { ok: boolean }> } }> {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: (await res.json()) as { checks: Record<string, { ok: boolean }> } };
}

describe("Slack Socket Mode through an outage (local WebSocket and Web API stand-in)", () => {
  let copbot: SlackCopbot;
  let ops: OpsServer;
  let opsUrl: string;
  /** Every wait between two reconnect attempts, and what `/readyz` said during the third. */
  const waits: number[] = [];
  let readyDuringOutage: Awaited<ReturnType<typeof ready>> | undefined;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

  beforeAll(async () => {
    process.on("unhandledRejection", onUnhandled);
    copbot = await startSlackCopbot("socket", {
      reconnect: {
        random: () => 0.5,
        attemptTimeoutMs: 2_000,
        // The waits are recorded, not sat out: an hour of outage passes in milliseconds.
        wait: async (ms) => {
          waits.push(ms);
          if (waits.length === 3) readyDuringOutage = await ready(opsUrl);
          await new Promise((resolve) => setImmediate(resolve));
        },
      },
    });
    ops = new OpsServer(copbot.app.bot.services.health);
    registerProbes(copbot.app, [copbot.slack.adapter]);
    opsUrl = `http://127.0.0.1:${await ops.listen(0, "127.0.0.1")}`;
  });
  afterAll(async () => {
    await ops.close();
    await copbot.stop();
    process.off("unhandledRejection", onUnhandled);
  });

  it("reconnects through 500s and refused connections, forever, and handles the next event", async () => {
    const { api } = copbot.slack;
    expect((await ready(opsUrl)).status).toBe(200);
    const opened = api.callsOf("apps.connections.open").length;
    // Slack is gone for a while: apps.connections.open answers 500, then cannot be reached at all,
    // then hands out a WebSocket address nobody listens on.
    let failures = 0;
    api.intercept = ({ method }) => {
      if (method !== "apps.connections.open") return undefined;
      failures += 1;
      if (failures <= 4) return { status: 500, body: { ok: false, error: "internal_error" } };
      if (failures <= 8) return "drop";
      if (failures <= 12) return { body: { ok: true, url: "ws://127.0.0.1:9/socket" } };
      return undefined;
    };
    api.dropSockets();
    await api.waitFor("apps.connections.open", opened + 13, 15_000);
    await waitUntil(() => api.openSockets === 1);

    // Never a busy loop: at least half a second between attempts, doubling up to a minute,
    // (with jitter: three quarters of the cap here) and the twelve failed attempts cover more than a minute of outage.
    expect(waits).toHaveLength(12);
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(500);
    expect(Math.max(...waits)).toBe(45_000);
    expect(waits.reduce((a, b) => a + b, 0)).toBeGreaterThan(60_000);
    expect(readyDuringOutage?.status).toBe(503);
    expect(readyDuringOutage?.body.checks["platform:slack"]?.ok).toBe(false);
    expect(unhandled).toEqual([]);

    await waitUntil(() => copbot.slack.adapter.port.connection?.().state === "connected");
    expect((await ready(opsUrl)).status).toBe(200);
    await copbot.slack.actViaSocket(
      envelope(
        eventCallback(
          messageEvent({
            channel: "C0FRAGEN",
            user: "U0ANNA",
            text: "Noch jemand da?",
            ts: "1764590000.000100",
          }),
        ),
      ),
    );
    expect(copbot.slack.events.at(-1)).toMatchObject({ kind: "message", text: "Noch jemand da?" });
  });
});

async function waitUntil(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
