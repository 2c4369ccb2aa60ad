import { startConsole, type ConsoleHarness } from "../../support/console-harness";
import { refOf, text } from "../console-lines";

/** #19.6: escalation skips public holidays; quiet hours are in the expert's own time zone. */
describe("escalation on working days, quiet hours where the expert lives", () => {
  let h: ConsoleHarness;
  afterEach(() => h.close());

  it("does not count New Year's Day: a question of Thursday 31 Dec escalates on Monday", async () => {
    h = await startConsole({ start: "2026-12-31T15:00:00+01:00" });
    await h.send("/cop qa channel add #fragen", ":as anna", "/cop expert add Vergabe");
    const q = refOf(
      await h.send(":as ben", ":in #fragen", "Wer kennt die neue Vergabe-Plattform?"),
      /ben: Wer/,
    );
    expect(text(await h.send(":clock 2027-01-04T14:59"))).not.toContain(`[#fragen › ${q}]`);
    expect(text(await h.send(":clock 2027-01-04T15:01"))).toContain(`[#fragen › ${q}]`);
  });

  it("follows COPBOT_HOLIDAY_REGION: Epiphany counts in DE but not in DE-BY", async () => {
    h = await startConsole({ start: "2027-01-05T15:00:00+01:00", env: { COPBOT_HOLIDAY_REGION: "DE-BY" } });
    await h.send("/cop qa channel add #fragen", ":as anna", "/cop expert add Vergabe");
    const q = refOf(
      await h.send(":as ben", ":in #fragen", "Wer kennt die neue Vergabe-Plattform?"),
      /ben: Wer/,
    );
    expect(text(await h.send(":clock 2027-01-06T15:01"))).not.toContain(`[#fragen › ${q}]`);
    expect(text(await h.send(":clock 2027-01-07T15:01"))).toContain(`[#fragen › ${q}]`);
  });

  it("reads an expert's quiet hours in their own time zone (/cop profile tz)", async () => {
    h = await startConsole({ start: "2026-12-01T11:00:00+01:00" });
    await h.send(
      "/cop qa channel add #fragen",
      ":as anna",
      "/cop expert add Vergabe",
      "/cop expert quiet 18:00-08:00",
    );
    expect(
      text(await h.send(":as ben", ":in #fragen", "Wer kennt die neue Vergabe-Plattform?")),
    ).not.toContain("Ruhezeit");
    expect(text(await h.send(":as anna", "/cop profile tz Asia/Tokyo"))).toContain("Zeitzone: Asia/Tokyo");
    // 11:00 in Berlin is 19:00 in Tokyo: Anna's quiet hours, until 08:00 Tokyo = 00:00 Berlin.
    const routed = text(await h.send(":as ben", "Hat jemand Unterlagen zur Vergabe von Cloud-Diensten?"));
    expect(routed).toContain(
      "@anna – *Vergabe* · noch keine gelösten Fragen · gerade Ruhezeit bis 00:00 Uhr",
    );
    expect(text(await h.send(":as anna", "/cop profile tz Mars/Olympus"))).toContain(
      "„Mars/Olympus“ ist keine Zeitzone.",
    );
  });
});
