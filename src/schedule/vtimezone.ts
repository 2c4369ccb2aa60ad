import { DateTime } from "luxon";
import { offsetAt, yearOffsets } from "./local-time";

/** Offset in RFC 5545 form, e.g. `+0100`. */
function icsOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/**
 * A VTIMEZONE component for an IANA zone, so calendar clients read `TZID=` times correctly.
 * Zones with two yearly transitions get yearly rules (e.g. last Sunday of March/October);
 * others get their current fixed offset.
 */
export function vtimezone(zone: string, year: number): string {
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`];
  const { start, changes } = yearOffsets(zone, year);
  if (changes.length !== 2) {
    const offset = icsOffset(start);
    lines.push(
      "BEGIN:STANDARD",
      "DTSTART:19700101T000000",
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      "END:STANDARD",
    );
  } else {
    for (const { at, offset: to } of changes) {
      const from = offsetAt(zone, at - 60_000);
      // The wall-clock time just before the change, read in the old offset.
      const local = DateTime.fromMillis(at + from * 60_000, { zone: "UTC" });
      const nth = local.day + 7 > (local.daysInMonth ?? 31) ? -1 : Math.ceil(local.day / 7);
      const weekday = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][local.weekday - 1] ?? "SU";
      const kind = to > from ? "DAYLIGHT" : "STANDARD";
      lines.push(
        `BEGIN:${kind}`,
        `DTSTART:${local.toFormat("yyyyMMdd'T'HHmmss")}`,
        `TZOFFSETFROM:${icsOffset(from)}`,
        `TZOFFSETTO:${icsOffset(to)}`,
        `RRULE:FREQ=YEARLY;BYMONTH=${local.month};BYDAY=${nth}${weekday}`,
        `END:${kind}`,
      );
    }
  }
  lines.push("END:VTIMEZONE");
  return lines.join("\r\n");
}
