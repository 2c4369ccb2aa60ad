import type { z } from "zod";
import type { Db } from "../../db/open";
import { statement } from "../../db/statements";

/** Small persistent key/value store for the bot's own state (JSON values, validated on read). */
export class SettingsRepo {
  constructor(private readonly db: Db) {}

  get<T>(key: string, schema: z.ZodType<T>): T | undefined {
    const row = statement(this.db, "SELECT value FROM settings WHERE key = ?").get(key) as
      { value: string } | undefined;
    if (!row) return undefined;
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : undefined;
  }

  remove(key: string): void {
    statement(this.db, "DELETE FROM settings WHERE key = ?").run(key);
  }

  /** Keys that start with `prefix`, in order. */
  list(prefix: string): string[] {
    return (
      statement(this.db, "SELECT key FROM settings WHERE substr(key, 1, ?) = ? ORDER BY key").all(
        prefix.length,
        prefix,
      ) as { key: string }[]
    ).map((row) => row.key);
  }

  set(key: string, value: unknown): void {
    statement(
      this.db,
      "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(key, JSON.stringify(value));
  }
}
