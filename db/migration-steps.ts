import { rebuildProfiles } from "../src/qa/expert-profile-repo";
import type { Db } from "./open";

/**
 * Code that runs right after a migration's SQL, in its transaction, keyed by the migration's
 * file name. Used where the work needs copbot's own text handling: 010 counts the words of
 * every expert source the way the code does, instead of sorting millions of rows in SQL.
 */
export const MIGRATION_STEPS: Readonly<Record<string, (db: Db) => void>> = {
  "010_scale.sql": rebuildProfiles,
};
