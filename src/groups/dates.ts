import { DateTime } from "luxon";

/** Parses `2027-02-15` or `15.02.2027` (also `15.2.2027`) as a calendar day in `zone`. */
export function parseDate(raw: string, zone: string): DateTime | undefined {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const parts = iso
    ? { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) }
    : german
      ? { year: Number(german[3]), month: Number(german[2]), day: Number(german[1]) }
      : undefined;
  if (!parts) return undefined;
  const date = DateTime.fromObject(parts, { zone });
  return date.isValid ? date : undefined;
}

/** The calendar day of an instant in `zone`, as an ISO date. */
export function dayOf(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate() ?? at.toISOString().slice(0, 10);
}

/** The instant of a local time of day on a calendar day in `zone`. */
export function atLocal(isoDate: string, hour: number, zone: string): Date {
  return DateTime.fromISO(isoDate, { zone }).set({ hour, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}
