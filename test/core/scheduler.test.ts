import pino from "pino";
import { openDatabase } from "../../db/open";
import { loadConfig } from "../../src/config";
import { VirtualClock } from "../../src/core/clock";
import { textMessage } from "../../src/core/message";
import { Scheduler } from "../../src/core/scheduler";
import { createServices } from "../../src/core/services";
import { RecordingPort } from "../support/recording-port";

function setup() {
  const db = openDatabase(":memory:");
  const clock = new VirtualClock(new Date("2026-12-01T09:00:00Z"));
  const services = createServices({
    db,
    clock,
    config: loadConfig({}),
    log: pino({ level: "silent" }),
    features: [],
  });
  const port = new RecordingPort("console");
  services.ports.add(port);
  return { db, clock, services, port };
}

describe("Scheduler", () => {
  it("runs due jobs in time order, once, with how late they are", async () => {
    const { clock, services } = setup();
    const seen: string[] = [];
    services.scheduler.register("t", (job, ctx) => {
      seen.push(`${job.key}@${ctx.lateMs}`);
    });
    services.scheduler.schedule({ kind: "t", key: "b", runAt: new Date("2026-12-01T09:10:00Z") });
    services.scheduler.schedule({ kind: "t", key: "a", runAt: new Date("2026-12-01T09:05:00Z") });
    expect(
      services.scheduler.schedule({ kind: "t", key: "a", runAt: new Date("2026-12-01T09:06:00Z") }),
    ).toBeUndefined();
    expect(services.scheduler.nextDueAt()?.toISOString()).toBe("2026-12-01T09:05:00.000Z");
    await services.scheduler.runDue(services);
    expect(seen).toEqual([]);
    clock.advance(15 * 60_000);
    await services.scheduler.runDue(services);
    await services.scheduler.runDue(services);
    expect(seen).toEqual(["a@600000", "b@300000"]);
  });

  it("commits a synchronous handler's sends together with 'done', or neither", async () => {
    const { db, services } = setup();
    let fail = true;
    services.scheduler.register("send", () => {
      services.outbox.enqueue({ kind: "channel", channelId: "console:allgemein" }, textMessage("hi"));
      if (fail) throw new Error("boom after enqueue");
    });
    services.scheduler.schedule({ kind: "send", key: "s", runAt: new Date("2026-12-01T09:00:00Z") });
    await services.scheduler.runDue(services);
    expect(services.outbox.pendingCount()).toBe(0);
    expect(db.prepare("SELECT state, attempts, last_error FROM jobs").get()).toEqual({
      state: "pending",
      attempts: 1,
      last_error: "boom after enqueue",
    });
    fail = false;
    db.prepare("UPDATE jobs SET run_at = 0").run();
    await services.scheduler.runDue(services);
    expect(services.outbox.pendingCount()).toBe(1);
    expect(db.prepare("SELECT state FROM jobs").get()).toEqual({ state: "done" });
  });

  it("gives up after repeated failures and records the error", async () => {
    const { db, services } = setup();
    services.scheduler.register("bad", () => {
      throw new Error("always");
    });
    services.scheduler.schedule({ kind: "bad", key: "x", runAt: new Date(0) });
    for (let i = 0; i < 5; i++) {
      db.prepare("UPDATE jobs SET run_at = 0 WHERE state = 'pending'").run();
      await services.scheduler.runDue(services);
    }
    expect(db.prepare("SELECT state, attempts FROM jobs").get()).toEqual({ state: "failed", attempts: 5 });
  });

  it("retries a job a crash left running, and cancels by key and prefix", async () => {
    const { db, clock, services } = setup();
    db.prepare(
      "INSERT INTO jobs (kind, key, run_at, payload, state, created_at) VALUES ('t', 'crashed', 0, 'null', 'running', 0)",
    ).run();
    const after = new Scheduler(db, clock, pino({ level: "silent" }));
    const ran: string[] = [];
    after.register("t", (job) => {
      ran.push(job.key);
    });
    after.schedule({ kind: "t", key: "m:1:a", runAt: new Date(0) });
    after.schedule({ kind: "t", key: "m:1:b", runAt: new Date(0) });
    after.schedule({ kind: "t", key: "m:2:a", runAt: new Date(0) });
    after.cancelPrefix("m:1:");
    await after.runDue(services);
    expect(ran).toEqual(["crashed", "m:2:a"]);
  });
});

describe("Scheduler catching up", () => {
  it("runs a backlog of due jobs in slices and lets other events through in between", async () => {
    const { services } = setup();
    const order: string[] = [];
    services.scheduler.register("slow", (job) => {
      // Each job holds the event loop for 2 ms, like a reminder that plans its next dates.
      const until = performance.now() + 2;
      while (performance.now() < until);
      order.push(job.key);
    });
    for (let i = 0; i < 40; i++)
      services.scheduler.schedule({ kind: "slow", key: `j${i}`, runAt: new Date(0) });
    // An event arriving while the backlog runs (a message, Slack's ack) …
    setImmediate(() => order.push("event"));
    expect(await services.scheduler.runDue(services)).toBe(40);
    // … is handled after the first slice, not after all 80 ms of jobs.
    const at = order.indexOf("event");
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(20);
    expect(order.filter((k) => k !== "event")).toEqual(Array.from({ length: 40 }, (_, i) => `j${i}`));
  });
});

describe("Scheduler with asynchronous handlers", () => {
  it("marks an async job done when it settles and retries it when it rejects", async () => {
    const { db, services } = setup();
    let attempts = 0;
    services.scheduler.register("async", async () => {
      attempts += 1;
      await Promise.resolve();
      if (attempts === 1) throw new Error("first try fails");
    });
    services.scheduler.schedule({ kind: "async", key: "a", runAt: new Date(0) });
    await services.scheduler.runDue(services);
    expect(db.prepare("SELECT state, last_error FROM jobs").get()).toEqual({
      state: "pending",
      last_error: "first try fails",
    });
    db.prepare("UPDATE jobs SET run_at = 0").run();
    await services.scheduler.runDue(services);
    expect(db.prepare("SELECT state, attempts FROM jobs").get()).toEqual({ state: "done", attempts: 2 });
  });
});
