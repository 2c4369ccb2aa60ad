import { DateTime } from "luxon";
import type { Services } from "../core/services";
import { upcoming, type Occurrence } from "../schedule/occurrences";
import type { Schedule } from "../schedule/schedule";
import { DigestRepo, type DigestSettings } from "./digest-repo";

export const DIGEST_JOB = "digest.post";
/** The ledger series of the digest. */
export const DIGEST_SERIES = "digest";

/** Off until a moderator names a channel; then Monday 09:00 unless they say otherwise. */
const DEFAULTS = { weekday: "mon", time: "09:00" } as const;

/** The stored settings, or the defaults (switched off). */
export function digestSettings(services: Services): Omit<DigestSettings, "revision"> & { revision?: number } {
  return (
    new DigestRepo(services.db).settings() ?? {
      ...DEFAULTS,
      channelId: undefined,
      startDate: today(services),
    }
  );
}

export function today(services: Services): string {
  return (
    DateTime.fromJSDate(services.clock.now(), { zone: services.config.timeZone }).toISODate() ?? "1970-01-01"
  );
}

/** The digest as a weekly schedule in the community's zone; holidays move it to the next working day. */
export function digestSchedule(
  services: Services,
  s: Pick<DigestSettings, "weekday" | "time" | "startDate">,
): Schedule {
  return {
    recurrence: { kind: "weekly", weekday: s.weekday, interval: 1, time: s.time },
    zone: services.config.timeZone,
    start: s.startDate,
    holidays: { region: services.config.holidayRegion, rule: "move" },
  };
}

/** The next digest date after `after`. */
export function nextDigest(services: Services, s: DigestSettings, after: Date): Occurrence | undefined {
  return upcoming(digestSchedule(services, s), after, { count: 1 })[0];
}

/** Plans the next digest job after `after` when the digest is on (idempotent by key). */
export function planNextDigest(services: Services, s: DigestSettings, after: Date): void {
  if (s.channelId === undefined) return;
  const next = nextDigest(services, s, after);
  if (!next) return;
  services.scheduler.schedule({
    kind: DIGEST_JOB,
    runAt: next.at,
    key: `${DIGEST_SERIES}:${next.local}:post@${s.revision}`,
    payload: { local: next.local, revision: s.revision },
  });
}
