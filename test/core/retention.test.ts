import pino from "pino";
import { openDatabase } from "../../db/open";
import { loadConfig } from "../../src/config";
import { meetingsFeature } from "../../src/meetings/feature";
import { Ledger } from "../../src/schedule/ledger-repo";
import { createBot } from "../../src/core/bot";
import { VirtualClock } from "../../src/core/clock";
import { textMessage } from "../../src/core/message";
import { RecordingPort } from "../support/recording-port";

const DAY = 86_400_000;

describe("retention", () => {
  it("deletes finished jobs and ledger entries older than configured, keeps pending and recent ones", async () => {
    const clock = new VirtualClock(new Date("2027-06-01T09:00:00Z"));
    const bot = createBot({
      db: openDatabase(":memory:"),
      clock,
      config: loadConfig({ COPBOT_JOBS_RETENTION_DAYS: "30", COPBOT_LEDGER_RETENTION_DAYS: "90" }),
      log: pino({ level: "silent" }),
      features: [meetingsFeature],
    });
    bot.services.ports.add(new RecordingPort("console"));
    const { db } = bot.services;
    const now = clock.now().getTime();
    const job = db.prepare(
      "INSERT INTO jobs (kind, key, run_at, payload, state, created_at) VALUES ('t', ?, ?, 'null', ?, 0)",
    );
    // 1,200 finished jobs from last year: more than one batch.
    for (let i = 0; i < 1200; i++) job.run(`old:${i}`, now - 400 * DAY, i % 3 === 0 ? "cancelled" : "done");
    job.run("recent", now - 10 * DAY, "done");
    job.run("waiting", now + DAY, "pending");
    job.run("failed-old", now - 40 * DAY, "failed");
    const ledger = new Ledger(db);
    ledger.record(
      { series: "meeting:1", local: "2027-01-04T10:00", step: "15m", outcome: "sent", details: undefined },
      new Date(now - 100 * DAY),
      new Date(now - 100 * DAY),
    );
    ledger.record(
      { series: "meeting:1", local: "2027-05-24T10:00", step: "15m", outcome: "sent", details: undefined },
      new Date(now - 8 * DAY),
      new Date(now - 8 * DAY),
    );

    await bot.tick();

    expect(db.prepare("SELECT key FROM jobs ORDER BY key").all()).toEqual([
      { key: "recent" },
      { key: "waiting" },
    ]);
    expect(db.prepare("SELECT local_at FROM occurrence_ledger").all()).toEqual([
      { local_at: "2027-05-24T10:00" },
    ]);
  });

  it("prunes delivered outbox items after their retention in the hourly maintenance, not at every tick", async () => {
    const clock = new VirtualClock(new Date("2027-06-01T09:00:00Z"));
    const bot = createBot({
      db: openDatabase(":memory:"),
      clock,
      config: loadConfig({ COPBOT_OUTBOX_RETENTION_DAYS: "7" }),
      log: pino({ level: "silent" }),
      features: [],
    });
    bot.services.ports.add(new RecordingPort("console"));
    const { db, outbox } = bot.services;
    const count = () => (db.prepare("SELECT count(*) AS n FROM outbox").get() as { n: number }).n;
    await bot.tick();
    outbox.enqueue({ kind: "channel", channelId: "console:allgemein" }, textMessage("old news"));
    await bot.tick();
    // A minute short of seven days: the maintenance runs and keeps it.
    clock.set(new Date("2027-06-08T08:59:00Z"));
    await bot.tick();
    expect(count()).toBe(1);
    // Old enough, but within the hour of that maintenance: an idle tick deletes nothing.
    clock.set(new Date("2027-06-08T09:30:00Z"));
    await bot.tick();
    expect(count()).toBe(1);
    clock.set(new Date("2027-06-08T09:59:00Z"));
    await bot.tick();
    expect(count()).toBe(0);
  });
});
