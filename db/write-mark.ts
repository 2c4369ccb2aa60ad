import type { Db } from "./open";
import { statement } from "./statements";

/**
 * A mark of everything written to `db` so far: the rows this connection changed and the
 * commits of other connections. Two equal marks: nothing was written in between (changes
 * rolled back count too).
 */
export function writeMark(db: Db): string {
  return String(
    statement(db, "SELECT total_changes() || ':' || data_version FROM pragma_data_version").pluck().get(),
  );
}
