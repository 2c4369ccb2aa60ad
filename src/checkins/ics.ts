import ical, { ICalEventRepeatingFreq, ICalWeekday, type ICalRepeatingOptions } from "ical-generator";
import { DateTime } from "luxon";
import { resolveLocal, type LocalDateTime } from "./local-time";
import type { Meeting } from "./meeting-repo";
import { expand, type Occurrence } from "./occurrences";
import { weekdayNumber, type Recurrence, type Weekday } from "./schedule";
import { vtimezone } from "./vtimezone";

const ICS_DAYS = [
  ICalWeekday.MO,
  ICalWeekday.TU,
  ICalWeekday.WE,
  ICalWeekday.TH,
  ICalWeekday.FR,
  ICalWeekday.SA,
  ICalWeekday.SU,
] as const;
const CRON_DAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

const icsDay = (weekday: Weekday): ICalWeekday => ICS_DAYS[weekdayNumber(weekday) - 1] ?? ICalWeekday.MO;

/** The RRULE of a recurrence; undefined for cron expressions RFC 5545 cannot say (`L`, `#`). */
function rrule(recurrence: Recurrence): ICalRepeatingOptions | string | undefined {
  switch (recurrence.kind) {
    case "weekly":
      return {
        freq: ICalEventRepeatingFreq.WEEKLY,
        interval: recurrence.interval,
        byDay: [icsDay(recurrence.weekday)],
      };
    case "monthly-weekday":
      return {
        freq: ICalEventRepeatingFreq.MONTHLY,
        byDay: [icsDay(recurrence.weekday)],
        bySetPos: [recurrence.nth],
      };
    case "monthly-day":
      // Day 29–31 falls back to the month's last day, as the schedule does.
      return recurrence.day <= 28
        ? { freq: ICalEventRepeatingFreq.MONTHLY, byMonthDay: [recurrence.day] }
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

/**
 * An RFC 5545 calendar of the series: one VEVENT with RRULE in the series' zone (with its
 * VTIMEZONE), EXDATE for dates skipped by holiday or by hand, and overriding instances
 * (RECURRENCE-ID) for occurrences moved to the next working day. Covers the coming year.
 */
export function meetingIcs(meeting: Meeting, skips: ReadonlySet<string>, now: Date): string {
  const zone = meeting.schedule.zone;
  const horizon = new Date(now.getTime() + 366 * 86_400_000);
  const entries = expand(meeting.schedule, now, { skips, until: horizon });
  const at = (local: LocalDateTime): DateTime => resolveLocal(local, zone);
  const first = entries[0];
  const cal = ical({ name: meeting.title, prodId: "//copbot//copbot//DE" });
  cal.timezone({ name: zone, generator: () => vtimezone(zone, DateTime.fromJSDate(now).year) });
  // With a calendar zone the library writes DTSTAMP as local time; RFC 5545 wants UTC.
  const stamp = `DTSTAMP:${DateTime.fromJSDate(now, { zone: "UTC" }).toFormat("yyyyMMdd'T'HHmmss")}Z`;
  const render = (): string => cal.toString().replace(/^DTSTAMP:.*$/gm, stamp);
  if (!first) return render();
  const base = {
    summary: meeting.title,
    timezone: zone,
    ...(meeting.link ? { url: meeting.link, location: meeting.link } : {}),
  };
  const uid = `meeting-${meeting.id}@copbot`;
  const event = (start: DateTime, extra: object) =>
    cal.createEvent({ ...base, ...extra, start, end: start.plus({ minutes: meeting.durationMinutes }) });
  const rule = rrule(meeting.schedule.recurrence);
  if (rule === undefined) {
    entries
      .filter(taking)
      .forEach((o) => event(at(o.local), { id: `meeting-${meeting.id}-${o.local}@copbot` }));
    return render();
  }
  const excluded = entries
    .filter((o) => o.status === "holiday" || o.status === "skipped")
    .map((o) => at(o.original));
  const exdate = (d: DateTime): string => `EXDATE;TZID=${zone}:${d.toFormat("yyyyMMdd'T'HHmmss")}`;
  const repeating =
    typeof rule === "string"
      ? [rule, ...excluded.map(exdate)].join("\r\n")
      : { ...rule, ...(excluded.length > 0 ? { exclude: excluded } : {}) };
  event(at(first.original), { id: uid, repeating });
  entries
    .filter((o) => o.status === "moved")
    .forEach((o) => event(at(o.local), { id: uid, recurrenceId: at(o.original) }));
  return render();
}

function taking(o: Occurrence): boolean {
  return o.status === "normal" || o.status === "moved";
}
