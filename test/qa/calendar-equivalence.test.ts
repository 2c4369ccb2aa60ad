import Holidays from "date-holidays";
import { DateTime, IANAZone } from "luxon";
import { inQuietHours, quietUntil } from "../../src/qa/expert-settings";
import { addWorkingHours, intoWorkingHours } from "../../src/qa/working-time";
import {
  holidayOn,
  nextWorkingDay,
  workingDayOnOrBefore,
  type ReminderShift,
} from "../../src/schedule/holidays";
import { remember } from "../../src/core/bounded-map";
import { instantOf, offsetAt, wallKey } from "../../src/schedule/local-time";

/*
 * The calendar arithmetic on the question path works on day numbers, cached zone offsets and
 * cached holiday sets. Here it must give the same answers as the straightforward reading with
 * luxon date-times and date-holidays, over many seeded instants in 2024–2030, every Bundesland,
 * and densely around each daylight-saving change and year boundary.
 */

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** A seeded generator (mulberry32), so a failure names a case that comes back. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const FROM = Date.UTC(2024, 0, 1);
const TO = Date.UTC(2031, 0, 1);
const STATES = Object.keys(new Holidays().getStates("DE") ?? {});
const REGIONS: (string | undefined)[] = [undefined, "DE", ...STATES.map((s) => `DE-${s}`)];

const publicDays = new Map<string, Set<string>>();

/** The reference: date-holidays asked directly, one calendar per region and year. */
function isHoliday(region: string, date: string): boolean {
  const key = `${region}|${date.slice(0, 4)}`;
  let days = publicDays.get(key);
  if (days === undefined) {
    const [country = "DE", state] = region.split("-");
    const calendar = state ? new Holidays(country, state) : new Holidays(country);
    days = new Set(
      calendar
        .getHolidays(Number(date.slice(0, 4)))
        .filter((h) => h.type === "public")
        .map((h) => h.date.slice(0, 10)),
    );
    publicDays.set(key, days);
  }
  return days.has(date);
}

const dayOff = (day: DateTime, region: string | undefined): boolean =>
  day.weekday >= 6 || (region !== undefined && isHoliday(region, day.toISODate() ?? ""));

function refAddWorkingHours(start: Date, hours: number, zone: string, region: string | undefined): Date {
  let remaining = Math.max(0, hours) * HOUR;
  let cursor = DateTime.fromJSDate(start, { zone });
  for (;;) {
    const dayEnd = cursor.startOf("day").plus({ days: 1 });
    if (!dayOff(cursor, region)) {
      const available = dayEnd.toMillis() - cursor.toMillis();
      if (remaining <= available) return new Date(cursor.toMillis() + remaining);
      remaining -= available;
    }
    cursor = dayEnd;
  }
}

function refIntoWorkingHours(at: Date, zone: string, region: string | undefined): Date {
  const local = DateTime.fromJSDate(at, { zone });
  let day = local.startOf("day");
  let moved = local.hour < 8;
  if (local.hour >= 18) {
    day = day.plus({ days: 1 });
    moved = true;
  }
  while (dayOff(day, region)) {
    day = day.plus({ days: 1 });
    moved = true;
  }
  return moved ? day.set({ hour: 8 }).toJSDate() : at;
}

type Quiet = { start: string; end: string };

/** The reference: quiet hours read with luxon date-times, as before the fast path. */
function refInQuietHours(quiet: Quiet, now: Date, zone: string): boolean {
  const local = DateTime.fromJSDate(now, { zone }).toFormat("HH:mm");
  if (quiet.start === quiet.end) return false;
  return quiet.start < quiet.end
    ? local >= quiet.start && local < quiet.end
    : local >= quiet.start || local < quiet.end;
}

function refQuietUntil(quiet: Quiet, now: Date, zone: string): number | undefined {
  if (!refInQuietHours(quiet, now, zone)) return undefined;
  const local = DateTime.fromJSDate(now, { zone });
  const [hour = 0, minute = 0] = quiet.end.split(":").map(Number);
  const day = local.set({ hour, minute, second: 0, millisecond: 0 });
  return (day <= local ? day.plus({ days: 1 }) : day).toMillis();
}

const changes = new Map<string, number[]>();

/** Every offset change of `zone` in 2024–2030, found with luxon (day by day, then by the hour). */
function transitions(zone: string): number[] {
  const hit = changes.get(zone);
  if (hit) return hit;
  const tz = IANAZone.create(zone);
  const found: number[] = [];
  for (let day = FROM; day < TO; day += DAY) {
    if (tz.offset(day) === tz.offset(day + DAY)) continue;
    for (let t = day; t < day + DAY; t += HOUR)
      if (tz.offset(t) !== tz.offset(t + HOUR)) found.push(t + HOUR);
  }
  changes.set(zone, found);
  return found;
}

/** Instants every `step` ms within `reach` of each change and of each new year. */
function edgeInstants(zone: string, reach: number, step: number): number[] {
  const edges = [...transitions(zone)];
  for (let year = 2024; year <= 2031; year++)
    edges.push(Date.UTC(year, 0, 1) - offsetAt(zone, Date.UTC(year, 0, 1)) * 60_000);
  const out: number[] = [];
  for (const edge of edges) for (let t = edge - reach; t <= edge + reach; t += step) out.push(t);
  return out;
}

const pad = (n: number): string => String(n).padStart(2, "0");

describe("calendar arithmetic on the question path equals luxon and date-holidays", () => {
  it("knows the moving and the state holidays", () => {
    expect(holidayOn("DE", "2027-03-29")).toBe("Ostermontag");
    expect(holidayOn("DE-BY", "2026-06-04")).toBe("Fronleichnam");
    expect(holidayOn("DE-BE", "2026-06-04")).toBeUndefined();
    expect(holidayOn("DE-SN", "2026-11-18")).toBe("Buß- und Bettag");
    // Friday 15:00 before Easter (2027-03-26 is Good Friday, 29 Easter Monday) + 24 h
    expect(addWorkingHours(new Date("2027-03-25T14:00:00Z"), 24, "Europe/Berlin", "DE").toISOString()).toBe(
      "2027-03-30T13:00:00.000Z",
    );
    // Corpus Christi counts in Bavaria, not in Berlin.
    const wednesday = new Date("2026-06-03T10:00:00Z");
    expect(addWorkingHours(wednesday, 24, "Europe/Berlin", "DE-BY").toISOString()).toBe(
      "2026-06-05T10:00:00.000Z",
    );
    expect(addWorkingHours(wednesday, 24, "Europe/Berlin", "DE-BE").toISOString()).toBe(
      "2026-06-04T10:00:00.000Z",
    );
  });

  it("adds working hours and moves into working hours like the luxon walk", () => {
    const next = random(12);
    const hours = [0, 0.5, 1, 2.5, 8, 12, 24, 36, 48, 72, 100, 240];
    const cases: { start: number; zone: string; region: string | undefined }[] = [];
    for (let i = 0; i < 2000; i++) {
      cases.push({
        start: FROM + Math.floor(next() * (TO - FROM)),
        zone: "Europe/Berlin",
        region: REGIONS[Math.floor(next() * REGIONS.length)],
      });
    }
    for (const start of edgeInstants("Europe/Berlin", 2 * DAY, 97 * 60_000))
      cases.push({ start, zone: "Europe/Berlin", region: REGIONS[Math.floor(next() * REGIONS.length)] });
    for (const zone of ["America/New_York", "Asia/Jerusalem"])
      for (const start of edgeInstants(zone, DAY, 127 * 60_000)) cases.push({ start, zone, region: "DE" });
    const wrong: string[] = [];
    for (const { start, zone, region } of cases) {
      const h = hours[Math.floor(next() * hours.length)] ?? 24;
      const at = new Date(start);
      const label = `${at.toISOString()} +${h}h ${zone} ${region ?? "-"}`;
      const due = addWorkingHours(at, h, zone, region).getTime();
      if (due !== refAddWorkingHours(at, h, zone, region).getTime()) wrong.push(`add ${label}`);
      const moved = intoWorkingHours(at, zone, region).getTime();
      if (moved !== refIntoWorkingHours(at, zone, region).getTime()) wrong.push(`into ${label}`);
    }
    expect(wrong).toEqual([]);
  });

  it("finds reminder days like the luxon walk", () => {
    const next = random(34);
    const shifts: ReminderShift[] = ["workdays", "weekends", "off"];
    const wrong: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const date = DateTime.fromMillis(FROM + Math.floor(next() * (TO - FROM)), { zone: "UTC" });
      const iso = date.toISODate() ?? "";
      const region = REGIONS[1 + Math.floor(next() * (REGIONS.length - 1))] ?? "DE";
      const shift = shifts[i % 3] ?? "workdays";
      let after = date.plus({ days: 1 });
      while (dayOff(after, region)) after = after.plus({ days: 1 });
      let before = date;
      for (
        let n = 0;
        n < 14 &&
        shift !== "off" &&
        (before.weekday >= 6 || (shift === "workdays" && dayOff(before, region)));
        n++
      )
        before = before.minus({ days: 1 });
      if (nextWorkingDay(region, iso) !== after.toISODate()) wrong.push(`next ${iso} ${region}`);
      if (workingDayOnOrBefore(iso, shift, region) !== before.toISODate())
        wrong.push(`before ${iso} ${region} ${shift}`);
    }
    expect(wrong).toEqual([]);
  });

  const ZONES = [
    "Europe/Berlin",
    "America/New_York",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Asia/Kolkata",
    "America/Santiago",
    "UTC",
  ];

  it("reads offsets and wall-clock times like luxon, zones interleaved", () => {
    const next = random(56);
    const instants = ZONES.flatMap((zone) =>
      edgeInstants(zone, 3 * HOUR, 13 * 60_000).map((t) => ({ zone, t })),
    );
    for (let i = 0; i < 2000; i++) {
      const zone = ZONES[Math.floor(next() * ZONES.length)] ?? "UTC";
      instants.push({ zone, t: FROM + Math.floor(next() * (TO - FROM)) });
    }
    // Shuffled, so the cached stretch of one zone is asked across zones and years.
    for (let i = instants.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [instants[i], instants[j]] = [instants[j] ?? instants[i]!, instants[i]!];
    }
    const wrong: string[] = [];
    // luxon's offsets make the reference wall times (a date-time per candidate is too slow here).
    const keyOf = (instant: number, zone: string): string =>
      new Date(instant + IANAZone.create(zone).offset(instant) * 60_000).toISOString().slice(0, 16);
    for (const { zone, t } of instants) {
      const label = `${new Date(t).toISOString()} ${zone}`;
      if (offsetAt(zone, t) !== IANAZone.create(zone).offset(t)) wrong.push(`offset ${label}`);
      if (wallKey(t, zone) !== DateTime.fromMillis(t, { zone }).toFormat("yyyy-MM-dd'T'HH:mm"))
        wrong.push(`wall ${label}`);
      // A wall time that happens resolves to its first occurrence; one in a gap to the gap's end.
      const key = wallKey(t, zone);
      const occurrences = [-8, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8]
        .map((q) => t - (t % 60_000) + q * 15 * 60_000)
        .filter((c) => keyOf(c, zone) === key);
      if (instantOf(key, zone) !== Math.min(...occurrences)) wrong.push(`instant ${key} ${zone}`);
      // A time in a gap resolves to the first minute after it: its wall time is past the one
      // asked for, the minute before lies before it.
      const gapKey = `${key.slice(0, 14)}${pad((Number(key.slice(14)) + 30) % 60)}`;
      const resolved = instantOf(gapKey, zone);
      const wallMs = (k: string): number => Date.parse(`${k}:00Z`);
      if (
        keyOf(resolved, zone) !== gapKey &&
        !(
          wallMs(keyOf(resolved, zone)) > wallMs(gapKey) &&
          wallMs(keyOf(resolved - 60_000, zone)) < wallMs(gapKey)
        )
      )
        wrong.push(`gap ${gapKey} ${zone}`);
    }
    expect(wrong).toEqual([]);
  });

  it("answers quiet hours like luxon, across daylight-saving changes", () => {
    const next = random(78);
    const time = () => `${pad(Math.floor(next() * 24))}:${pad(Math.floor(next() * 4) * 15)}`;
    const specials = ["02:30", "02:00", "03:00", "01:30", "00:00", "23:59"];
    const quietOf = (): Quiet => {
      const start = next() < 0.3 ? (specials[Math.floor(next() * specials.length)] ?? "22:00") : time();
      const end = next() < 0.5 ? (specials[Math.floor(next() * specials.length)] ?? "07:00") : time();
      return { start, end };
    };
    const cases = ZONES.flatMap((zone) =>
      edgeInstants(zone, 5 * HOUR, 11 * 60_000).map((t) => ({ zone, t })),
    );
    for (let i = 0; i < 3000; i++)
      cases.push({
        zone: ZONES[Math.floor(next() * ZONES.length)] ?? "UTC",
        t: FROM + Math.floor(next() * (TO - FROM)),
      });
    const wrong: string[] = [];
    for (const { zone, t } of cases) {
      const quiet = quietOf();
      const now = new Date(t);
      const label = `${now.toISOString()} ${zone} ${quiet.start}-${quiet.end}`;
      if (inQuietHours(quiet, now, zone) !== refInQuietHours(quiet, now, zone)) wrong.push(`in ${label}`);
      if (quietUntil(quiet, now, zone)?.getTime() !== refQuietUntil(quiet, now, zone))
        wrong.push(`until ${label}`);
    }
    expect(wrong).toEqual([]);
  });

  it("keeps its caches bounded: the oldest entry goes when one is full", () => {
    const cache = new Map<string, number>();
    for (let year = 2000; year < 2100; year++) remember(cache, `DE|${year}`, year, 8);
    expect([...cache.keys()]).toEqual(Array.from({ length: 8 }, (_, i) => `DE|${2092 + i}`));
  });
});
