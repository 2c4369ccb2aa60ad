import { z } from "zod";
import type { Db } from "../../db/open";
import {
  insertSeries,
  seriesColumns,
  SeriesRow,
  toSeries,
  type Column,
  type Series,
  type SeriesState,
} from "./series-repo";
import { statement } from "../../db/statements";

/** A recurring meeting. */
export interface Meeting extends Series {
  readonly durationMinutes: number;
  /** Reminder lead times in minutes, longest first. */
  readonly remindMinutes: readonly number[];
  readonly link: string | undefined;
}

export type MeetingInput = Omit<Meeting, "id" | "state" | "revision">;

const Row = SeriesRow.extend({
  duration_min: z.number(),
  remind: z.string(),
  link: z.string().nullable(),
});

function toMeeting(row: unknown): Meeting {
  const r = Row.parse(row);
  return {
    ...toSeries(r),
    durationMinutes: r.duration_min,
    remindMinutes: z.array(z.number()).parse(JSON.parse(r.remind)),
    link: r.link ?? undefined,
  };
}

/** The columns of a meeting's own fields, as stored. */
function meetingColumns(m: MeetingInput): Record<string, Column> {
  return { duration_min: m.durationMinutes, remind: JSON.stringify(m.remindMinutes), link: m.link ?? null };
}

/** Meetings and their skipped dates (real SQLite, rows validated with zod). */
export class MeetingRepo {
  constructor(private readonly db: Db) {}

  create(input: MeetingInput, at: Date): number {
    return insertSeries(this.db, "meetings", input, meetingColumns(input), at);
  }

  /** A meeting that was not deleted. */
  get(id: number): Meeting | undefined {
    const row = statement(this.db, "SELECT * FROM meetings WHERE id = ? AND state != 'deleted'").get(id);
    return row === undefined ? undefined : toMeeting(row);
  }

  update(meeting: Meeting): void {
    const columns = { ...seriesColumns(meeting), ...meetingColumns(meeting), state: meeting.state };
    const set = Object.keys(columns).map((name) => `${name} = ?`);
    statement(this.db, `UPDATE meetings SET ${set.join(", ")}, revision = revision + 1 WHERE id = ?`).run(
      ...Object.values(columns),
      meeting.id,
    );
  }

  setState(id: number, state: SeriesState): void {
    statement(this.db, "UPDATE meetings SET state = ?, revision = revision + 1 WHERE id = ?").run(state, id);
  }

  /** Meetings that were not deleted, by id. */
  list(): Meeting[] {
    return statement(this.db, "SELECT * FROM meetings WHERE state != 'deleted' ORDER BY id")
      .all()
      .map(toMeeting);
  }

  skip(id: number, localDate: string): void {
    statement(this.db, "INSERT OR IGNORE INTO meeting_skips (meeting_id, local_date) VALUES (?, ?)").run(
      id,
      localDate,
    );
    statement(this.db, "UPDATE meetings SET revision = revision + 1 WHERE id = ?").run(id);
  }

  skips(id: number): Set<string> {
    const rows = statement(this.db, "SELECT local_date FROM meeting_skips WHERE meeting_id = ?").all(id);
    return new Set(rows.map((row) => z.object({ local_date: z.string() }).parse(row).local_date));
  }
}
