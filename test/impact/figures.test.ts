import {
  computeFigures,
  gini,
  median,
  tierOf,
  topTenthShare,
  type ReportInput,
} from "../../src/impact/figures";
import { periodOf } from "../../src/impact/period";

const H = 3_600_000;
const DAY = 24 * H;
const T0 = Date.UTC(2027, 0, 4, 9); // Monday 4 January 2027, 10:00 Berlin
const at = (days: number, hours = 0): Date => new Date(T0 + days * DAY + hours * H);

/** A small hand-made dataset; every expected figure below is worked out by hand in the comments. */
const input: ReportInput = {
  questions: [
    { askerId: "a", askedAt: at(0), firstAnswerAt: at(0, 1), solvedAt: at(0, 3) },
    { askerId: "b", askedAt: at(1), firstAnswerAt: at(1, 2), solvedAt: at(1, 5) },
    { askerId: "a", askedAt: at(8), firstAnswerAt: at(8, 4) },
    { askerId: "c", askedAt: at(22) },
  ],
  solvedCount: 2,
  answers: [
    { authorId: "e1", at: at(0, 1) },
    { authorId: "e1", at: at(1, 2) },
    { authorId: "e1", at: at(8, 4) },
    { authorId: "e2", at: at(8, 5) },
    { authorId: "m1", at: at(0, 2) },
    { authorId: "a", at: at(15) },
  ],
  expertIds: ["e1", "e2", "e3"],
  rsvps: [
    { meetingId: 1, local: "2027-01-07T10:00", memberId: "a", answer: "yes", at: at(2) },
    { meetingId: 1, local: "2027-01-07T10:00", memberId: "b", answer: "yes", at: at(2) },
    { meetingId: 1, local: "2027-01-07T10:00", memberId: "m1", answer: "no", at: at(2) },
    { meetingId: 1, local: "2027-01-14T10:00", memberId: "b", answer: "maybe", at: at(9) },
  ],
  timeLogs: [
    { memberId: "d", at: at(3) },
    { memberId: "d", at: at(4) },
  ],
  intros: [
    { asked: true, met: true },
    { asked: true, met: false },
    { asked: false, met: false },
  ],
  groupsFormed: 1,
  resultsDelivered: 1,
  weeks: 5,
  weekOf: (d) => String(Math.floor((d.getTime() - T0) / (7 * DAY))),
};

describe("report figures on a hand-computed dataset", () => {
  const f = computeFigures(input);

  it("counts questions and the median times", () => {
    expect(f.asked).toBe(4);
    expect(f.solved).toBe(2);
    // First answers 1 h, 2 h, 4 h -> 2 h; solutions 3 h, 5 h -> 4 h.
    expect(f.medianFirstAnswerMs).toBe(2 * H);
    expect(f.medianSolutionMs).toBe(4 * H);
  });

  it("measures answers by non-experts and how evenly the experts carry the load", () => {
    // 6 answers, m1 and a are no experts: 2 / 6.
    expect(f.answers).toBe(6);
    expect(f.nonExpertAnswers).toBe(2);
    expect(f.nonExpertShare).toBeCloseTo(1 / 3, 10);
    // Expert load [3, 1, 0]: Σ|xi−xj| over ordered pairs = 12, 2·n²·mean = 2·9·4/3 = 24 -> 0.5.
    expect(f.experts).toBe(3);
    expect(f.expertGini).toBeCloseTo(0.5, 10);
    // Top tenth of 3 experts is 1 person carrying 3 of 4.
    expect(f.topTenthShare).toBeCloseTo(0.75, 10);
  });

  it("sorts members into engagement tiers by the weeks they were active in", () => {
    // a: weeks 0, 1, 2 (asked, RSVP, asked, answered) -> 3 of 5 weeks, at least half: active.
    // b: weeks 0, 1 -> occasional. m1: week 0 only -> sporadic. e1: weeks 0, 1 -> occasional.
    // e2: week 1 -> sporadic. c: week 3 -> sporadic. d: twice in week 0 -> sporadic.
    expect(f.tiers).toEqual({ active: 1, occasional: 2, sporadic: 4 });
  });

  it("counts meeting attendance, introductions and groups", () => {
    expect(f.meetingDates).toBe(2);
    expect(f.attendance).toBe(2);
    expect(f.attendancePerDate).toBe(1);
    expect([f.introsMade, f.introsAsked, f.introsMet]).toEqual([3, 2, 1]);
    expect([f.groupsFormed, f.resultsDelivered]).toEqual([1, 1]);
  });

  it("defines the helpers at their edges", () => {
    expect(median([])).toBeUndefined();
    expect(median([5, 1, 3])).toBe(3);
    expect(gini([2, 2, 2])).toBe(0);
    expect(gini([0, 0])).toBeUndefined();
    expect(gini([0, 0, 0, 4])).toBeCloseTo(0.75, 10);
    expect(topTenthShare([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 10])).toBeCloseTo(11 / 20, 10);
    expect([tierOf(1, 13), tierOf(2, 13), tierOf(6, 13), tierOf(7, 13), tierOf(2, 2)]).toEqual([
      "sporadic",
      "occasional",
      "occasional",
      "active",
      "active",
    ]);
  });

  it("splits periods in the community's zone", () => {
    const now = new Date("2027-02-10T12:00:00+01:00");
    const quarter = periodOf("quarter", now, "Europe/Berlin", false);
    expect(quarter.id).toBe("2027-Q1");
    expect(quarter.from.toISOString()).toBe("2026-12-31T23:00:00.000Z");
    expect(quarter.buckets.map((b) => b.label)).toEqual(["01/2027", "02/2027"]);
    const last = periodOf("quarter", now, "Europe/Berlin", true);
    expect([last.id, last.from.toISOString(), last.to.toISOString()]).toEqual([
      "2026-Q4",
      "2026-09-30T22:00:00.000Z",
      "2026-12-31T23:00:00.000Z",
    ]);
    const month = periodOf("month", now, "Europe/Berlin", true);
    expect(month.id).toBe("2027-01");
    // 1 January 2027 is a Friday in week 53 of 2026; the 25th starts week 4.
    expect(month.buckets.map((b) => b.label)).toEqual(["KW 53", "KW 1", "KW 2", "KW 3", "KW 4"]);
    expect(month.weeks).toBe(5);
  });
});
