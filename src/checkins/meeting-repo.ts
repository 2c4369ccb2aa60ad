import { z } from "zod";
import type { Db } from "../../db/open";
import type { Schedule } from "./schedule";
import { readSchedule } from "./schedule-schema";

export type SeriesState = "active" | "paused" | "deleted";

/** A recurring meeting. */
export interface Meeting {
  readonly id: number;
  readonly title: string;
  readonly channelId: string;
  readonly schedule: Schedule;
  readonly durationMinutes: number;
  /** Reminder lead times in minutes, longest first. */
  readonly remindMinutes: readonly number[];
  readonly link: string | undefined;
  readonly createdBy: string;
  readonly state: SeriesState;
  /** Bumped on every change, so jobs planned for an older version are ignored. */
  readonly revision: number;
}

export type MeetingInput = Omit<Meeting, "id" | "state" | "revision">;

const Row = z.object({
  id: z.number(),
  title: z.string(),
  channel_id: z.string(),
  schedule: z.string(),
  duration_min: z.number(),
  remind: z.string(),
  link: z.string().nullable(),
  created_by: z.string(),
  state: z.enum(["active", "paused", "deleted"]),
  revision: z.number(),
});

function toMeeting(row: unknown): Meeting {
  const r = Row.parse(row);
  return {
    id: r.id,
    title: r.title,
    channelId: r.channel_id,
    schedule: readSchedule(r.schedule),
    durationMinutes: r.duration_min,
    remindMinutes: z.array(z.number()).parse(JSON.parse(r.remind)),
    link: r.link ?? undefined,
    createdBy: r.created_by,
    state: r.state,
    revision: r.revision,
  };
}

/** Meetings and their skipped dates (real SQLite, rows validated with zod). */
export class MeetingRepo {
  constructor(private readonly db: Db) {}

  create(input: MeetingInput, at: Date): number {
    const result = this.db
      .prepare(
        `INSERT INTO meetings (title, channel_id, schedule, duration_min, remind, link, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.title,
        input.channelId,
        JSON.stringify(input.schedule),
        input.durationMinutes,
        JSON.stringify(input.remindMinutes),
        input.link ?? null,
        input.createdBy,
        at.getTime(),
      );
    return Number(result.lastInsertRowid);
  }

  /** A meeting that was not deleted. */
  get(id: number): Meeting | undefined {
    const row = this.db.prepare("SELECT * FROM meetings WHERE id = ? AND state != 'deleted'").get(id);
    return row === undefined ? undefined : toMeeting(row);
  }

  update(meeting: Meeting): void {
    this.db
      .prepare(
        `UPDATE meetings SET title = ?, channel_id = ?, schedule = ?, duration_min = ?, remind = ?, link = ?, state = ?,
         revision = revision + 1 WHERE id = ?`,
      )
      .run(
        meeting.title,
        meeting.channelId,
        JSON.stringify(meeting.schedule),
        meeting.durationMinutes,
        JSON.stringify(meeting.remindMinutes),
        meeting.link ?? null,
        meeting.state,
        meeting.id,
      );
  }

  setState(id: number, state: SeriesState): void {
    this.db.prepare("UPDATE meetings SET state = ?, revision = revision + 1 WHERE id = ?").run(state, id);
  }

  /** Meetings that were not deleted, by id. */
  list(): Meeting[] {
    return this.db
      .prepare("SELECT * FROM meetings WHERE state != 'deleted' ORDER BY id")
      .all()
      .map(toMeeting);
  }

  skip(id: number, localDate: string): void {
    this.db
      .prepare("INSERT OR IGNORE INTO meeting_skips (meeting_id, local_date) VALUES (?, ?)")
      .run(id, localDate);
    this.db.prepare("UPDATE meetings SET revision = revision + 1 WHERE id = ?").run(id);
  }

  skips(id: number): Set<string> {
    const rows = this.db.prepare("SELECT local_date FROM meeting_skips WHERE meeting_id = ?").all(id);
    return new Set(rows.map((row) => z.object({ local_date: z.string() }).parse(row).local_date));
  }
}
