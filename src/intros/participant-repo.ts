import { z } from "zod";
import type { Db } from "../../db/open";
import { column, rowReader } from "../../db/rows";
import { WEEKDAYS, type Weekday } from "../schedule/schedule";
import { statement } from "../../db/statements";

/** A member who opted into introductions. */
export interface Participant {
  readonly memberId: string;
  readonly topics: readonly string[];
  readonly state: "active" | "left";
  readonly pausedUntil: Date | undefined;
  readonly joinedAt: Date;
}

/** When rounds happen: every N weeks on a weekday at a local time, counted from `startDate`. */
export interface IntroSettings {
  readonly everyWeeks: number;
  readonly weekday: Weekday;
  readonly time: string;
  readonly startDate: string;
  readonly revision: number;
}

const toParticipant: (row: unknown) => Participant = rowReader({
  member_id: z.string(),
  topics: z.string().transform((s) => z.array(z.string()).parse(JSON.parse(s))),
  state: z.enum(["active", "left"]),
  paused_until: column.optionalDate,
  joined_at: column.date,
});

const toSettings: (row: unknown) => IntroSettings = rowReader({
  every_weeks: z.number().int(),
  weekday: z.enum(WEEKDAYS),
  time: z.string(),
  start_date: z.string(),
  revision: z.number().int(),
});

/** Opt-ins and the round schedule (real SQLite, rows validated with zod). */
export class ParticipantRepo {
  constructor(private readonly db: Db) {}

  get(memberId: string): Participant | undefined {
    const row = statement(this.db, "SELECT * FROM intro_participants WHERE member_id = ?").get(memberId);
    return row === undefined ? undefined : toParticipant(row);
  }

  /** Opts in (again), with these topics; a pause ends. */
  join(memberId: string, topics: readonly string[], at: Date): void {
    statement(
      this.db,
      `INSERT INTO intro_participants (member_id, topics, state, paused_until, joined_at, updated_at)
         VALUES (?, ?, 'active', NULL, ?, ?)
         ON CONFLICT (member_id) DO UPDATE SET topics = excluded.topics, state = 'active',
           paused_until = NULL, updated_at = excluded.updated_at`,
    ).run(memberId, JSON.stringify(topics), at.getTime(), at.getTime());
  }

  /** Opts out; false when the member was not taking part. */
  leave(memberId: string, at: Date): boolean {
    return (
      statement(
        this.db,
        "UPDATE intro_participants SET state = 'left', updated_at = ? WHERE member_id = ? AND state = 'active'",
      ).run(at.getTime(), memberId).changes > 0
    );
  }

  /** Skips the member in rounds before `until`; false when the member is not taking part. */
  pause(memberId: string, until: Date, at: Date): boolean {
    return (
      statement(
        this.db,
        "UPDATE intro_participants SET paused_until = ?, updated_at = ? WHERE member_id = ? AND state = 'active'",
      ).run(until.getTime(), at.getTime(), memberId).changes > 0
    );
  }

  /** Everyone taking part, paused or not, by when they joined. */
  active(): Participant[] {
    return statement(
      this.db,
      "SELECT * FROM intro_participants WHERE state = 'active' ORDER BY joined_at, member_id",
    )
      .all()
      .map(toParticipant);
  }

  settings(): IntroSettings | undefined {
    const row = statement(this.db, "SELECT * FROM intro_settings WHERE id = 1").get();
    return row === undefined ? undefined : toSettings(row);
  }

  /** Stores the schedule (first time or changed); the revision moves on so older jobs lapse. */
  saveSettings(s: Omit<IntroSettings, "revision">): IntroSettings {
    statement(
      this.db,
      `INSERT INTO intro_settings (id, every_weeks, weekday, time, start_date) VALUES (1, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET every_weeks = excluded.every_weeks, weekday = excluded.weekday,
           time = excluded.time, start_date = excluded.start_date, revision = intro_settings.revision + 1`,
    ).run(s.everyWeeks, s.weekday, s.time, s.startDate);
    return this.settings() as IntroSettings;
  }
}
