import ical from "ical-generator";
import { DateTime } from "luxon";
import { canonicalZone, resolveLocal, type LocalDateTime } from "./local-time";
import { expand, type Occurrence } from "./occurrences";
import { weekdayNumber, type Recurrence, type Schedule, type Weekday } from "./schedule";
import { vtimezone } from "./vtimezone";

const ICS_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
const CRON_DAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

const icsDay = (weekday: Weekday): string => ICS_DAYS[weekdayNumber(weekday) - 1] ?? "MO";

/**
 * The RRULE line of a recurrence (written by hand: with a calendar zone the library would
 * write UNTIL as local time, RFC 5545 wants UTC); undefined for cron expressions RFC 5545
 * cannot say (`L`, `#`).
 */
function rrule(recurrence: Recurrence): string | undefined {
  switch (recurrence.kind) {
    case "weekly":
      return `RRULE:FREQ=WEEKLY;INTERVAL=${recurrence.interval};BYDAY=${icsDay(recurrence.weekday)}`;
    case "monthly-weekday":
      return `RRULE:FREQ=MONTHLY;BYDAY=${icsDay(recurrence.weekday)};BYSETPOS=${recurrence.nth}`;
    case "monthly-day":
      // Day 29–31 falls back to the month's last day, as the schedule does.
      return recurrence.day <= 28
        ? `RRULE:FREQ=MONTHLY;BYMONTHDAY=${recurrence.day}`
        : `RRULE:FREQ=MONTHLY;BYMONTHDAY=${Array.from({ length: recurrence.day - 27 }, (_, i) => 28 + i).join(",")};BYSETPOS=-1`;
    case "cron":
      return cronRule(recurrence.expression);
  }
}

function cronRule(expression: string): string | undefined {
  const [minute = "", hour = "", dom = "", month = "", dow = ""] = expression.split(" ");
  if (/[L#W?]/i.test(expression) || /[a-z]/i.test(`${minute}${hour}${dom}`)) return undefined;
  const list = (field: string, min: number, max: number): number[] | undefined => {
    if (field === "*") return undefined;
    const values = new Set<number>();
    for (const part of field.split(",")) {
      const [range = "", stepRaw] = part.split("/");
      const [a = "", b] = range === "*" ? [String(min), String(max)] : range.split("-");
      const step = Number(stepRaw ?? 1);
      const end = b === undefined ? (stepRaw ? max : Number(a)) : Number(b);
      for (let v = Number(a); v <= end; v += step) values.add(v);
    }
    return [...values].sort((x, y) => x - y);
  };
  const every = (field: string, min: number, max: number): string =>
    (list(field === "*" ? `${min}-${max}` : field, min, max) ?? []).join(",");
  const parts = ["FREQ=DAILY", `BYMINUTE=${every(minute, 0, 59)}`, `BYHOUR=${every(hour, 0, 23)}`];
  const days = list(dom, 1, 31);
  if (days) parts.push(`BYMONTHDAY=${days.join(",")}`);
  const months = /[a-z]/i.test(month) ? undefined : list(month, 1, 12);
  if (month !== "*" && !months) return undefined;
  if (months) parts.push(`BYMONTH=${months.join(",")}`);
  if (dow !== "*") {
    const names = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
    const numeric = dow.toLowerCase().replace(/[a-z]{3}/g, (name) => String(names.indexOf(name)));
    const weekdays = list(numeric, 0, 7);
    if (!weekdays) return undefined;
    parts.push(`BYDAY=${[...new Set(weekdays.map((d) => CRON_DAYS[d] ?? "SU"))].join(",")}`);
  }
  return `RRULE:${parts.join(";")}`;
}

/** What a calendar file needs of a series. */
export interface CalendarSeries {
  /** Unique per series, e.g. `meeting-3`; becomes the events' UID (`meeting-3@copbot`). */
  readonly uid: string;
  readonly title: string;
  readonly schedule: Schedule;
  readonly durationMinutes: number;
  readonly link?: string | undefined;
}

/** How far ahead a calendar file lists holidays and skipped dates; the RRULE ends there too. */
export const ICS_HORIZON_DAYS = 366;

/**
 * An RFC 5545 calendar of the series: one VEVENT with RRULE in the series' zone (with its
 * VTIMEZONE), EXDATE for dates skipped by holiday or by hand, and overriding instances
 * (RECURRENCE-ID) for occurrences moved to the next working day; dates whose time falls into a
 * spring-forward gap are excluded and added back (RDATE) at the time copbot uses. Holidays are only known for
 * the coming year, so the RRULE ends there (UNTIL) instead of showing meetings on holidays
 * later; members download the file again for the following year.
 */
export function seriesIcs(series: CalendarSeries, skips: ReadonlySet<string>, now: Date): string {
  const zone = canonicalZone(series.schedule.zone);
  const horizon = new Date(now.getTime() + ICS_HORIZON_DAYS * 86_400_000);
  const entries = expand(series.schedule, now, { skips, until: horizon });
  const at = (local: LocalDateTime): DateTime => resolveLocal(local, zone);
  const first = entries[0];
  const cal = ical({ name: series.title, prodId: "//copbot//copbot//DE" });
  // The zone's rules start a year before the first date, so its offset is defined (RFC 5545
  // needs an observance whose DTSTART lies before the event).
  const fromYear = (first ? at(first.original).year : DateTime.fromJSDate(now, { zone }).year) - 1;
  cal.timezone({ name: zone, generator: () => vtimezone(zone, fromYear) });
  // With a calendar zone the library writes DTSTAMP as local time; RFC 5545 wants UTC.
  const stamp = `DTSTAMP:${DateTime.fromJSDate(now, { zone: "UTC" }).toFormat("yyyyMMdd'T'HHmmss")}Z`;
  const render = (): string => cal.toString().replace(/^DTSTAMP:.*$/gm, stamp);
  if (!first) return render();
  const base = {
    summary: series.title,
    timezone: zone,
    ...(series.link ? { url: series.link, location: series.link } : {}),
  };
  const uid = `${series.uid}@copbot`;
  const event = (start: DateTime, extra: object) =>
    cal.createEvent({ ...base, ...extra, start, end: start.plus({ minutes: series.durationMinutes }) });
  const rule = rrule(series.schedule.recurrence);
  // The RRULE repeats the nominal time; where that falls into the spring-forward gap, calendar
  // apps read it as one hour later (RFC 5545, 02:30 -> 03:30) while copbot meets at the end of
  // the gap (03:00). Such dates are excluded and listed with copbot's time instead, and the
  // series cannot start on one.
  const inGap = (local: LocalDateTime): boolean => at(local).toFormat("yyyy-MM-dd'T'HH:mm") !== local;
  const start = entries.find((o) => !inGap(o.original));
  if (rule === undefined || start === undefined) {
    entries.filter(taking).forEach((o) => event(at(o.local), { id: `${series.uid}-${o.local}@copbot` }));
    return render();
  }
  const nominal = (local: LocalDateTime): string => `${local.replace(/[-:]/g, "")}00`;
  const excluded = entries
    .filter((o) => o.status === "holiday" || o.status === "skipped" || inGap(o.original))
    .map((o) => `EXDATE;TZID=${zone}:${nominal(o.original)}`);
  const added = entries
    .filter((o) => taking(o) && inGap(o.original))
    .map((o) => `RDATE;TZID=${zone}:${at(o.local).toFormat("yyyyMMdd'T'HHmmss")}`);
  const until = DateTime.fromJSDate(horizon, { zone: "UTC" });
  const repeating = [`${rule};UNTIL=${until.toFormat("yyyyMMdd'T'HHmmss")}Z`, ...excluded, ...added].join(
    "\r\n",
  );
  event(at(start.original), { id: uid, repeating });
  entries
    .filter((o) => o.status === "moved" && !inGap(o.original))
    .forEach((o) => event(at(o.local), { id: uid, recurrenceId: at(o.original) }));
  return render();
}

function taking(o: Occurrence): boolean {
  return o.status === "normal" || o.status === "moved";
}
