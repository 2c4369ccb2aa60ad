import { DateTime } from "luxon";
import { WEEKDAYS, type Nth, type Recurrence } from "../../../src/schedule/schedule";
import { recurrenceInWords } from "../../../src/schedule/natural/explain";
import { parseDate, parseRecurrence, parseTime } from "../../../src/schedule/natural";

/** A small seeded generator (mulberry32), so every run checks the same cases. */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return (((x ^ (x >>> 14)) >>> 0) % n) as number;
  };
}

const now = new Date("2026-11-30T08:00:00Z");
const value = <T>(result: { ok: true; value: T } | { ok: false }) => (result.ok ? result.value : undefined);

describe("round trips", () => {
  it("reads back every written form of 120 random days", () => {
    const pick = random(11);
    for (let i = 0; i < 120; i += 1) {
      const day = DateTime.fromISO("2026-11-30", { zone: "UTC" }).plus({ days: pick(1500) });
      const iso = day.toISODate();
      const forms = [
        day.toFormat("d.M.yyyy"),
        day.toFormat("dd.MM.yyyy"),
        day.toFormat("yyyy-MM-dd"),
        day.setLocale("de").toFormat("d. LLLL yyyy"),
        day.setLocale("de").toFormat("cccc, d.M.yyyy"),
        day.setLocale("en").toFormat("d LLL yyyy"),
        day.setLocale("en").toFormat("LLLL d, yyyy"),
      ];
      for (const form of forms)
        expect({ form, date: value(parseDate(form, { now })) }).toEqual({ form, date: iso });
    }
  });

  it("reads back every minute of the day in 24-hour, German and 12-hour writing", () => {
    for (let minute = 0; minute < 1440; minute += 1) {
      const time = DateTime.fromObject(
        { hour: Math.floor(minute / 60), minute: minute % 60 },
        { zone: "UTC" },
      );
      const expected = time.toFormat("HH:mm");
      for (const form of [
        time.toFormat("H:mm"),
        time.toFormat("H.mm 'Uhr'"),
        time.toFormat("h:mma").toLowerCase(),
      ]) {
        expect({ form, time: value(parseTime(form)) }).toEqual({ form, time: expected });
      }
    }
  });

  it("reads back 300 random recurrences as it words them, in German and English", () => {
    const pick = random(7);
    const nths: readonly Nth[] = [1, 2, 3, 4, -1];
    for (let i = 0; i < 300; i += 1) {
      const weekday = WEEKDAYS[pick(7)] ?? "mon";
      const time = `${String(pick(24)).padStart(2, "0")}:${String(pick(60)).padStart(2, "0")}`;
      const kinds: Recurrence[] = [
        { kind: "weekly", weekday, interval: 1 + pick(8), time },
        { kind: "monthly-weekday", nth: nths[pick(5)] ?? 1, weekday, time },
        { kind: "monthly-day", day: 1 + pick(31), time },
      ];
      const recurrence = kinds[pick(3)] ?? kinds[0];
      for (const lang of ["de", "en"] as const) {
        const words = recurrenceInWords(recurrence as Recurrence, lang);
        expect({ words, parsed: value(parseRecurrence(words, { now })) }).toEqual({
          words,
          parsed: recurrence,
        });
      }
    }
  });
});
