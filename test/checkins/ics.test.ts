import { meetingIcs } from "../../src/checkins/ics";
import type { Meeting } from "../../src/checkins/meeting-repo";
import type { Recurrence } from "../../src/checkins/schedule";
import { vtimezone } from "../../src/checkins/vtimezone";

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

const lines = (ics: string): string[] => ics.split("\r\n");

describe("calendar files", () => {
  it("writes monthly rules, clamping day 31 to the month's last day like the schedule", () => {
    const first = lines(
      meetingIcs(meeting({ kind: "monthly-weekday", nth: 1, weekday: "tue", time: "10:00" }), new Set(), now),
    );
    expect(first).toContain("RRULE:FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1");
    expect(first).toContain("DTSTART;TZID=Europe/Berlin:20270302T100000");
    expect(first).toContain("DTEND;TZID=Europe/Berlin:20270302T104500");
    const last = lines(meetingIcs(meeting({ kind: "monthly-day", day: 31, time: "10:00" }), new Set(), now));
    expect(last).toContain("RRULE:FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1");
  });

  it("turns cron expressions into RRULE and excludes skipped dates", () => {
    const ics = lines(
      meetingIcs(meeting({ kind: "cron", expression: "30 9 * * 1-5" }), new Set(["2027-03-03"]), now),
    );
    expect(ics).toContain("RRULE:FREQ=DAILY;BYMINUTE=30;BYHOUR=9;BYDAY=MO,TU,WE,TH,FR");
    expect(ics).toContain("EXDATE;TZID=Europe/Berlin:20270303T093000");
  });

  it("lists single events for cron expressions RRULE cannot express", () => {
    const ics = meetingIcs(meeting({ kind: "cron", expression: "0 10 L * *" }), new Set(), now);
    expect(ics).not.toContain("RRULE:FREQ=DAILY");
    expect(ics).toContain("UID:meeting-3-2027-03-31T10:00@copbot");
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
