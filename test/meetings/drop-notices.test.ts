import { startConsole, type ConsoleHarness } from "../support/console-harness";

/**
 * #19.8: a dropped or moved date is announced in the channel a working day ahead (with the
 * longest reminder, at least a day), as COPBOT_REMINDER_SHIFT says.
 */
const notes = (lines: readonly string[]): string[] => lines.filter((l) => l.includes("📅 „"));

async function weekly(options: string, env: Record<string, string> = {}): Promise<ConsoleHarness> {
  const h = await startConsole({ start: "2027-03-15T12:00:00+01:00", env });
  await h.send(":in #allgemein", `/cop meeting add "CoP-Treffen" weekly mon 10:00 in #allgemein ${options}`);
  return h;
}

describe("announcing dropped and moved dates", () => {
  it("announces a date moved off Easter Monday on the Thursday before", async () => {
    const h = await weekly("holidays DE-BY move remind 15m");
    expect(notes(await h.send(":clock 2027-03-25T09:59"))).toEqual([]);
    expect(notes(await h.send(":clock 2027-03-25T10:00"))).toEqual([
      expect.stringContaining(
        "📅 „CoP-Treffen“ am Mo, 29.03.2027, 10:00 ist wegen Ostermontag verschoben auf Di, 30.03.2027, 10:00.",
      ),
    ]);
    expect(notes(await h.send(":clock 2027-04-30T10:00"))).toEqual([]);
    h.close();
  });

  it("announces a date a moderator skipped, a day ahead, once", async () => {
    const h = await weekly("remind 15m");
    await h.send("/cop meeting skip 1 2027-03-22");
    expect(notes(await h.send(":clock 2027-03-19T10:00"))).toEqual([
      expect.stringContaining("📅 „CoP-Treffen“ am Mo, 22.03.2027, 10:00 fällt aus."),
    ]);
    expect(notes(await h.send(":clock 2027-03-23T10:00"))).toEqual([]);
    h.close();
  });

  it("follows COPBOT_REMINDER_SHIFT: weekends only, or not at all", async () => {
    const weekends = await weekly("holidays DE-BY skip", { COPBOT_REMINDER_SHIFT: "weekends" });
    expect(notes(await weekends.send(":clock 2027-03-26T10:00"))).toEqual([
      expect.stringContaining("📅 „CoP-Treffen“ am Mo, 29.03.2027, 10:00 entfällt (Ostermontag)."),
    ]);
    weekends.close();
    const off = await weekly("holidays DE-BY skip", { COPBOT_REMINDER_SHIFT: "off" });
    expect(notes(await off.send(":clock 2027-03-28T09:59"))).toEqual([]);
    expect(notes(await off.send(":clock 2027-03-28T10:00"))).toHaveLength(1);
    off.close();
  });
});
