import { DateTime } from "luxon";
import type { Services } from "../core/services";
import { upcoming, type Occurrence } from "../schedule/occurrences";
import type { Schedule } from "../schedule/schedule";
import { ParticipantRepo, type IntroSettings } from "./participant-repo";

export const ROUND_JOB = "intros.round";
export const INTRODUCE_JOB = "intros.introduce";
export const FOLLOW_UP_JOB = "intros.followup";

/** The ledger series of the rounds. */
export const INTRO_SERIES = "intros";

/** How long after an introduction copbot asks whether the people met. */
export const FOLLOW_UP_DAYS = 7;

/** The schedule a community starts with: every two weeks on Monday at 09:00. */
const DEFAULTS = { everyWeeks: 2, weekday: "mon", time: "09:00" } as const;

/** The stored schedule, created with the defaults (counted from today) on first use. */
export function introSettings(services: Services): IntroSettings {
  const repo = new ParticipantRepo(services.db);
  return repo.settings() ?? repo.saveSettings({ ...DEFAULTS, startDate: today(services) });
}

/** Today's date in the community's zone. */
export function today(services: Services): string {
  const zone = services.config.timeZone;
  return DateTime.fromJSDate(services.clock.now(), { zone }).toISODate() ?? "1970-01-01";
}

/** The rounds as a schedule in the community's zone; holidays move a round to the next working day. */
export function introSchedule(services: Services, s: IntroSettings): Schedule {
  return {
    recurrence: { kind: "weekly", weekday: s.weekday, interval: s.everyWeeks, time: s.time },
    zone: services.config.timeZone,
    start: s.startDate,
    holidays: { region: services.config.holidayRegion, rule: "move" },
  };
}

/** The next round after `after`, if the rule has one. */
export function nextRound(services: Services, s: IntroSettings, after: Date): Occurrence | undefined {
  return upcoming(introSchedule(services, s), after, { count: 1 })[0];
}

/** Plans the job of the next round after `after` (idempotent by key; a new revision plans anew). */
export function planNextRound(services: Services, s: IntroSettings, after: Date): void {
  const next = nextRound(services, s, after);
  if (!next) return;
  services.scheduler.schedule({
    kind: ROUND_JOB,
    runAt: next.at,
    key: `${INTRO_SERIES}:${next.local}:round@${s.revision}`,
    payload: { local: next.local, revision: s.revision },
  });
}
