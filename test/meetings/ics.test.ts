import { meetingIcs } from "../../src/meetings/meeting-ics";
import type { Meeting } from "../../src/meetings/meeting-repo";
import type { Recurrence } from "../../src/schedule/schedule";
import { vtimezone } from "../../src/schedule/vtimezone";

const now = new Date("2027-03-01T07:00:00Z");

function meeting(recurrence: Recurrence, zone = "Europe/Berlin"): Meeting {
  return {
    id: 3,
    title: "Runde",
    channelId: "console:team",
    schedule: { recurrence, zone, start: "2027-01-01" },
    durationMinutes: 45,
    remindMinutes: [15],
    link: undefined,
    createdBy: "console:admin",
    state: "active",
    revision: 1,
  };
}

/** Content lines, unfolded (RFC 5545 folds lines longer than 75 octets). */
const lines = (ics: string): string[] => ics.replace(/\r\n[ \t]/g, "").split("\r\n");

describe("calendar files", () => {
  it("writes monthly rules, clamping day 31 to the month's last day like the schedule", () => {
    const first = lines(
      meetingIcs(meeting({ kind: "monthly-weekday", nth: 1, weekday: "tue", time: "10:00" }), new Set(), now),
    );
    expect(first).toContain("RRULE:FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1;UNTIL=20280301T070000Z");
    expect(first).toContain("DTSTART;TZID=Europe/Berlin:20270302T100000");
    expect(first).toContain("DTEND;TZID=Europe/Berlin:20270302T104500");
    const last = lines(meetingIcs(meeting({ kind: "monthly-day", day: 31, time: "10:00" }), new Set(), now));
    expect(last).toContain("RRULE:FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1;UNTIL=20280301T070000Z");
  });

  it("turns cron expressions into RRULE and excludes skipped dates", () => {
    const ics = lines(
      meetingIcs(meeting({ kind: "cron", expression: "30 9 * * 1-5" }), new Set(["2027-03-03"]), now),
    );
    expect(ics).toContain(
      "RRULE:FREQ=DAILY;BYMINUTE=30;BYHOUR=9;BYDAY=MO,TU,WE,TH,FR;UNTIL=20280301T070000Z",
    );
    expect(ics).toContain("EXDATE;TZID=Europe/Berlin:20270303T093000");
  });

  it("lists single events for cron expressions RRULE cannot express", () => {
    const ics = meetingIcs(meeting({ kind: "cron", expression: "0 10 L * *" }), new Set(), now);
    expect(ics).not.toContain("RRULE:FREQ=DAILY");
    expect(ics).toContain("UID:meeting-3-2027-03-31T10:00@copbot");
  });

  it("ends the series where its holidays are known, canonical zone names, zone rules before the start", () => {
    const weekly = { kind: "weekly", weekday: "mon", interval: 1, time: "10:00" } as const;
    const withHoliday = { ...meeting(weekly, "europe/berlin") };
    const ics = lines(
      meetingIcs(
        {
          ...withHoliday,
          schedule: { ...withHoliday.schedule, holidays: { region: "DE-BY", rule: "skip" } },
        },
        new Set(),
        now,
      ),
    );
    // One year of holidays as EXDATE (Ostermontag 2027), and the RRULE stops there: no
    // meetings on the holidays of 2028 that the file does not know about.
    expect(ics).toContain("EXDATE;TZID=Europe/Berlin:20270329T100000");
    expect(ics).toContain("RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;UNTIL=20280301T070000Z");
    expect(ics.filter((l) => l.includes("TZID"))).not.toEqual(
      expect.arrayContaining([expect.stringContaining("europe/berlin")]),
    );
    expect(ics).toContain("TZID:Europe/Berlin");
    // The first date is 2027-03-01 (winter time): the observances start in 2026, before it.
    expect(ics).toContain("DTSTART;TZID=Europe/Berlin:20270301T100000");
    expect(ics).toContain("DTSTART:20261025T030000");
  });

  it("lists a date in the spring-forward gap at the time copbot uses, not the nominal one", () => {
    const sunday = { kind: "weekly", weekday: "sun", interval: 1, time: "02:30" } as const;
    const ics = lines(meetingIcs(meeting(sunday), new Set(), now));
    // 2027-03-28 02:30 does not exist in Berlin: copbot meets at 03:00, calendar apps would
    // read the repeated 02:30 as 03:30.
    expect(ics).toContain("DTSTART;TZID=Europe/Berlin:20270307T023000");
    expect(ics).toContain("EXDATE;TZID=Europe/Berlin:20270328T023000");
    expect(ics).toContain("RDATE;TZID=Europe/Berlin:20270328T030000");
    expect(ics.filter((l) => /^(EXDATE|RDATE)/.test(l))).toHaveLength(2);

    const onGap = lines(meetingIcs(meeting(sunday), new Set(), new Date("2027-03-27T12:00:00Z")));
    expect(onGap).toContain("DTSTART;TZID=Europe/Berlin:20270404T023000");
    expect(onGap).toContain("RDATE;TZID=Europe/Berlin:20270328T030000");
  });

  it("moves a holiday in the gap by its nominal time, so no instance points at a time that does not exist", () => {
    const sunday = meeting({ kind: "weekly", weekday: "sun", interval: 1, time: "02:30" });
    // Ostersonntag 2027 (a holiday in Brandenburg) is the day clocks go forward.
    const moving: Meeting = {
      ...sunday,
      schedule: { ...sunday.schedule, holidays: { region: "DE-BB", rule: "move" } },
    };
    const ics = lines(meetingIcs(moving, new Set(), now));
    expect(ics).toContain("EXDATE;TZID=Europe/Berlin:20270328T023000");
    expect(ics).toContain("RDATE;TZID=Europe/Berlin:20270330T023000");
    expect(ics.some((l) => l.startsWith("RECURRENCE-ID") && l.includes("20270328"))).toBe(false);
  });

  it("describes the zone's daylight-saving rules, or a fixed offset", () => {
    expect(lines(vtimezone("Europe/Berlin", 2027))).toEqual([
      "BEGIN:VTIMEZONE",
      "TZID:Europe/Berlin",
      "BEGIN:DAYLIGHT",
      "DTSTART:20270328T020000",
      "TZOFFSETFROM:+0100",
      "TZOFFSETTO:+0200",
      "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
      "END:DAYLIGHT",
      "BEGIN:STANDARD",
      "DTSTART:20271031T030000",
      "TZOFFSETFROM:+0200",
      "TZOFFSETTO:+0100",
      "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
      "END:STANDARD",
      "END:VTIMEZONE",
    ]);
    expect(lines(vtimezone("America/New_York", 2027))).toContain("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU");
    expect(lines(vtimezone("Asia/Kolkata", 2027))).toContain("TZOFFSETTO:+0530");
  });
});
