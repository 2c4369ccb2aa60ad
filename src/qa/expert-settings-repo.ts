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

/** Settings from a row with the `qa_expert_settings` columns; defaults without one. */
export function settingsFromRow(row: unknown): ExpertSettings {
  if (row === undefined)
    return { awayUntil: undefined, weeklyCap: DEFAULT_WEEKLY_CAP, quiet: undefined, optedOut: false };
  return settingsOf(Row.parse(row));
}

/** Settings from the `qa_expert_settings` columns of a row already checked (as by `Row`). */
export function settingsOf(r: z.infer<typeof Row>): ExpertSettings {
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
