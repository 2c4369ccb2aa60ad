/** Weekdays as the schedule grammar writes them, Monday first (luxon weekday = index + 1). */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Which weekday of a month: 1..4 or -1 for the last one. */
export type Nth = 1 | 2 | 3 | 4 | -1;

/** How a series repeats, in local wall-clock terms. */
export type Recurrence =
  | { readonly kind: "weekly"; readonly weekday: Weekday; readonly interval: number; readonly time: string }
  | { readonly kind: "monthly-weekday"; readonly nth: Nth; readonly weekday: Weekday; readonly time: string }
  | { readonly kind: "monthly-day"; readonly day: number; readonly time: string }
  | { readonly kind: "cron"; readonly expression: string };

/** What to do with an occurrence that falls on a public holiday. */
export interface HolidayRule {
  /** `DE` or a Bundesland such as `DE-BY`. */
  readonly region: string;
  readonly rule: "skip" | "move";
}

/**
 * A schedule: a rule plus an IANA zone, computed in that zone so 10:00 stays 10:00 local
 * across daylight-saving changes. `start` (local date) anchors "every N weeks" and `from`.
 */
export interface Schedule {
  readonly recurrence: Recurrence;
  readonly zone: string;
  readonly start: string;
  readonly holidays?: HolidayRule;
}

export const DEFAULT_ZONE = "Europe/Berlin";

/** Weekday number as luxon counts it (Monday = 1). */
export function weekdayNumber(weekday: Weekday): number {
  return WEEKDAYS.indexOf(weekday) + 1;
}
