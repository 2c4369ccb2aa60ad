import type { Group } from "./group-repo";

/** Days after the close in which members may still log time (the last week's hours come late). */
export const LATE_LOG_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Time goes to running groups and to closed ones within `LATE_LOG_DAYS` of the close. */
export function mayLogTime(group: Group, now: Date): boolean {
  if (group.state === "running") return true;
  if (group.state !== "closed" || group.closedAt === undefined) return false;
  return now.getTime() - group.closedAt.getTime() <= LATE_LOG_DAYS * DAY_MS;
}
