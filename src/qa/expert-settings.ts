import { DateTime } from "luxon";
import type { ExpertSettings } from "./expert-settings-repo";

/**
 * Local times of the last instant asked for, by zone: ranking asks for the same instant once
 * per candidate in quiet hours, in the community's zone and the members' own.
 */
let localTimes = { at: Number.NaN, byZone: new Map<string, string>() };

function localTime(now: Date, zone: string): string {
  if (localTimes.at !== now.getTime()) localTimes = { at: now.getTime(), byZone: new Map() };
  let local = localTimes.byZone.get(zone);
  if (local === undefined) {
    local = DateTime.fromJSDate(now, { zone }).toFormat("HH:mm");
    localTimes.byZone.set(zone, local);
  }
  return local;
}

/**
 * Ends of quiet windows (by zone and `HH:MM` end) for the last instant asked for: ranking asks for
 * the same instant once per candidate in quiet hours, and most share a few window ends.
 */
let quietEnds = { at: Number.NaN, ends: new Map<string, number>() };

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
  if (quietEnds.at !== now.getTime()) quietEnds = { at: now.getTime(), ends: new Map() };
  const endKey = `${zone} ${quiet.end}`;
  let end = quietEnds.ends.get(endKey);
  if (end === undefined) {
    const local = DateTime.fromJSDate(now, { zone });
    const [hour = 0, minute = 0] = quiet.end.split(":").map(Number);
    const day = local.set({ hour, minute, second: 0, millisecond: 0 });
    end = (day <= local ? day.plus({ days: 1 }) : day).toMillis();
    quietEnds.ends.set(endKey, end);
  }
  return new Date(end);
}

/** True when the expert must not be asked now at all (opted out or away); quiet hours only delay. */
export function isUnavailable(settings: ExpertSettings, now: Date): boolean {
  if (settings.optedOut) return true;
  return settings.awayUntil !== undefined && now < settings.awayUntil;
}
