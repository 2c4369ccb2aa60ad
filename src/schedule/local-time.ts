import { DateTime, IANAZone } from "luxon";
import type { Lang } from "../i18n";
import { formatDateTime } from "../i18n/format";

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
  const result = { start: tz.offset(begin), changes };
  yearCache.set(cacheKey, result);
  return result;
}

/** The zone's UTC offset in minutes at an instant (cached per zone and year). */
export function offsetAt(zone: string, instant: number): number {
  const { start, changes } = yearOffsets(zone, new Date(instant).getUTCFullYear());
  let offset = start;
  for (const change of changes) {
    if (change.at > instant) break;
    offset = change.offset;
  }
  return offset;
}

/** The wall-clock key of an instant in `zone` (`yyyy-MM-ddTHH:mm`). */
export function wallKey(instant: number, zone: string): LocalDateTime {
  return new Date(instant + offsetAt(zone, instant) * MINUTE).toISOString().slice(0, 16);
}

/**
 * The local date (`yyyy-MM-dd`) of an instant in `zone`, `days` calendar days later (earlier
 * when negative); from the cached offsets, without a luxon date-time in the zone.
 */
export function localDateOf(instant: number, zone: string, days = 0): string {
  const p = localParts(wallKey(instant, zone));
  return new Date(Date.UTC(p.year, p.month - 1, p.day + days)).toISOString().slice(0, 10);
}

/**
 * The instant (ms) of a wall-clock time in `zone`, with daylight-saving edges decided on
 * purpose: an ambiguous time (autumn, the hour happens twice) takes the first occurrence; a
 * time in the spring-forward gap moves to the first valid minute after the gap (02:30 -> 03:00).
 */
export function instantOf(local: LocalDateTime, zone: string): number {
  const p = localParts(local);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  const before = offsetAt(zone, wallAsUtc - DAY);
  const after = offsetAt(zone, wallAsUtc + DAY);
  const candidates = [...new Set([before, after])]
    .map((offset) => wallAsUtc - offset * MINUTE)
    .filter((instant) => wallKey(instant, zone) === local)
    .sort((a, b) => a - b);
  return candidates[0] ?? endOfGap(wallAsUtc, zone, before, after);
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
