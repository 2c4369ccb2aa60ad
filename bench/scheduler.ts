import pino from "pino";
import { openDatabase } from "../db/open";
import { meetingsFeature } from "../src/meetings/feature";
import { createMeeting } from "../src/meetings/meeting-ops";
import { upcoming } from "../src/schedule/occurrences";
import { WEEKDAYS, type Schedule } from "../src/schedule/schedule";
import { loadConfig } from "../src/config";
import { createBot } from "../src/core/bot";
import { VirtualClock } from "../src/core/clock";
import { RecordingPort } from "../test/support/recording-port";
import { seeded, type Figure } from "./measure";

const REGIONS = [undefined, "DE", "DE-BY", "DE-NW", "DE-BE"] as const;

/** A seeded mix of weekly, bi-weekly, monthly and cron schedules, some with holiday rules. */
function schedules(count: number): Schedule[] {
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
      start: "2027-01-01",
      ...(region ? { holidays: { region, rule: pick(["skip", "move"] as const) } } : {}),
    };
  });
}

/** Occurrence computation for 1,000 schedules over a year, and one tick over 10,000 pending jobs. */
export async function benchScheduler(): Promise<Figure[]> {
  const all = schedules(1000);
  const from = new Date("2027-01-01T00:00:00Z");
  const until = new Date("2028-01-01T00:00:00Z");
  let occurrences = 0;
  const started = process.hrtime.bigint();
  for (const schedule of all) occurrences += upcoming(schedule, from, { until }).length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const clock = new VirtualClock(new Date("2027-01-04T06:00:00+01:00"));
  const bot = createBot({
    db: openDatabase(":memory:"),
    clock,
    config: loadConfig({}),
    log: pino({ level: "silent" }),
    features: [meetingsFeature],
  });
  bot.services.ports.add(new RecordingPort("console"));
  const weekly = all.filter((s) => s.recurrence.kind !== "cron");
  // Three meetings per non-cron schedule (about 2,250), each keeping two dates × two reminders planned.
  for (const [i, schedule] of [...weekly, ...weekly, ...weekly].entries()) {
    createMeeting(bot.services, {
      title: `Runde ${i}`,
      channelId: `console:kanal${i % 50}`,
      schedule,
      durationMinutes: 60,
      remindMinutes: [1440, 15],
      link: undefined,
      createdBy: "console:admin",
    });
  }
  const pending = (
    bot.services.db.prepare("SELECT count(*) AS n FROM jobs WHERE state = 'pending'").get() as { n: number }
  ).n;
  const tickStart = process.hrtime.bigint();
  await bot.tick();
  const idleTickMs = Number(process.hrtime.bigint() - tickStart) / 1e6;
  return [
    {
      name: "meetings: occurrences computed (1,000 schedules × 1 year)",
      value: Math.round(occurrences / seconds),
      unit: "occurrences/s",
    },
    {
      name: `meetings: tick with ${pending} pending jobs, nothing due`,
      value: Math.round(idleTickMs * 1000) / 1000,
      unit: "ms",
    },
  ];
}
