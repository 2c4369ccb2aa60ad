import { leaseOf } from "../db/lease";
import type { Adapter } from "./core/port";
import type { App } from "./app";

/** Due messages that have not moved for this long make copbot not ready. */
export const OUTBOX_STALL_MS = 2 * 60_000;

/**
 * The readiness checks of a running copbot: each platform connected, the database writable
 * (its lease renewed lately), the outbox moving.
 */
export function registerProbes(app: App, adapters: readonly Adapter[]): void {
  const { health, outbox } = app.bot.services;
  for (const adapter of adapters) {
    health.probe(`platform:${adapter.port.platform}`, () => {
      const connection = adapter.port.connection?.() ?? { state: "connected" };
      return connection.state === "connected"
        ? { ok: true }
        : { ok: false, detail: [connection.state, connection.detail].filter(Boolean).join(": ") };
    });
  }
  health.probe("database", () => {
    const lease = leaseOf(app.db);
    return lease === undefined || lease.fresh()
      ? { ok: true }
      : { ok: false, detail: "the database lease was not renewed in time" };
  });
  health.probe("outbox", () => {
    const stalled = outbox.stalledMs();
    return stalled < OUTBOX_STALL_MS
      ? { ok: true }
      : { ok: false, detail: `due messages have not moved for ${Math.round(stalled / 1000)} s` };
  });
}
