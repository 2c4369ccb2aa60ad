import { openSync, readFileSync, rmSync, writeFileSync, closeSync } from "node:fs";
import { DatabaseError } from "../src/core/errors";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Makes sure only one copbot process works on a database file: two would both run due jobs
 * and deliver the same queued messages. The lock file holds the owner's pid; a lock left by a
 * process that no longer runs is taken over. Released when the process exits.
 */
export function lockDatabase(dbPath: string): void {
  const lockPath = `${dbPath}.lock`;
  try {
    closeSync(openSync(lockPath, "wx"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const owner = Number(readFileSync(lockPath, "utf8").trim());
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
      throw new DatabaseError(
        `COPBOT_DB ${dbPath} is in use by another copbot (pid ${owner}); stop it first or use another COPBOT_DB`,
      );
    }
  }
  writeFileSync(lockPath, String(process.pid));
  process.once("exit", () => {
    try {
      if (readFileSync(lockPath, "utf8").trim() === String(process.pid)) rmSync(lockPath);
    } catch {
      // Already gone: nothing to release.
    }
  });
}
