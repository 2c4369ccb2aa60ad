import { DateTime } from "luxon";
import type { ExpertSettings } from "./expert-settings-repo";

/** The last local time asked for: ranking asks for the same instant once per candidate. */
let lastLocal = { at: Number.NaN, zone: "", local: "" };

function localTime(now: Date, zone: string): string {
  if (lastLocal.at !== now.getTime() || lastLocal.zone !== zone) {
    lastLocal = { at: now.getTime(), zone, local: DateTime.fromJSDate(now, { zone }).toFormat("HH:mm") };
  }
  return lastLocal.local;
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
  const local = DateTime.fromJSDate(now, { zone });
  const [hour = 0, minute = 0] = quiet.end.split(":").map(Number);
  const end = local.set({ hour, minute, second: 0, millisecond: 0 });
  return (end <= local ? end.plus({ days: 1 }) : end).toJSDate();
}

/** True when the expert must not be asked now at all (opted out or away); quiet hours only delay. */
export function isUnavailable(settings: ExpertSettings, now: Date): boolean {
  if (settings.optedOut) return true;
  return settings.awayUntil !== undefined && now < settings.awayUntil;
}
