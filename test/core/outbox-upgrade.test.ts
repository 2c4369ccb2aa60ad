import Database from "better-sqlite3";
import pino from "pino";
import { loadMigrations, migrate } from "../../db/open";
import { VirtualClock } from "../../src/core/clock";
import { textMessage } from "../../src/core/message";
import { Outbox } from "../../src/core/outbox";
import { PortRouter } from "../../src/core/port-router";
import { RecordingPort } from "../support/recording-port";

/**
 * Upgrading to the outbox with fewer pages per item (migration NNN_outbox_pages.sql): the table
 * is rebuilt without AUTOINCREMENT and with its key unique through a partial index; every item
 * stays as it was, keys stay unique, and what waited is delivered after the upgrade.
 */
describe("the outbox pages migration", () => {
  it("keeps every item, its key unique and its posted reference found", async () => {
    const db = new Database(":memory:");
    const all = loadMigrations();
    migrate(
      db,
      all.slice(
        0,
        all.findIndex((m) => m.name.endsWith("_outbox_pages.sql")),
      ),
    );
    const message = JSON.stringify(textMessage("queued before"));
    const insert = db.prepare(
      `INSERT INTO outbox (platform, op, key, target, message, lane, class, delivery_id, state, attempts,
         next_attempt_at, expires_at, posted_channel, posted_message, created_at, finished_at)
       VALUES ('slack', 'post', ?, '{"kind":"channel","channelId":"slack:C1"}', ?, 'channel:slack:C1', 'post', ?, ?, ?,
         0, 86400000, ?, ?, 0, ?)`,
    );
    insert.run("root", message, "d1", "sent", 1, "slack:C1", "p1", 0);
    insert.run(null, message, "d2", "sending", 1, null, null, null);
    insert.run(null, message, "d3", "pending", 0, null, null, null);
    const before = db.prepare("SELECT * FROM outbox ORDER BY id").all();
    migrate(db, all);
    expect(db.prepare("SELECT * FROM outbox ORDER BY id").all()).toEqual(before);

    const port = new RecordingPort("slack");
    const ports = new PortRouter();
    ports.add(port);
    const clock = new VirtualClock(new Date(0));
    const outbox = new Outbox(db, clock, ports, pino({ level: "silent" }));
    expect(
      outbox.enqueue({ kind: "channel", channelId: "slack:C1" }, textMessage("again"), { key: "root" }),
    ).toBe(undefined);
    expect(outbox.keyOf({ channelId: "slack:C1", messageId: "p1" })).toBe("root");
    await outbox.drain();
    expect(port.attempts.map((a) => [a.delivery?.id, a.delivery?.inDoubt])).toEqual([
      ["d2", true],
      ["d3", false],
    ]);
    db.close();
  });
});
