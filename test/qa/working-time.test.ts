import { addWorkingHours } from "../../src/qa/working-time";

const at = (iso: string) => new Date(iso);

describe("addWorkingHours (Europe/Berlin, Mon–Fri)", () => {
  it("adds plain hours within the week", () => {
    // Tuesday 10:00 CET -> Wednesday 10:00
    expect(addWorkingHours(at("2026-11-24T09:00:00Z"), 24).toISOString()).toBe("2026-11-25T09:00:00.000Z");
  });

  it("skips the weekend when the deadline would fall on it", () => {
    // Friday 15:00 CET + 24 h -> Monday 15:00 CET
    expect(addWorkingHours(at("2026-11-27T14:00:00Z"), 24).toISOString()).toBe("2026-11-30T14:00:00.000Z");
  });

  it("starts counting on Monday for a question asked at the weekend", () => {
    // Saturday 11:00 CET -> Tuesday 00:00 CET
    expect(addWorkingHours(at("2026-11-28T10:00:00Z"), 24).toISOString()).toBe("2026-11-30T23:00:00.000Z");
  });

  it("spans several weeks for long deadlines", () => {
    // Monday 09:00 + 120 working hours (5 days) -> next Monday 09:00
    expect(addWorkingHours(at("2026-11-23T08:00:00Z"), 120).toISOString()).toBe("2026-11-30T08:00:00.000Z");
  });

  it("uses local days across the DST change", () => {
    // Friday 2026-03-27 12:00 CET + 24 h -> Monday 2026-03-30 12:00 CEST (10:00Z)
    expect(addWorkingHours(at("2026-03-27T11:00:00Z"), 24).toISOString()).toBe("2026-03-30T10:00:00.000Z");
  });

  it("returns the start for zero hours on a working day", () => {
    expect(addWorkingHours(at("2026-11-24T09:00:00Z"), 0).toISOString()).toBe("2026-11-24T09:00:00.000Z");
  });
});
