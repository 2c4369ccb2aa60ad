import { fitWall, offsetAt, wallOf } from "../schedule/local-time";
import type { ExpertSettings } from "./expert-settings-repo";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/*
 * Ranking asks for every candidate whether they are in quiet hours, in the community's zone or
 * their own, so local times come from the zone's cached offsets (src/schedule/local-time.ts),
 * not from a luxon date-time per candidate. The answers are luxon's, to the minute and across
 * daylight-saving changes: test/qa/calendar-equivalence.test.ts compares them.
 */

const pad = (n: number): string => String(n).padStart(2, "0");

/** The local wall-clock time (`HH:mm`) of `now` in `zone`. */
function localTime(now: Date, zone: string): string {
  const minuteOfDay = ((Math.floor(wallOf(now.getTime(), zone) / MINUTE_MS) % 1440) + 1440) % 1440;
  return `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}

/** True when `now` (local time in `zone`) falls into the quiet window. */
export function inQuietHours(quiet: ExpertSettings["quiet"], now: Date, zone: string): boolean {
  if (!quiet) return false;
  const local = localTime(now, zone);
  if (quiet.start === quiet.end) return false;
  return quiet.start < quiet.end
    ? local >= quiet.start && local < quiet.end
    : local >= quiet.start || local < quiet.end;
}

/**
 * When the quiet window that `now` falls into ends, or undefined outside quiet hours. Quiet
 * hours delay an expert, they do not rule them out.
 */
export function quietUntil(quiet: ExpertSettings["quiet"], now: Date, zone: string): Date | undefined {
  if (!quiet || !inQuietHours(quiet, now, zone)) return undefined;
  const { hour, minute } = hourAndMinute(quiet.end);
  // Stored ends come from parseQuietHours (`HH:MM`); anything else has no end to name.
  if (!Number.isFinite(hour) || !Number.isFinite(minute)) return undefined;
  const t = now.getTime();
  const offset = offsetAt(zone, t);
  const today = Math.floor((t + offset * MINUTE_MS) / DAY_MS) * DAY_MS;
  // The end today, or tomorrow when today's has passed, as luxon's `set` and `plus({ days: 1 })`.
  const end = fitWall(today + hour * 3_600_000 + minute * MINUTE_MS, offset, zone);
  if (end.instant > t) return new Date(end.instant);
  return new Date(fitWall(end.instant + end.offset * MINUTE_MS + DAY_MS, end.offset, zone).instant);
}

/**
 * The hour and minute of an `HH:MM` end, read as `split(":").map(Number)` with 0 for a missing
 * part would, without the arrays (the ranking asks for each candidate in quiet hours).
 */
function hourAndMinute(end: string): { hour: number; minute: number } {
  const colon = end.indexOf(":");
  if (colon < 0) return { hour: Number(end), minute: 0 };
  const next = end.indexOf(":", colon + 1);
  return {
    hour: Number(end.slice(0, colon)),
    minute: Number(next < 0 ? end.slice(colon + 1) : end.slice(colon + 1, next)),
  };
}

/** True when the expert must not be asked now at all (opted out or away); quiet hours only delay. */
export function isUnavailable(settings: ExpertSettings, now: Date): boolean {
  if (settings.optedOut) return true;
  return settings.awayUntil !== undefined && now < settings.awayUntil;
}
