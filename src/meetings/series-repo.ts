import { z } from "zod";
import type { Db } from "../../db/open";
import type { Schedule } from "../schedule/schedule";
import { readSchedule } from "../schedule/schedule-schema";
import { statement } from "../../db/statements";

export type SeriesState = "active" | "paused" | "deleted";

/** What meetings and check-ins share: a titled schedule posting into one channel. */
export interface Series {
  readonly id: number;
  readonly title: string;
  readonly channelId: string;
  readonly schedule: Schedule;
  readonly createdBy: string;
  readonly state: SeriesState;
  /** Bumped on every change, so jobs planned for an older version are ignored. */
  readonly revision: number;
}

/** The columns every series table has; each table's row schema extends it. */
export const SeriesRow = z.object({
  id: z.number(),
  title: z.string(),
  channel_id: z.string(),
  schedule: z.string(),
  created_by: z.string(),
  state: z.enum(["active", "paused", "deleted"]),
  revision: z.number(),
});

/** The shared fields of a validated series row. */
export function toSeries(r: z.infer<typeof SeriesRow>): Series {
  return {
    id: r.id,
    title: r.title,
    channelId: r.channel_id,
    schedule: readSchedule(r.schedule),
    createdBy: r.created_by,
    state: r.state,
    revision: r.revision,
  };
}

/** A value as better-sqlite3 binds it. */
export type Column = string | number | null;

/** The shared columns a series can change (title, channel, schedule). */
export function seriesColumns(s: Pick<Series, "title" | "channelId" | "schedule">): Record<string, Column> {
  return { title: s.title, channel_id: s.channelId, schedule: JSON.stringify(s.schedule) };
}

/**
 * Inserts a series into `table` with the shared columns plus the table's `own` ones; returns
 * the new id. Column names come from code, never from input.
 */
export function insertSeries(
  db: Db,
  table: "meetings" | "checkins",
  input: Pick<Series, "title" | "channelId" | "schedule" | "createdBy">,
  own: Record<string, Column>,
  at: Date,
): number {
  const columns = { ...seriesColumns(input), created_by: input.createdBy, created_at: at.getTime(), ...own };
  const names = Object.keys(columns);
  const result = statement(
    db,
    `INSERT INTO ${table} (${names.join(", ")}) VALUES (${names.map(() => "?").join(", ")})`,
  ).run(...Object.values(columns));
  return Number(result.lastInsertRowid);
}

const RegionRow = z.object({ region: z.string() });

/** The holiday regions active or paused meetings and check-ins follow (`DE`, `DE-BY` …). */
export function holidayRegionsInUse(db: Db): string[] {
  return statement(
    db,
    `SELECT DISTINCT json_extract(schedule, '$.holidays.region') AS region FROM meetings
       WHERE state <> 'deleted' AND region IS NOT NULL
       UNION SELECT DISTINCT json_extract(schedule, '$.holidays.region') FROM checkins
       WHERE state <> 'deleted' AND json_extract(schedule, '$.holidays.region') IS NOT NULL`,
  )
    .all()
    .map((row) => RegionRow.parse(row).region);
}
