import { upcoming } from "../../../src/schedule/occurrences";
import type { Recurrence } from "../../../src/schedule/schedule";
import { ScheduleSchema } from "../../../src/schedule/schedule-schema";
import { t } from "../../../src/i18n";
import { parseRecurrence, readRecurrenceAt, recurrenceAhead } from "../../../src/schedule/natural";

const now = new Date("2026-11-30T08:00:00Z");
const rule = (text: string, base?: Recurrence) => {
  const result = parseRecurrence(text, { now }, base);
  return result.ok ? result.value : { problem: result.error.problem, value: result.error.params["value"] };
};
const weekly = (weekday: string, time: string, interval = 1) => ({ kind: "weekly", weekday, interval, time });
const cron = (expression: string) => ({ kind: "cron", expression });

describe("recurrences", () => {
  it.each([
    ["jeden Montag 10 Uhr", weekly("mon", "10:00")],
    ["jeden Montag um 10:30", weekly("mon", "10:30")],
    ["montags 10.30 Uhr", weekly("mon", "10:30")],
    ["Montag 10 Uhr", weekly("mon", "10:00")],
    ["wöchentlich am Dienstag um 9 Uhr", weekly("tue", "09:00")],
    ["alle 2 Wochen Montag 10 Uhr", weekly("mon", "10:00", 2)],
    ["alle 2 Wochen am Mo um 10 Uhr", weekly("mon", "10:00", 2)],
    ["Montag 10 Uhr alle 2 Wochen", weekly("mon", "10:00", 2)],
    ["alle 14 Tage Mi 15 Uhr", weekly("wed", "15:00", 2)],
    ["jeden zweiten Montag 10 Uhr", weekly("mon", "10:00", 2)],
    ["jede zweite Woche Do 10 Uhr", weekly("thu", "10:00", 2)],
    ["zweiwöchentlich Freitag 14 Uhr", weekly("fri", "14:00", 2)],
    ["vierzehntägig Fr 14 Uhr", weekly("fri", "14:00", 2)],
    [
      "monatlich am ersten Dienstag 10 Uhr",
      { kind: "monthly-weekday", nth: 1, weekday: "tue", time: "10:00" },
    ],
    [
      "jeden ersten Dienstag im Monat um 10 Uhr",
      { kind: "monthly-weekday", nth: 1, weekday: "tue", time: "10:00" },
    ],
    [
      "jeden zweiten Dienstag im Monat 10 Uhr",
      { kind: "monthly-weekday", nth: 2, weekday: "tue", time: "10:00" },
    ],
    ["jeden letzten Freitag 16 Uhr", { kind: "monthly-weekday", nth: -1, weekday: "fri", time: "16:00" }],
    ["am 3. Mittwoch im Monat 9 Uhr", { kind: "monthly-weekday", nth: 3, weekday: "wed", time: "09:00" }],
    ["monatlich am 15. um 10 Uhr", { kind: "monthly-day", day: 15, time: "10:00" }],
    ["am 15. jeden Monats 10 Uhr", { kind: "monthly-day", day: 15, time: "10:00" }],
    ["werktags 9 Uhr", cron("0 9 * * 1-5")],
    ["wochentags um 8.30 Uhr", cron("30 8 * * 1-5")],
    ["Mo-Fr 9 Uhr", cron("0 9 * * 1-5")],
    ["Montag bis Freitag 9 Uhr", cron("0 9 * * 1-5")],
    ["Mo und Do 14 Uhr", cron("0 14 * * 1,4")],
    ["jeden Montag, Mittwoch und Freitag 7:45", cron("45 7 * * 1,3,5")],
    ["Sa und So 10 Uhr", cron("0 10 * * 6,7")],
    ["every Monday 10:00", weekly("mon", "10:00")],
    ["every Monday at 10am", weekly("mon", "10:00")],
    ["mondays 2:30pm", weekly("mon", "14:30")],
    ["every 2 weeks on Tuesday at 9:30", weekly("tue", "09:30", 2)],
    ["every other Monday 10am", weekly("mon", "10:00", 2)],
    ["biweekly Thu 4pm", weekly("thu", "16:00", 2)],
    [
      "monthly on the first Tuesday at 10:00",
      { kind: "monthly-weekday", nth: 1, weekday: "tue", time: "10:00" },
    ],
    [
      "every last Friday of the month 4pm",
      { kind: "monthly-weekday", nth: -1, weekday: "fri", time: "16:00" },
    ],
    ["on the 15th of each month at 10am", { kind: "monthly-day", day: 15, time: "10:00" }],
    ["weekdays 9am", cron("0 9 * * 1-5")],
    ["every weekday at 9am", cron("0 9 * * 1-5")],
  ])("reads %s", (text, expected) => {
    expect(rule(text)).toEqual(expected);
  });

  it.each([
    ["weekly mon 10:00", weekly("mon", "10:00")],
    ["wöchentlich Mo 9:30", weekly("mon", "09:30")],
    ["every 2 weeks Di 9:30", weekly("tue", "09:30", 2)],
    ["alle 3 wochen fr 14:00", weekly("fri", "14:00", 3)],
    ["monthly first tue 10:00", { kind: "monthly-weekday", nth: 1, weekday: "tue", time: "10:00" }],
    ["monatlich letzter fr 16:00", { kind: "monthly-weekday", nth: -1, weekday: "fri", time: "16:00" }],
    ["monthly 15 10:00", { kind: "monthly-day", day: 15, time: "10:00" }],
  ])("keeps the older form %s", (text, expected) => {
    expect(rule(text)).toEqual(expected);
  });

  it("reads a cron rule (one token, as the tokenizer leaves a quoted one) at most once a day", () => {
    expect(readRecurrenceAt(["cron", "0 10 * * 1", "in", "#x"], 0, { now })).toEqual({
      ok: true,
      value: { recurrence: cron("0 10 * * 1"), used: 2 },
    });
    const often = readRecurrenceAt(["cron", "0 9-17 * * 1-5"], 0, { now });
    expect(often.ok || often.error.problem).toBe("cronFrequent");
    const bad = readRecurrenceAt(["cron", "61 * * * *"], 0, { now });
    expect(bad.ok || [bad.error.problem, bad.error.params["value"]]).toEqual(["cron", "61 * * * *"]);
  });

  it.each([
    ["weekly mon 25:00", "time", "25:00"],
    ["weekly mon", "time", ""],
    ["jeden Montag 25 Uhr", "time", "25 Uhr"],
    ["weekly funday 10:00", "weekday", "funday"],
    ["alle 2 Wochen", "weekday", ""],
    ["monatlich am ersten Dienstag", "time", ""],
    ["every two weeks mon 10:00", "interval", "every two weeks"],
    ["alle zwei Wochen Mo 10 Uhr", "interval", "alle zwei Wochen"],
    ["alle 10 Tage Mo 10 Uhr", "interval", "alle 10 Tage"],
    ["alle 53 Wochen Mo 10 Uhr", "interval", "alle 53 Wochen"],
    ["monthly 32 10:00", "monthDay", "32"],
    ["monthly fifth mon 10:00", "ordinal", "fifth"],
    ["am fünften Montag 10 Uhr", "ordinal", "fünften"],
    ["monthly 10:00", "ordinal", ""],
    ["monthly first 10:00", "weekday", "10:00"],
    ["daily 10:00", "recurrence", "daily"],
    ["10 Uhr", "recurrence", "10 Uhr"],
    ["jeden Montag 10 Uhr bald", "recurrence", "bald"],
    ["alle 2 Wochen Mo und Do 10 Uhr", "combination", "alle 2 Wochen Mo und Do 10 Uhr"],
    ["werktags Montag 9 Uhr", "combination", "werktags Montag 9 Uhr"],
    ["monatlich am 15. am ersten Montag 10 Uhr", "combination", "monatlich am 15. am ersten Montag 10 Uhr"],
  ])("refuses %s: %s at %j", (text, problem, value) => {
    expect(rule(text)).toEqual({ problem, value });
  });

  it("says what it understood, in the reader's language", () => {
    const de = parseRecurrence("alle 2 Wochen", { now });
    expect(de.ok || t("de", de.error.key, de.error.params)).toBe(
      "Verstanden habe ich: alle 2 Wochen. Es fehlt der Wochentag, z. B. Montag oder Mo. Beispiel: jeden Montag 10 Uhr",
    );
    const en = parseRecurrence("monthly on the first Tuesday", { now, lang: "en" });
    expect(en.ok || t("en", en.error.key, en.error.params)).toBe(
      "I understood: monthly on the first Tuesday. The time is missing, e.g. 10:00, 10am or 2:30pm. Example: every Monday 10:00",
    );
    const late = parseRecurrence("jeden Montag 25 Uhr", {
      now,
      example: 'meeting add "X" jeden Montag 10 Uhr',
    });
    expect(late.ok || t("de", late.error.key, late.error.params)).toBe(
      'Verstanden habe ich: jeden Montag. „25 Uhr“ ist keine gültige Uhrzeit (00:00 bis 23:59; z. B. 10 Uhr, 10:30, 10.30 Uhr). Beispiel: meeting add "X" jeden Montag 10 Uhr',
    );
  });

  it("completes an edit from the rule being edited", () => {
    const base = weekly("tue", "09:30", 2) as Recurrence;
    expect(rule("alle 3 Wochen", base)).toEqual(weekly("tue", "09:30", 3));
    expect(rule("um 11 Uhr", base)).toEqual(weekly("tue", "11:00", 2));
    expect(rule("jeden Donnerstag", base)).toEqual(weekly("thu", "09:30"));
    expect(rule("monatlich am ersten Dienstag", base)).toEqual({
      kind: "monthly-weekday",
      nth: 1,
      weekday: "tue",
      time: "09:30",
    });
    const monthly: Recurrence = { kind: "monthly-day", day: 15, time: "10:00" };
    expect(rule("monatlich 16 Uhr", monthly)).toEqual({ kind: "monthly-day", day: 15, time: "16:00" });
  });

  it("stops before the options that follow a rule", () => {
    const tokens = ["jeden", "Montag", "10", "Uhr", "in", "#allgemein", "duration", "1h"];
    expect(readRecurrenceAt(tokens, 0, { now })).toEqual({
      ok: true,
      value: { recurrence: weekly("mon", "10:00"), used: 4 },
    });
    expect(recurrenceAhead(tokens, 0)).toBe(true);
    expect(recurrenceAhead(tokens, 4)).toBe(false);
    expect(recurrenceAhead(["um", "11", "Uhr"], 0)).toBe(true);
  });

  it("produces the structure schedules store, with the occurrences it promises", () => {
    const schedule = (text: string) =>
      ScheduleSchema.parse({ recurrence: rule(text), zone: "Europe/Berlin", start: "2026-11-30" });
    const dates = (text: string, count: number) =>
      upcoming(schedule(text), now, { count }).map((o) => o.local);
    // Now is 09:00 on Monday: today's 09:00 has passed.
    expect(dates("werktags 9 Uhr", 5)).toEqual([
      "2026-12-01T09:00",
      "2026-12-02T09:00",
      "2026-12-03T09:00",
      "2026-12-04T09:00",
      "2026-12-07T09:00",
    ]);
    expect(dates("jeden zweiten Montag 10 Uhr", 3)).toEqual([
      "2026-11-30T10:00",
      "2026-12-14T10:00",
      "2026-12-28T10:00",
    ]);
    expect(dates("monatlich am ersten Dienstag 10 Uhr", 2)).toEqual(["2026-12-01T10:00", "2027-01-05T10:00"]);
    expect(dates("Sa und So 10 Uhr", 2)).toEqual(["2026-12-05T10:00", "2026-12-06T10:00"]);
  });
});
