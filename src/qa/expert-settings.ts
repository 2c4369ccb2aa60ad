import { DateTime } from "luxon";
import { z } from "zod";
import type { Db } from "../../db/open";
import { statement } from "../../db/statements";

/** How much an expert wants to be asked. */
export interface ExpertSettings {
  readonly awayUntil: Date | undefined;
  readonly weeklyCap: number;
  /** Quiet hours as local `HH:MM`; the window may wrap midnight (18:00–08:00). */
  readonly quiet: { readonly start: string; readonly end: string } | undefined;
  readonly optedOut: boolean;
}

export const DEFAULT_WEEKLY_CAP = 3;

const Row = z.object({
  away_until: z.number().nullable(),
  weekly_cap: z.number(),
  quiet_start: z.string().nullable(),
  quiet_end: z.string().nullable(),
  opted_out: z.number(),
});

/** A member's settings; defaults when they never changed any. */
export function expertSettings(db: Db, memberId: string): ExpertSettings {
  return settingsFromRow(statement(db, "SELECT * FROM qa_expert_settings WHERE member_id = ?").get(memberId));
}

/** Settings from a `qa_expert_settings` row; defaults without one. */
export function settingsFromRow(row: unknown): ExpertSettings {
  if (row === undefined)
    return { awayUntil: undefined, weeklyCap: DEFAULT_WEEKLY_CAP, quiet: undefined, optedOut: false };
  const r = Row.parse(row);
  return {
    awayUntil: r.away_until === null ? undefined : new Date(r.away_until),
    weeklyCap: r.weekly_cap,
    quiet:
      r.quiet_start !== null && r.quiet_end !== null ? { start: r.quiet_start, end: r.quiet_end } : undefined,
    optedOut: r.opted_out === 1,
  };
}

/** Changes some settings of a member, keeping the others. */
export function updateExpertSettings(
  db: Db,
  memberId: string,
  patch: Partial<ExpertSettings>,
): ExpertSettings {
  const next = { ...expertSettings(db, memberId), ...patch };
  statement(
    db,
    `INSERT INTO qa_expert_settings (member_id, away_until, weekly_cap, quiet_start, quiet_end, opted_out)
     VALUES (@memberId, @away, @cap, @quietStart, @quietEnd, @optedOut)
     ON CONFLICT (member_id) DO UPDATE SET away_until = excluded.away_until, weekly_cap = excluded.weekly_cap,
       quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, opted_out = excluded.opted_out`,
  ).run({
    memberId,
    away: next.awayUntil?.getTime() ?? null,
    cap: next.weeklyCap,
    quietStart: next.quiet?.start ?? null,
    quietEnd: next.quiet?.end ?? null,
    optedOut: next.optedOut ? 1 : 0,
  });
  return next;
}

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
