import { DateTime, IANAZone } from "luxon";
import type { Lang } from "../i18n";
import { formatDateTime } from "../i18n/format";
import { remember } from "../core/bounded-map";

/** A wall-clock date-time without zone, written `yyyy-MM-ddTHH:mm` (the occurrence key). */
export type LocalDateTime = string;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const MINUTE = 60_000;

/** Splits a local key into numbers; throws on malformed keys (they only come from our code). */
export function localParts(local: LocalDateTime): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
} {
  const m = LOCAL.exec(local);
  if (!m) throw new Error(`malformed local date-time ${local}`);
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return { year, month, day, hour, minute };
}

/** True when `zone` is an IANA zone this runtime knows. */
export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * The zone's canonical spelling (`europe/berlin` -> `Europe/Berlin`, `utc` -> `UTC`), as
 * calendars and lists should show it. luxon keeps the name as typed, so ask Intl.
 */
export function canonicalZone(zone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
}

/** A zone's UTC offsets over one year: the offset on 1 January and every change after it. */
export interface YearOffsets {
  readonly start: number;
  readonly changes: readonly { readonly at: number; readonly offset: number }[];
}

const yearCache = new Map<string, YearOffsets>();
/** Zone-years kept: a few years of every zone the community's members live in. */
const YEAR_CACHE_CAP = 1024;
const DAY = 86_400_000;

/** Finds a year's offset changes once (day by day, then to the minute); Intl lookups are slow. */
export function yearOffsets(zone: string, year: number): YearOffsets {
  const cacheKey = `${zone}|${year}`;
  const hit = yearCache.get(cacheKey);
  if (hit) return hit;
  const tz = IANAZone.create(zone);
  const begin = Date.UTC(year, 0, 1);
  const changes: { at: number; offset: number }[] = [];
  for (let day = begin; day < Date.UTC(year + 1, 0, 1); day += DAY) {
    if (tz.offset(day) === tz.offset(day + DAY)) continue;
    let low = day;
    let high = day + DAY;
    while (high - low > MINUTE) {
      const mid = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
      if (tz.offset(mid) === tz.offset(low)) low = mid;
      else high = mid;
    }
    changes.push({ at: high, offset: tz.offset(high) });
  }
  return remember(yearCache, cacheKey, { start: tz.offset(begin), changes }, YEAR_CACHE_CAP);
}

/** The stretch of time around the last instant asked for in a zone, during which its offset holds. */
interface Span {
  readonly from: number;
  readonly until: number;
  readonly offset: number;
}

const spans = new Map<string, Span>();

/**
 * The zone's UTC offset in minutes at an instant (cached per zone and year). The hot path asks
 * for instants close to each other, so the stretch between the offset changes around the last
 * instant answers most calls with two comparisons.
 */
export function offsetAt(zone: string, instant: number): number {
  const span = spans.get(zone);
  if (span !== undefined && instant >= span.from && instant < span.until) return span.offset;
  const year = new Date(instant).getUTCFullYear();
  const { start, changes } = yearOffsets(zone, year);
  let from = Date.UTC(year, 0, 1);
  let until = Date.UTC(year + 1, 0, 1);
  let offset = start;
  for (const change of changes) {
    if (change.at > instant) {
      until = change.at;
      break;
    }
    from = change.at;
    offset = change.offset;
  }
  // Instants outside the years Date can name (NaN) are answered but never cached.
  if (from <= instant && instant < until) spans.set(zone, { from, until, offset });
  return offset;
}

/** The wall-clock time of an instant in `zone`, written as if it were UTC (ms). */
export function wallOf(instant: number, zone: string): number {
  return instant + offsetAt(zone, instant) * MINUTE;
}

/** The wall-clock key of an instant in `zone` (`yyyy-MM-ddTHH:mm`). */
export function wallKey(instant: number, zone: string): LocalDateTime {
  return new Date(wallOf(instant, zone)).toISOString().slice(0, 16);
}

/**
 * The local date (`yyyy-MM-dd`) of an instant in `zone`, `days` calendar days later (earlier
 * when negative); from the cached offsets, without a luxon date-time in the zone.
 */
export function localDateOf(instant: number, zone: string, days = 0): string {
  const day = Math.floor(wallOf(instant, zone) / DAY) + days;
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/**
 * The instant (ms) of a wall-clock time in `zone`, with daylight-saving edges decided on
 * purpose: an ambiguous time (autumn, the hour happens twice) takes the first occurrence; a
 * time in the spring-forward gap moves to the first valid minute after the gap (02:30 -> 03:00).
 */
export function instantOf(local: LocalDateTime, zone: string): number {
  const p = localParts(local);
  return instantOfWall(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute), zone);
}

/**
 * `instantOf` for a wall-clock time written as if it were UTC (ms, a whole minute): the
 * numeric form the question path uses, without building and parsing keys.
 */
export function instantOfWall(wallAsUtc: number, zone: string): number {
  const before = offsetAt(zone, wallAsUtc - DAY);
  const after = offsetAt(zone, wallAsUtc + DAY);
  const early = wallAsUtc - Math.max(before, after) * MINUTE;
  if (shows(early, wallAsUtc, zone)) return early;
  const late = wallAsUtc - Math.min(before, after) * MINUTE;
  if (shows(late, wallAsUtc, zone)) return late;
  return endOfGap(wallAsUtc, zone, before, after);
}

/** True when the wall clock in `zone` shows the minute `wallAsUtc` at `instant`. */
function shows(instant: number, wallAsUtc: number, zone: string): boolean {
  return Math.floor(wallOf(instant, zone) / MINUTE) === Math.floor(wallAsUtc / MINUTE);
}

/** `instantOf` as a luxon date-time in the zone, for formatting. */
export function resolveLocal(local: LocalDateTime, zone: string): DateTime {
  return DateTime.fromMillis(instantOf(local, zone), { zone });
}

/** The transition instant of the gap that swallowed `wallAsUtc`, found minute by minute. */
function endOfGap(wallAsUtc: number, zone: string, before: number, after: number): number {
  // The transition lies between the wall time read with the new and with the old offset.
  let low = wallAsUtc - after * MINUTE;
  let high = wallAsUtc - before * MINUTE;
  while (high - low > MINUTE) {
    const mid = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
    if (offsetAt(zone, mid) === after) high = mid;
    else low = mid;
  }
  return high;
}

/** An occurrence's local date-time as people read it (`Mo., 29.03.2027, 10:00`), in its zone. */
export function formatLocal(local: LocalDateTime, zone: string, lang: Lang): string {
  return formatDateTime(resolveLocal(local, zone), zone, lang);
}

/**
 * The instant and offset of a wall-clock time in `zone` read the way luxon's `DateTime#set`
 * and `#plus` read it, starting from the offset `guess` (the date-time's own before the
 * change): an ambiguous time keeps the guessed side where it fits, a time in the
 * spring-forward gap moves forward by the gap (02:30 -> 03:30). Lets the question path keep
 * luxon's answers without building luxon date-times.
 */
export function fitWall(wallAsUtc: number, guess: number, zone: string): { instant: number; offset: number } {
  const first = wallAsUtc - guess * MINUTE;
  const o2 = offsetAt(zone, first);
  if (o2 === guess) return { instant: first, offset: guess };
  const second = first - (o2 - guess) * MINUTE;
  const o3 = offsetAt(zone, second);
  if (o2 === o3) return { instant: second, offset: o2 };
  return { instant: wallAsUtc - Math.min(o2, o3) * MINUTE, offset: Math.max(o2, o3) };
}
