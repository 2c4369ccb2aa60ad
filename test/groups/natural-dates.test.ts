import { checkDue } from "../../src/groups/proposal";
import { splitLeadingDate } from "../../src/groups/dates";

/** Group dates go through the one date parser: words and dates without a year work. */
describe("group dates in words", () => {
  const opts = { now: new Date("2026-11-30T08:00:00Z"), zone: "Europe/Berlin" };

  it("accepts a due date in any form the parser reads, with the same bounds", () => {
    expect(checkDue("15.02.", opts)).toEqual({ ok: true, date: "2027-02-15" });
    expect(checkDue("in 8 Wochen", opts)).toEqual({ ok: true, date: "2027-01-25" });
    expect(checkDue("15. Februar 2027", opts)).toEqual({ ok: true, date: "2027-02-15" });
    expect(checkDue("morgen", opts)).toEqual({ ok: false, key: "group.check.dueSoon" });
  });

  it("splits a date of several words from the text after it", () => {
    expect(splitLeadingDate("nächsten Freitag Entwurf fertig", opts.zone, opts.now)).toEqual({
      date: "nächsten Freitag",
      rest: "Entwurf fertig",
    });
    expect(splitLeadingDate("7. Juni 2027 Abstimmung dauert", opts.zone, opts.now)).toEqual({
      date: "7. Juni 2027",
      rest: "Abstimmung dauert",
    });
    expect(splitLeadingDate("demnächst Etwas", opts.zone, opts.now)).toEqual({
      date: "demnächst",
      rest: "Etwas",
    });
  });
});
