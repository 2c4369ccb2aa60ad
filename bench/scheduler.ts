import { join } from "node:path";
import { createMeeting } from "../src/meetings/meeting-ops";
import { WEEKDAYS, type Schedule } from "../src/schedule/schedule";
import type { CommandEvent } from "../src/core/events";
import { openCommunity, virtualClock } from "./community";
import { cachedDatabase, sourcesKey } from "./dataset/cache";
import { longestBlock, seeded, turn } from "./measure";

const REGIONS = [undefined, "DE", "DE-BY", "DE-NW", "DE-BE"] as const;

/** A seeded mix of weekly, bi-weekly, monthly and cron schedules, some with holiday rules. */
export function schedules(count: number): Schedule[] {
  const random = seeded(5);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: count }, (_, i): Schedule => {
    const time = `${String(8 + Math.floor(random() * 9)).padStart(2, "0")}:${pick(["00", "15", "30", "45"])}`;
    const weekday = pick(WEEKDAYS.slice(0, 5));
    const recurrence =
      i % 4 === 0
        ? { kind: "weekly" as const, weekday, interval: 1, time }
        : i % 4 === 1
          ? { kind: "weekly" as const, weekday, interval: 2, time }
          : i % 4 === 2
            ? { kind: "monthly-weekday" as const, nth: 1 as const, weekday, time }
            : { kind: "cron" as const, expression: `${time.slice(3)} ${Number(time.slice(0, 2))} * * 1-5` };
    const region = pick(REGIONS);
    return {
      recurrence,
      zone: "Europe/Berlin",
      start: "2026-11-02",
      ...(region ? { holidays: { region, rule: pick(["skip", "move"] as const) } } : {}),
    };
  });
}

/** Friday evening: the last moment copbot ran before the weekend. */
const CREATED = new Date("2026-12-04T17:00:00+01:00");
const DUE_JOBS = 1500;
const IDLE_TICKS = 500;

export interface SchedulerResult {
  readonly schedules: number;
  readonly pendingJobs: number;
  /** Opening the database, building copbot and its first tick with nothing due. */
  readonly startupMs: number;
  /** The CPU time of that start-up (wall time also counts other processes on the machine). */
  readonly startupCpuMs: number;
  /** `bot.tick()` with nothing due, one a minute of virtual time, sorted. */
  readonly idleTicks: number[];
  /** The CPU time of each idle tick, sorted. */
  readonly idleTicksCpu: number[];
  /**
   * The ticks among them that ran the hourly maintenance (pruning, the knowledge index's
   * compaction), sorted: in batches with the event loop turning between them, so not idle.
   */
  readonly maintenanceTicks: number[];
  /** The longest synchronous slice of each of those ticks, sorted. */
  readonly maintenanceSlices: number[];
  readonly dueJobs: number;
  /** Catching up the due jobs while members keep writing. */
  readonly catchUpMs: number;
  /** The CPU time of the catch-up, the commands handled meanwhile included. */
  readonly catchUpCpuMs: number;
  /** How long the events that arrived during catch-up waited until they were handled, sorted. */
  readonly eventWaits: number[];
  /** How long until their replies were delivered: queued behind the reminders (outbox order). */
  readonly deliveryWaits: number[];
  /** The longest the event loop was blocked during catch-up. */
  readonly longestBlockMs: number;
  /** The most CPU time this process spent without letting the event loop turn, during catch-up. */
  readonly longestBlockCpuMs: number;
}

/** Creates `count` meetings through the real code in a new database file at `path`. */
function buildSchedules(path: string, count: number): void {
  const { app } = openCommunity(path, { start: CREATED });
  const { services } = app.bot;
  services.db.transaction(() => {
    for (const [i, schedule] of schedules(count).entries()) {
      createMeeting(services, {
        title: `Runde ${i}`,
        channelId: `console:kanal${i % 50}`,
        schedule,
        durationMinutes: 60,
        remindMinutes: [1440, 15],
        link: undefined,
        createdBy: "console:admin",
      });
    }
  })();
  app.db.close();
}

/**
 * The database with `count` meetings, created once per version of the code that plans them
 * (10,000 take a while) and copied for each run.
 */
function createSchedules(dir: string, count: number): string {
  const code = [
    join(__dirname),
    join(__dirname, "..", "src", "meetings"),
    join(__dirname, "..", "src", "schedule"),
    join(__dirname, "..", "src", "core"),
  ];
  return cachedDatabase(`schedules-${count}`, sourcesKey(code), dir, (path) => buildSchedules(path, count));
}

/**
 * 10,000 meetings: start-up, an idle tick, and the Monday morning after a weekend down, when
 * about 1,500 reminders are due at once while members keep sending commands every 10 ms.
 */
export async function benchScheduler(dir: string, count = 10_000): Promise<SchedulerResult> {
  const path = createSchedules(dir, count);
  const cpuMs = (since: NodeJS.CpuUsage): number => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  let started = performance.now();
  let cpu = process.cpuUsage();
  const { app } = openCommunity(path, { start: CREATED });
  await app.bot.tick();
  const startupMs = performance.now() - started;
  const startupCpuMs = cpuMs(cpu);
  const { db } = app.bot.services;
  const pendingJobs = (
    db.prepare("SELECT count(*) AS n FROM jobs WHERE state = 'pending'").get() as { n: number }
  ).n;
  const idleTicks: number[] = [];
  const idleTicksCpu: number[] = [];
  const clock = virtualClock(app);
  const firstDue = app.bot.services.scheduler.nextDueAt()?.getTime() ?? Number.POSITIVE_INFINITY;
  // A tick a minute, as the system clock's runtime ticks, until just before the first job is
  // due: what depends on the time (expiry, the hourly pruning) runs as it would, nothing is due.
  const step = Math.min(60_000, Math.floor((firstDue - CREATED.getTime()) / (IDLE_TICKS + 1)));
  // Enough ticks that the p99 is not simply the slowest one (another process taking the core).
  // The first tick of each hour also runs the maintenance (the start-up's tick ran the first):
  // those ticks are timed apart, with the event loop's longest gap in them (an event-loop
  // probe runs along, in them only), since they do work in batches.
  const maintenanceTicks: number[] = [];
  const maintenanceSlices: number[] = [];
  for (let i = 0; i < IDLE_TICKS; i++) {
    clock.set(new Date(CREATED.getTime() + (i + 1) * step));
    started = performance.now();
    if (clock.now().getTime() >= app.bot.maintenanceDueAt) {
      const { longestMs } = await longestBlock(() => app.bot.tick());
      maintenanceTicks.push(performance.now() - started);
      maintenanceSlices.push(longestMs);
      continue;
    }
    cpu = process.cpuUsage();
    await app.bot.tick();
    idleTicks.push(performance.now() - started);
    idleTicksCpu.push(cpuMs(cpu));
  }
  const dueAt = db
    .prepare("SELECT run_at FROM jobs WHERE state = 'pending' ORDER BY run_at LIMIT 1 OFFSET ?")
    .get(Math.min(DUE_JOBS, pendingJobs) - 1) as { run_at: number };
  clock.set(new Date(dueAt.run_at));
  const dueJobs = (
    db
      .prepare("SELECT count(*) AS n FROM jobs WHERE state = 'pending' AND run_at <= ?")
      .get(dueAt.run_at) as {
      n: number;
    }
  ).n;
  const eventWaits: number[] = [];
  const deliveryWaits: number[] = [];
  // An event is handled when its reply is queued: watch the outbox for each event's reply.
  const { outbox } = app.bot.services;
  const enqueue = outbox.enqueue.bind(outbox);
  const arrived = new Map<string, number>();
  outbox.enqueue = (...args: Parameters<typeof enqueue>) => {
    const [target] = args;
    const since = target.kind === "ephemeral" ? arrived.get(target.userId) : undefined;
    if (target.kind === "ephemeral" && since !== undefined) {
      eventWaits.push(performance.now() - since);
      arrived.delete(target.userId);
    }
    return enqueue(...args);
  };
  const member = (i: number): CommandEvent => ({
    kind: "command",
    id: `bench:c${i}`,
    platform: "console",
    at: app.clock.now(),
    userId: `console:m${3000 + i}`,
    channelId: "console:allgemein",
    isDm: false,
    text: "help",
  });
  started = performance.now();
  cpu = process.cpuUsage();
  // Members keep sending commands, one every 10 ms (by the timer, like sockets delivering them),
  // each handled on its own while the backlog runs.
  let sent = 0;
  let lastFired = started;
  const handling: Promise<void>[] = [];
  const timer = setInterval(() => {
    const event = member(sent++);
    // When it was due: 10 ms after the previous one. A callback that comes later than that
    // was held back by the event loop for the difference.
    const at = lastFired + 10;
    lastFired = performance.now();
    arrived.set(event.userId, at);
    handling.push(app.bot.handle(event).then(() => void deliveryWaits.push(performance.now() - at)));
  }, 10);
  const { longestMs, longestCpuMs } = await longestBlock(
    async () => {
      await app.bot.tick();
      clearInterval(timer);
      await Promise.all(handling);
    },
    { cpu: true },
  );
  const catchUpMs = performance.now() - started;
  const catchUpCpuMs = cpuMs(cpu);
  await turn();
  app.db.close();
  return {
    schedules: count,
    pendingJobs,
    startupMs,
    startupCpuMs,
    idleTicks: idleTicks.sort((a, b) => a - b),
    idleTicksCpu: idleTicksCpu.sort((a, b) => a - b),
    maintenanceTicks: maintenanceTicks.sort((a, b) => a - b),
    maintenanceSlices: maintenanceSlices.sort((a, b) => a - b),
    dueJobs,
    catchUpMs,
    catchUpCpuMs,
    eventWaits: eventWaits.sort((a, b) => a - b),
    deliveryWaits: deliveryWaits.sort((a, b) => a - b),
    longestBlockMs: longestMs,
    longestBlockCpuMs: longestCpuMs,
  };
}
