import { z } from "zod";
import type { Db } from "../../db/open";
import { rowReader } from "../../db/rows";
import { WEEKDAYS, type Weekday } from "../schedule/schedule";
import { statement } from "../../db/statements";

/** Where and when the digest goes out; no channel: switched off. */
export interface DigestSettings {
  readonly channelId: string | undefined;
  readonly weekday: Weekday;
  readonly time: string;
  readonly startDate: string;
  readonly revision: number;
}

const toSettings: (row: unknown) => DigestSettings = rowReader({
  channel_id: z.string().nullable(),
  weekday: z.enum(WEEKDAYS),
  time: z.string(),
  start_date: z.string(),
  revision: z.number().int(),
});

/** The digest's settings and the spans of past digests (real SQLite, rows validated with zod). */
export class DigestRepo {
  constructor(private readonly db: Db) {}

  settings(): DigestSettings | undefined {
    const row = statement(this.db, "SELECT * FROM digest_settings WHERE id = 1").get();
    return row === undefined ? undefined : toSettings(row);
  }

  /** Stores the settings; the revision moves on so jobs planned before lapse. */
  save(s: Omit<DigestSettings, "revision">): DigestSettings {
    statement(
      this.db,
      `INSERT INTO digest_settings (id, channel_id, weekday, time, start_date) VALUES (1, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET channel_id = excluded.channel_id, weekday = excluded.weekday,
           time = excluded.time, start_date = excluded.start_date, revision = digest_settings.revision + 1`,
    ).run(s.channelId ?? null, s.weekday, s.time, s.startDate);
    return this.settings() as DigestSettings;
  }

  /** Records a digest run; false when this occurrence already had one. */
  recordRun(local: string, from: Date, to: Date, posted: boolean): boolean {
    return (
      statement(
        this.db,
        "INSERT INTO digest_runs (local_at, window_from, window_to, posted) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
      ).run(local, from.getTime(), to.getTime(), posted ? 1 : 0).changes > 0
    );
  }

  /** Where the last digest's span ended, if there was one. */
  lastWindowEnd(): Date | undefined {
    const row = z
      .object({ end: z.number().nullable() })
      .parse(statement(this.db, "SELECT max(window_to) AS end FROM digest_runs").get());
    return row.end === null ? undefined : new Date(row.end);
  }
}
