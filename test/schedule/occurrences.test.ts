import { DateTime } from "luxon";
import { resolveLocal } from "../../src/schedule/local-time";
import { expand, upcoming } from "../../src/schedule/occurrences";
import type { Schedule } from "../../src/schedule/schedule";

const weekly = (time: string, extra: Partial<Schedule> = {}): Schedule => ({
  recurrence: { kind: "weekly", weekday: "mon", interval: 1, time },
  zone: "Europe/Berlin",
  start: "2027-01-01",
  ...extra,
});

const utc = (d: Date): string => d.toISOString();

describe("occurrences in the schedule's zone", () => {
  it("keeps 10:00 local across the spring change (UTC offset +1 -> +2)", () => {
    const list = upcoming(weekly("10:00"), new Date("2027-03-15T00:00:00Z"), { count: 3 });
    expect(list.map((o) => o.local)).toEqual(["2027-03-15T10:00", "2027-03-22T10:00", "2027-03-29T10:00"]);
    expect(list.map((o) => utc(o.at))).toEqual([
      "2027-03-15T09:00:00.000Z",
      "2027-03-22T09:00:00.000Z",
      "2027-03-29T08:00:00.000Z",
    ]);
  });

  it("keeps 10:00 local across the autumn change (UTC offset +2 -> +1)", () => {
    const list = upcoming(weekly("10:00"), new Date("2027-10-20T00:00:00Z"), { count: 2 });
    expect(list.map((o) => utc(o.at))).toEqual(["2027-10-25T08:00:00.000Z", "2027-11-01T09:00:00.000Z"]);
    expect(list[0]?.local).toBe("2027-10-25T10:00");
  });

  it("moves a time in the spring-forward gap to the first valid minute after it", () => {
    const at = resolveLocal("2027-03-28T02:30", "Europe/Berlin");
    expect(at.toISO()).toBe("2027-03-28T03:00:00.000+02:00");
  });

  it("takes the first of the two ambiguous autumn times", () => {
    const at = resolveLocal("2027-10-31T02:30", "Europe/Berlin");
    expect(at.toISO()).toBe("2027-10-31T02:30:00.000+02:00");
    expect(resolveLocal("2027-10-31T03:30", "Europe/Berlin").toISO()).toBe("2027-10-31T03:30:00.000+01:00");
  });

  it("computes other zones in their own rules (New York changes two weeks earlier)", () => {
    const list = upcoming(weekly("10:00", { zone: "America/New_York" }), new Date("2027-03-08T00:00:00Z"), {
      count: 2,
    });
    expect(list.map((o) => utc(o.at))).toEqual(["2027-03-08T15:00:00.000Z", "2027-03-15T14:00:00.000Z"]);
  });

  it("repeats every N weeks from the start date", () => {
    const s: Schedule = {
      ...weekly("10:00"),
      recurrence: { kind: "weekly", weekday: "tue", interval: 2, time: "10:00" },
    };
    const list = upcoming(s, new Date("2027-02-01T00:00:00Z"), { count: 3 });
    // 2027-01-01 is a Friday: the series starts Tue 5 January and runs every other week.
    expect(list.map((o) => o.local)).toEqual(["2027-02-02T10:00", "2027-02-16T10:00", "2027-03-02T10:00"]);
  });

  it("finds the first and last weekday of a month and clamps day 31", () => {
    const first: Schedule = {
      ...weekly("10:00"),
      recurrence: { kind: "monthly-weekday", nth: 1, weekday: "tue", time: "10:00" },
    };
    expect(upcoming(first, new Date("2027-01-01T00:00:00Z"), { count: 3 }).map((o) => o.local)).toEqual([
      "2027-01-05T10:00",
      "2027-02-02T10:00",
      "2027-03-02T10:00",
    ]);
    const last: Schedule = {
      ...weekly("10:00"),
      recurrence: { kind: "monthly-weekday", nth: -1, weekday: "fri", time: "09:00" },
    };
    expect(upcoming(last, new Date("2027-01-01T00:00:00Z"), { count: 2 }).map((o) => o.local)).toEqual([
      "2027-01-29T09:00",
      "2027-02-26T09:00",
    ]);
    const day31: Schedule = {
      ...weekly("10:00"),
      recurrence: { kind: "monthly-day", day: 31, time: "10:00" },
    };
    expect(upcoming(day31, new Date("2027-01-01T00:00:00Z"), { count: 3 }).map((o) => o.local)).toEqual([
      "2027-01-31T10:00",
      "2027-02-28T10:00",
      "2027-03-31T10:00",
    ]);
  });

  it("evaluates cron on local wall-clock time, so it keeps local time across DST too", () => {
    const s: Schedule = { ...weekly("10:00"), recurrence: { kind: "cron", expression: "30 9 * * 1,3" } };
    const list = upcoming(s, new Date("2027-03-24T00:00:00Z"), { count: 3 });
    expect(list.map((o) => o.local)).toEqual(["2027-03-24T09:30", "2027-03-29T09:30", "2027-03-31T09:30"]);
    expect(utc(list[0]?.at ?? new Date(0))).toBe("2027-03-24T08:30:00.000Z");
    expect(utc(list[1]?.at ?? new Date(0))).toBe("2027-03-29T07:30:00.000Z");
  });

  it("skips a public holiday (Ostermontag in Bavaria) when the rule says skip", () => {
    const s = weekly("10:00", { holidays: { region: "DE-BY", rule: "skip" } });
    const all = expand(s, new Date("2027-03-20T00:00:00Z"), { count: 2 });
    expect(all.map((o) => [o.local, o.status, o.holiday])).toEqual([
      ["2027-03-22T10:00", "normal", undefined],
      ["2027-03-29T10:00", "holiday", "Ostermontag"],
      ["2027-04-05T10:00", "normal", undefined],
    ]);
  });

  it("moves a holiday to the next working day when the rule says move", () => {
    const s = weekly("10:00", { holidays: { region: "DE-BY", rule: "move" } });
    const list = upcoming(s, new Date("2027-03-23T00:00:00Z"), { count: 2 });
    expect(list.map((o) => [o.local, o.status, o.original])).toEqual([
      ["2027-03-30T10:00", "moved", "2027-03-29T10:00"],
      ["2027-04-05T10:00", "normal", "2027-04-05T10:00"],
    ]);
    expect(utc(list[0]?.at ?? new Date(0))).toBe("2027-03-30T08:00:00.000Z");
  });

  it("moves past a long weekend of holidays (Christmas) and knows Bundesland holidays", () => {
    const s: Schedule = {
      ...weekly("10:00"),
      recurrence: { kind: "monthly-day", day: 25, time: "10:00" },
      holidays: { region: "DE", rule: "move" },
    };
    expect(upcoming(s, new Date("2027-12-01T00:00:00Z"), { count: 1 })[0]?.local).toBe("2027-12-27T10:00");
    const thursday: Schedule = {
      ...weekly("10:00"),
      recurrence: { kind: "weekly", weekday: "thu", interval: 1, time: "10:00" },
      holidays: { region: "DE-BY", rule: "skip" },
    };
    const nrw = { ...thursday, holidays: { region: "DE-BE", rule: "skip" as const } };
    const fronleichnam = new Date("2027-05-26T00:00:00Z");
    expect(expand(thursday, fronleichnam, { count: 1 })[0]?.status).toBe("holiday");
    expect(expand(nrw, fronleichnam, { count: 1 })[0]?.status).toBe("normal");
  });

  it("marks dates a moderator skipped and does not count them", () => {
    const list = expand(weekly("10:00"), new Date("2027-03-01T00:00:00Z"), {
      count: 2,
      skips: new Set(["2027-03-08"]),
    });
    expect(list.map((o) => [o.local, o.status])).toEqual([
      ["2027-03-01T10:00", "normal"],
      ["2027-03-08T10:00", "skipped"],
      ["2027-03-15T10:00", "normal"],
    ]);
  });

  it("never starts before the start date and stops at until", () => {
    const s = weekly("10:00", { start: "2027-06-01" });
    expect(upcoming(s, new Date("2027-01-01T00:00:00Z"), { count: 1 })[0]?.local).toBe("2027-06-07T10:00");
    const until = DateTime.fromISO("2027-06-20T00:00:00Z").toJSDate();
    expect(upcoming(s, new Date("2027-01-01T00:00:00Z"), { until }).length).toBe(2);
  });
});

describe("rule times kept per series (a catch-up expands each series several times)", () => {
  /** Every local date-time at `time` on the days `on` accepts, strictly after `after`'s date. */
  const expected = (after: string, count: number, time: string, on: (d: Date) => boolean): string[] => {
    const result: string[] = [];
    for (
      let d = new Date(`${after}T00:00:00Z`);
      result.length < count;
      d = new Date(d.getTime() + 86_400_000)
    ) {
      const local = `${d.toISOString().slice(0, 10)}T${time}`;
      if (on(d) && local > `${after}T12:00`) result.push(local);
    }
    return result;
  };
  const workdays = (d: Date): boolean => d.getUTCDay() >= 1 && d.getUTCDay() <= 5;
  const mondays = (d: Date): boolean => d.getUTCDay() === 1;
  const cron: Schedule = {
    recurrence: { kind: "cron", expression: "30 9 * * 1-5" },
    zone: "Europe/Berlin",
    start: "2027-01-01",
  };

  it("gives the same dates in any order of expansion, and beyond what it keeps", () => {
    for (const [schedule, time, on] of [
      [cron, "09:30", workdays],
      [weekly("10:00"), "10:00", mondays],
    ] as const) {
      // Later dates first, then earlier ones (a new run), then the same again (kept).
      for (const after of ["2027-03-10", "2027-02-01", "2027-03-12", "2027-02-01", "2027-01-05"]) {
        const list = upcoming(schedule, new Date(`${after}T11:00:00Z`), { count: 5 });
        expect(list.map((o) => o.local)).toEqual(expected(after, 5, time, on));
      }
      // More dates than a series keeps (a calendar export): computed on, in order, none twice.
      const long = upcoming(schedule, new Date("2027-01-05T11:00:00Z"), { count: 150 });
      expect(long.map((o) => o.local)).toEqual(expected("2027-01-05", 150, time, on));
    }
  });
});
