import { statSync } from "node:fs";

/** A WAL frame's header, before each page (sqlite.org/fileformat2.html#walformat). */
const FRAME_HEADER_BYTES = 24;

/**
 * How many pages the write-ahead log file of the database at `path` holds: its size, which is
 * its largest since it was last emptied (SQLite reuses the file from its start), not what is
 * still to be copied; 0 when there is no log file.
 */
export function walFilePages(path: string, pageSize: number): number {
  const bytes = statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  // The 32-byte file header is smaller than a frame, so it never counts as a page.
  return Math.floor(bytes / (pageSize + FRAME_HEADER_BYTES));
}
