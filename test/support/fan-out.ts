import pino from "pino";
import { openDatabase } from "../../db/open";
import { SystemClock } from "../../src/core/clock";
import { textMessage } from "../../src/core/message";
import { Outbox } from "../../src/core/outbox";
import { PortRouter } from "../../src/core/port-router";

/**
 * Queues a bulk fan-out of one DM per recipient in the database at `path`, as a check-in
 * round does (keyed, bulk priority), for a copbot process to deliver.
 */
export function seedFanOut(path: string, recipients: readonly string[]): void {
  const db = openDatabase(path);
  const outbox = new Outbox(db, new SystemClock(), new PortRouter(), pino({ level: "silent" }));
  db.transaction(() => {
    for (const userId of recipients) {
      outbox.enqueue({ kind: "dm", userId }, textMessage(`Zeit für den Check-in, ${userId}!`), {
        key: `fanout:${userId}`,
        priority: "bulk",
      });
    }
  })();
  db.close();
}

/** A small seeded random generator, so a failing run can be repeated. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
