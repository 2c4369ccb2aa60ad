import { parseDuration } from "../../src/meetings/parse-fields";
import { parseSpec } from "../../src/meetings/parse-spec";

const now = new Date("2027-03-01T08:00:00Z");
const add = (line: string) => parseSpec(tokens(line), "meeting", "add", now);

/** Splits like the command tokenizer does for these simple lines (double quotes only). */
function tokens(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? "");
}

describe("schedule grammar", () => {
  it("parses every recurrence with its options", () => {
    const weekly = add('"CoP-Treffen" weekly mon 10:00 in #allgemein');
    expect(weekly).toEqual({
      ok: true,
      value: {
        title: "CoP-Treffen",
        recurrence: { kind: "weekly", weekday: "mon", interval: 1, time: "10:00" },
        channelRef: "#allgemein",
      },
    });
    const full = add(
      '"Jour fixe" every 2 weeks Di 9:30 duration 1h30m tz Europe/Vienna remind 2d,1h,15m link https://meet.example.org/x holidays de-nw move from 2027-04-01 in #team',
    );
    expect(full.ok && full.value).toEqual({
      title: "Jour fixe",
      recurrence: { kind: "weekly", weekday: "tue", interval: 2, time: "09:30" },
      durationMinutes: 90,
      zone: "Europe/Vienna",
      remindMinutes: [2880, 60, 15],
      link: "https://meet.example.org/x",
      holidays: { region: "DE-NW", rule: "move" },
      start: "2027-04-01",
      channelRef: "#team",
    });
    expect(add('"A" monthly first tue 10:00').ok && add('"A" monthly first tue 10:00')).toMatchObject({
      value: { recurrence: { kind: "monthly-weekday", nth: 1, weekday: "tue", time: "10:00" } },
    });
    expect(add('"A" monthly last fri 16:00')).toMatchObject({
      value: { recurrence: { nth: -1, weekday: "fri" } },
    });
    expect(add('"A" monthly 15 10:00')).toMatchObject({
      value: { recurrence: { kind: "monthly-day", day: 15 } },
    });
    expect(add('"A" cron "0 10 * * 1"')).toMatchObject({
      value: { recurrence: { kind: "cron", expression: "0 10 * * 1" } },
    });
    expect(add('"A" weekly mon 10:00 holidays DE')).toMatchObject({
      value: { holidays: { region: "DE", rule: "skip" } },
    });
    expect(add('"A" weekly mon 10:00 remind none')).toMatchObject({ value: { remindMinutes: [] } });
  });

  it("stores zones in their canonical spelling and takes -, off, keine, none to switch options off", () => {
    expect(add('"A" weekly mon 10:00 tz europe/berlin')).toMatchObject({ value: { zone: "Europe/Berlin" } });
    expect(add('"A" weekly mon 10:00 tz utc')).toMatchObject({ value: { zone: "UTC" } });
    for (const off of ["-", "off", "keine", "none", "Keine"]) {
      const edit = parseSpec(tokens(`link ${off} holidays ${off} remind ${off}`), "meeting", "edit", now);
      expect(edit).toEqual({ ok: true, value: { link: null, holidays: null, remindMinutes: [] } });
    }
  });

  it("accepts a cron rule that fires at most once a day", () => {
    expect(add('"A" cron "30 9 * * 1-5"')).toMatchObject({
      ok: true,
      value: { recurrence: { kind: "cron", expression: "30 9 * * 1-5" } },
    });
  });

  it.each(["remind 1h", "link https://meet.example.org/x", "duration 1h"])(
    "refuses the meeting-only option %s for check-ins",
    (option) => {
      const line = `"C" weekly fri 14:00 questions "A?" ${option}`;
      const result = parseSpec(tokens(line), "checkin", "add", now);
      expect(result).toMatchObject({
        ok: false,
        error: { key: "checkin.error.meetingOnly", params: { value: option.split(" ")[0] } },
      });
    },
  );

  it("edits show the edit example they are given", () => {
    const result = parseSpec(
      tokens("weekly mon 25:00"),
      "meeting",
      "edit",
      now,
      "meeting edit 2 weekly tue 09:30",
    );
    expect(result).toMatchObject({
      ok: false,
      error: { params: { example: "meeting edit 2 weekly tue 09:30" } },
    });
  });

  it("edits take options only, and can clear link and holidays", () => {
    const edit = parseSpec(
      tokens('weekly tue 11:00 title "Neu" link none holidays none'),
      "meeting",
      "edit",
      now,
    );
    expect(edit).toEqual({
      ok: true,
      value: {
        recurrence: { kind: "weekly", weekday: "tue", interval: 1, time: "11:00" },
        title: "Neu",
        link: null,
        holidays: null,
      },
    });
  });

  it.each([
    ['"A" weekly mon 25:00', "meeting.error.time", "25:00"],
    ['"A" weekly mon 10:60', "meeting.error.time", "10:60"],
    ['"A" weekly mon', "meeting.error.time", ""],
    ['"A" weekly funday 10:00', "meeting.error.weekday", "funday"],
    ['"A" weekly mon 10:00 tz Mars/Olympus', "meeting.error.zone", "Mars/Olympus"],
    ['"A" cron "0 25 * * *"', "meeting.error.cron", "0 25 * * *"],
    ['"A" cron "every monday"', "meeting.error.cron", "every monday"],
    ['"A" cron "0 10 1 * 1"', "meeting.error.cron", "0 10 1 * 1"],
    ['"A" cron "0 10 31 2 *"', "meeting.error.cron", "0 10 31 2 *"],
    ['"A" weekly mon 10:00 from 2027-02-28', "meeting.error.past", "2027-02-28"],
    ['"A" weekly mon 10:00 from 2027-02-30', "meeting.error.date", "2027-02-30"],
    ['"A" weekly mon 10:00 holidays XX-YY', "meeting.error.holidays", "XX-YY"],
    ['"A" weekly mon 10:00 holidays DE-ZZ', "meeting.error.holidays", "DE-ZZ"],
    ['"A" weekly mon 10:00 duration 0m', "meeting.error.duration", "0m"],
    ['"A" weekly mon 10:00 remind 1x', "meeting.error.remind", "1x"],
    ['"A" weekly mon 10:00 link javascript:alert(1)', "meeting.error.link", "javascript:alert(1)"],
    ['"A" weekly mon 10:00 questions "a|b"', "meeting.error.checkinOnly", "questions"],
    ['"A" weekly mon 10:00 deadline 4h', "meeting.error.checkinOnly", "deadline"],
    ['"A" cron "* * * * *"', "meeting.error.cronFrequent", "* * * * *"],
    ['"A" cron "0 * * * *"', "meeting.error.cronFrequent", "0 * * * *"],
    ['"A" cron "0,30 9 * * 1"', "meeting.error.cronFrequent", "0,30 9 * * 1"],
    ['"A" cron "0 9-17 * * 1-5"', "meeting.error.cronFrequent", "0 9-17 * * 1-5"],
    ['"A" weekly mon 10:00 colour blue', "meeting.error.option", "colour"],
    ['"A" daily 10:00', "meeting.error.recurrence", "daily"],
    ['"A" every two weeks mon 10:00', "meeting.error.interval", "every two weeks"],
    ['"A" monthly 32 10:00', "meeting.error.monthDay", "32"],
    ['"A" monthly fifth mon 10:00', "meeting.error.ordinal", "fifth"],
    ['"A"', "meeting.error.title", undefined],
    [`"${"x".repeat(121)}" weekly mon 10:00`, "meeting.error.titleLong", undefined],
  ])("%s fails with %s and a valid example", (line, key, value) => {
    const result = add(line);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.key).toBe(key);
    // A wrong `from` date gets an example with a valid one (today).
    const from = line.includes(" from ") ? " from 2027-03-01" : "";
    expect(result.error.params["example"]).toBe(
      `meeting add "CoP-Treffen" weekly mon 10:00 in #allgemein${from}`,
    );
    if (value !== undefined) expect(result.error.params["value"]).toBe(value);
  });

  it("reads durations", () => {
    expect([parseDuration("90m"), parseDuration("1h30m"), parseDuration("2d"), parseDuration("1h")]).toEqual([
      90, 90, 2880, 60,
    ]);
    expect([parseDuration(""), parseDuration("h"), parseDuration("0m"), parseDuration("5")]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
