import pino from "pino";
import { openDatabase } from "../../db/open";
import { loadConfig } from "../../src/config";
import { VirtualClock } from "../../src/core/clock";
import { createServices, type Services } from "../../src/core/services";
import { RecordingPort } from "../support/recording-port";

/** Services on in-memory SQLite with the real migrations and a virtual clock (Monday 2026-11-30 09:00 Berlin). */
export function qaServices(
  start = "2026-11-30T08:00:00Z",
  env: Record<string, string> = {},
): {
  services: Services;
  clock: VirtualClock;
  port: RecordingPort;
} {
  const clock = new VirtualClock(new Date(start));
  const services = createServices({
    db: openDatabase(":memory:"),
    clock,
    config: loadConfig(env),
    log: pino({ level: "silent" }),
    features: [],
  });
  const port = new RecordingPort("console");
  services.ports.add(port);
  return { services, clock, port };
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
