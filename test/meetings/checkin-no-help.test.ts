import { startConsole } from "../support/console-harness";

/** #19.10: a help answer of "-" (or "nichts") is no question: no "Als Frage stellen" button for it. */
describe("check-in help answers that ask for nothing", () => {
  it("offers only real help answers as questions", async () => {
    const h = await startConsole({ start: "2027-03-05T12:00:00+01:00" });
    const created = await h.send(
      ":in #team",
      '/cop checkin add "Wochen-Check-in" weekly fri 14:00 in #team questions "Woran arbeitest du?|Wo brauchst du Hilfe?"',
    );
    const announce = /\((m\d+)\)/.exec(created.findLast((l) => l.includes("Neuer Check-in")) ?? "")?.[1];
    await h.send(":as anna", `:click ${announce} Mitmachen`, ":as ben", "/cop checkin join 1");
    await h.send(":clock 2027-03-05T14:00");
    await h.send(":as anna", ":in dm", "Am Wiki-Umzug", "-");
    await h.send(":as ben", ":in dm", "Urlaubsplanung", "Bei SQLite-Backups im Container");
    await h.send(":as admin", ":in dm", "Haushalt", "nichts");
    const summary = await h.send(":clock 2027-03-05T18:00");
    expect(summary).toContain("      • @anna: -");
    expect(summary).toContain(
      "    [button checkin.ask: Als Frage stellen (ben)] [button checkin.join: Mitmachen]",
    );
    expect(summary.join("\n")).not.toContain("Als Frage stellen (anna)");
    expect(summary.join("\n")).not.toContain("Als Frage stellen (admin)");
    h.close();
  });
});
