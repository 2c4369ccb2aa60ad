import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "pino";

/**
 * Bolt and the Web API client want their own logger shape; this one writes to copbot's pino
 * log. `quiet` caps warnings and errors at that level (the Socket Mode client's failed attempts).
 */
export function boltLogger(log: Logger, quiet?: "debug"): BoltLogger {
  const line = (parts: unknown[]) =>
    parts
      .map((p) => (typeof p === "string" ? p : p instanceof Error ? p.message : JSON.stringify(p)))
      .join(" ");
  return {
    // Bolt logs every ack at debug level: the line is built only when it is written.
    debug: (...m: unknown[]) => {
      if (log.isLevelEnabled("debug")) log.debug(line(m));
    },
    info: (...m: unknown[]) => log.info(line(m)),
    warn: (...m: unknown[]) => log[quiet ?? "warn"](line(m)),
    error: (...m: unknown[]) => log[quiet ?? "error"](line(m)),
    // pino's level decides what is written; Bolt's own setting is not used.
    setLevel: () => {},
    getLevel: () => LogLevel.DEBUG,
    setName: () => {},
  };
}
