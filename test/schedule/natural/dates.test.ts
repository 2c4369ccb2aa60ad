import { parseDate, parseFutureDate, readDate } from "../../../src/schedule/natural";
import { t } from "../../../src/i18n";

/** Monday 30 November 2026, 09:00 in Berlin. */
const now = new Date("2026-11-30T08:00:00Z");
const date = (text: string, at = now, zone?: string) => {
  const result = parseDate(text, { now: at, ...(zone ? { zone } : {}) });
  return result.ok ? result.value : `error ${result.error.problem}`;
};

describe("dates", () => {
  it.each([
    ["7.1.2027", "2027-01-07"],
    ["07.01.2027", "2027-01-07"],
    ["7.1.27", "2027-01-07"],
    ["07.01.", "2027-01-07"],
    ["7.1.", "2027-01-07"],
    ["7.1", "2027-01-07"],
    ["2027-01-07", "2027-01-07"],
    ["7. Januar 2027", "2027-01-07"],
    ["7. Januar", "2027-01-07"],
    ["7. Jan. 2027", "2027-01-07"],
    ["am 7.1.", "2027-01-07"],
    ["heute", "2026-11-30"],
    ["morgen", "2026-12-01"],
    ["übermorgen", "2026-12-02"],
    ["uebermorgen", "2026-12-02"],
    ["gestern", "2026-11-29"],
    ["Dienstag", "2026-12-01"],
    ["nächsten Dienstag", "2026-12-01"],
    ["naechsten Mittwoch", "2026-12-02"],
    ["kommenden Freitag", "2026-12-04"],
    ["übernächsten Dienstag", "2026-12-08"],
    ["Montag, 7.6.2027", "2027-06-07"],
    ["Mo 7.6.2027", "2027-06-07"],
    ["Montag, 7. Juni 2027", "2027-06-07"],
    ["in 3 Tagen", "2026-12-03"],
    ["in zwei Wochen", "2026-12-14"],
    ["7 Jan 2027", "2027-01-07"],
    ["January 7th, 2027", "2027-01-07"],
    ["Jan 7", "2027-01-07"],
    ["today", "2026-11-30"],
    ["tomorrow", "2026-12-01"],
    ["the day after tomorrow", "2026-12-02"],
    ["next Tuesday", "2026-12-01"],
    ["in 3 days", "2026-12-03"],
    ["on 7 Jan 2027", "2027-01-07"],
  ])("reads %s", (text, expected) => {
    expect(date(text)).toBe(expected);
  });

  it("reads a weekday on that weekday as today, and `nächsten` as the one in 7 days", () => {
    expect(date("Montag")).toBe("2026-11-30");
    expect(date("diesen Montag")).toBe("2026-11-30");
    expect(date("this Monday")).toBe("2026-11-30");
    expect(date("nächsten Montag")).toBe("2026-12-07");
    expect(date("next Monday")).toBe("2026-12-07");
    expect(date("übernächsten Montag")).toBe("2026-12-14");
    // On a Sunday, the next Monday is tomorrow.
    expect(date("nächsten Montag", new Date("2026-11-29T10:00:00Z"))).toBe("2026-11-30");
  });

  it("takes the next such day for a date without a year, today included", () => {
    expect(date("30.11.")).toBe("2026-11-30");
    expect(date("29.11.")).toBe("2027-11-29");
    expect(date("30. November")).toBe("2026-11-30");
    expect(date("29. November")).toBe("2027-11-29");
    expect(date("29.02.")).toBe("2028-02-29");
  });

  it("decides today in the community's zone, whatever the server's zone", () => {
    // 23:30 UTC is already 00:30 the next day in Berlin, but 18:30 the same day in New York.
    const late = new Date("2026-11-30T23:30:00Z");
    expect(date("heute", late)).toBe("2026-12-01");
    expect(date("heute", late, "America/New_York")).toBe("2026-11-30");
    expect(date("morgen", late, "America/New_York")).toBe("2026-12-01");
    const serverZone = process.env["TZ"];
    try {
      for (const tz of ["Pacific/Kiritimati", "America/Los_Angeles"]) {
        process.env["TZ"] = tz;
        expect([date("heute", late), date("in 3 Tagen", late), date("7. Januar", late)]).toEqual([
          "2026-12-01",
          "2026-12-04",
          "2027-01-07",
        ]);
      }
    } finally {
      if (serverZone === undefined) delete process.env["TZ"];
      else process.env["TZ"] = serverZone;
    }
  });

  it("counts calendar days across daylight-saving changes", () => {
    // 28 March 2027 has 23 hours in Berlin, 31 October 2027 has 25.
    const spring = new Date("2027-03-27T23:30:00Z");
    expect([date("heute", spring), date("morgen", spring), date("in 3 Tagen", spring)]).toEqual([
      "2027-03-28",
      "2027-03-29",
      "2027-03-31",
    ]);
    const autumn = new Date("2027-10-30T22:30:00Z");
    expect([date("heute", autumn), date("morgen", autumn), date("nächsten Sonntag", autumn)]).toEqual([
      "2027-10-31",
      "2027-11-01",
      "2027-11-07",
    ]);
  });

  it.each([
    ["31.02.2027", "date"],
    ["2027-02-30", "date"],
    ["31.04.", "date"],
    ["13.13.2027", "date"],
    ["nächste Woche", "date"],
    ["next month", "date"],
    ["7/1/2027", "date"],
    ["morgen 10 Uhr", "date"],
    ["irgendwann", "date"],
    ["Dienstag, 7.6.2027", "weekdayMismatch"],
    ["Tuesday, 7 June 2027", "weekdayMismatch"],
  ])("refuses %s (%s)", (text, problem) => {
    expect(date(text)).toBe(`error ${problem}`);
  });

  it("says what it understood and shows an example in the reader's language", () => {
    const de = parseDate("morgen früh", { now });
    expect(de.ok).toBe(false);
    if (de.ok) return;
    expect(de.error.params).toEqual({
      value: "früh",
      understood: "Verstanden habe ich: Dienstag, 1. Dezember 2026. ",
      example: "7.1.2027",
    });
    expect(t("de", de.error.key, de.error.params)).toMatch(
      /^Verstanden habe ich: Dienstag, 1\. Dezember 2026\. „früh“ verstehe ich nicht als Datum\./,
    );
    const en = parseDate("Tuesday 7.6.2027", { now, lang: "en" });
    expect(en.ok || t("en", en.error.key, en.error.params)).toBe(
      "I understood: Monday, 7 June 2027. “Tuesday 7.6.2027” does not add up: the weekday and the date disagree. Example: 7 Jan 2027",
    );
    const own = parseDate("", { now, example: "/cop away until 7.1.2027" });
    expect(own.ok || t("de", own.error.key, own.error.params)).toBe(
      "Es fehlt das Datum, z. B. 7.1.2027, 07.01., morgen oder nächsten Montag. Beispiel: /cop away until 7.1.2027",
    );
  });

  it("refuses a day before today where only future days make sense", () => {
    expect(parseFutureDate("heute", { now })).toEqual({ ok: true, value: "2026-11-30" });
    const past = parseFutureDate("2026-11-29", { now });
    expect(past.ok || [past.error.problem, past.error.params["value"]]).toEqual(["past", "2026-11-29"]);
    expect(parseFutureDate("gestern", { now }).ok).toBe(false);
  });

  it("reads a date inside a command line and says how many words it took", () => {
    const tokens = ["from", "Montag,", "7.", "Juni", "2027", "in", "#team"];
    expect(readDate(tokens, 1, { now })).toEqual({ ok: true, value: { date: "2027-06-07", used: 4 } });
    expect(readDate(["ab", "nächsten", "Montag", "tz", "UTC"], 1, { now })).toEqual({
      ok: true,
      value: { date: "2026-12-07", used: 2 },
    });
    expect(readDate(["morgen", "10", "Uhr"], 0, { now })).toEqual({
      ok: true,
      value: { date: "2026-12-01", used: 1 },
    });
    const bad = readDate(["skip", "1", "bald"], 2, { now });
    expect(bad.ok || bad.error.params["value"]).toBe("bald");
  });
});
