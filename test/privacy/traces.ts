import { z } from "zod";
import type { Db } from "../../db/open";

/**
 * Every stored text cell of every table that contains `needle`, as `table.column`. The console
 * adapter's own memory of the chat (settings `console.*`) is left out: it plays the platform,
 * whose messages are the platform's (as on Slack).
 */
export function traces(db: Db, needle: string, except: readonly string[] = []): string[] {
  const tables = z
    .array(z.object({ name: z.string() }))
    .parse(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all())
    .map((t) => t.name)
    .filter((name) => !name.startsWith("sqlite_") && !/_(data|idx|content|docsize|config)$/.test(name))
    .filter((name) => !except.includes(name));
  const found: string[] = [];
  for (const table of tables) {
    const columns = z
      .array(z.object({ name: z.string() }))
      .parse(db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all())
      .map((c) => c.name);
    for (const column of columns) {
      const platform = table === "settings" ? " AND key NOT LIKE 'console.%'" : "";
      const hit = db
        .prepare(`SELECT count(*) AS n FROM "${table}" WHERE CAST("${column}" AS TEXT) LIKE ?${platform}`)
        .get(`%${needle}%`) as { n: number };
      if (hit.n > 0) found.push(`${table}.${column}`);
    }
  }
  return found;
}
