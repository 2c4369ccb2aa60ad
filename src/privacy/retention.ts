import { DateTime } from "luxon";
import type { JobHandler } from "../core/scheduler";
import type { Services } from "../core/services";

export const RETENTION_JOB = "privacy.retention";
/** Local time of the daily run: quiet hours, before people start their day. */
const RUN_AT = { hour: 3, minute: 30 };
const DAY_MS = 86_400_000;

/** Plans the next daily run after `after` (idempotent per day). */
export function planRetention(services: Services, after: Date): void {
  const zone = services.config.timeZone;
  let next = DateTime.fromJSDate(after, { zone }).set({ ...RUN_AT, second: 0, millisecond: 0 });
  if (next.toMillis() <= after.getTime()) next = next.plus({ days: 1 });
  services.scheduler.schedule({
    kind: RETENTION_JOB,
    runAt: next.toJSDate(),
    key: `${RETENTION_JOB}:${next.toISODate() ?? ""}`,
  });
}

/**
 * Deletes what every feature keeps only for a while, each after its configured number of days
 * (`COPBOT_*_RETENTION_DAYS`), and returns how many rows each rule removed.
 */
export function applyRetention(services: Services, now: Date): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const feature of services.features) {
    for (const rule of feature.retention ?? []) {
      const before = new Date(now.getTime() - rule.days(services.config) * DAY_MS);
      counts[rule.name] = (counts[rule.name] ?? 0) + rule.prune(services, before);
    }
  }
  return counts;
}

/** The daily job: applies retention in one transaction, logs the counts, plans tomorrow's run. */
export const retentionJob: JobHandler = (_job, { services, now }) => {
  const counts = applyRetention(services, now);
  services.log.info({ retention: counts }, "retention: old data deleted");
  planRetention(services, now);
};
