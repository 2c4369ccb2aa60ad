import { startConsole, type ConsoleHarness } from "../support/console-harness";

const ADD =
  '/cop checkin add "Wochen-Check-in" weekly fri 14:00 in #team questions "Woran arbeitest du?|Wo brauchst du Hilfe?"';

/** The reference of the message whose first line matches `pattern`. */
function refOf(lines: readonly string[], pattern: RegExp): string {
  const ref = /\((m\d+)\)/.exec(lines.findLast((l) => pattern.test(l)) ?? "")?.[1];
  if (!ref) throw new Error(`no message matching ${pattern} in:\n${lines.join("\n")}`);
  return ref;
}

async function setUp(h: ConsoleHarness): Promise<void> {
  const created = await h.send(":in #team", "Hallo Team", ADD);
  const announce = refOf(created, /Neuer Check-in „Wochen-Check-in“/);
  await h.send(":as anna", `:click ${announce} Mitmachen`, ":as ben", "/cop checkin join 1");
}

describe("console story: a weekly check-in", () => {
  it("prompts by DM, collects answers, nudges once, posts one summary and turns a help answer into a question", async () => {
    const h = await startConsole({ start: "2027-03-05T12:00:00+01:00" });
    await setUp(h);
    const prompts = await h.send(":clock 2027-03-05T14:00");
    expect(prompts.filter((l) => l.includes("Zeit für „Wochen-Check-in“"))).toEqual([
      expect.stringMatching(/^\[dm admin\]/),
      expect.stringMatching(/^\[dm anna\]/),
      expect.stringMatching(/^\[dm ben\]/),
    ]);
    expect(prompts).toContain("    Frage 1/2: Woran arbeitest du?");
    const anna = await h.send(":as anna", ":in dm", "Am Wiki-Umzug", "Bei SQLite-Backups im Container");
    expect(anna).toEqual([
      "[dm anna] (m11) anna: Am Wiki-Umzug",
      "[dm anna] (m12) copbot: Frage 2/2: Wo brauchst du Hilfe?",
      "[dm anna] (m13) anna: Bei SQLite-Backups im Container",
      "[dm anna] (m14) copbot: Danke! Deine Antworten kommen in die Zusammenfassung (Fr, 05.03.2027, 18:00).",
    ]);
    await h.send(":as ben", ":in dm", "Urlaubsplanung");
    const nudges = await h.send(":clock 2027-03-05T16:00");
    expect(nudges.filter((l) => l.includes("Kurze Erinnerung"))).toEqual([
      expect.stringMatching(/^\[dm admin\]/),
    ]);
    expect((await h.send(":clock 2027-03-05T17:59")).filter((l) => l.includes("Kurze Erinnerung"))).toEqual(
      [],
    );
    const summary = await h.send(":clock 2027-03-05T18:00");
    expect(summary.filter((l) => l.includes("📝"))).toEqual([
      expect.stringContaining("[#team] (m18) copbot: *📝 Wochen-Check-in · Fr, 05.03.2027, 14:00*"),
    ]);
    expect(summary).toEqual(
      expect.arrayContaining([
        "      • @anna: Am Wiki-Umzug",
        "      • @ben: Urlaubsplanung",
        "      • @anna: Bei SQLite-Backups im Container",
        // Only a count in the channel: who did not answer is nobody else's business.
        "      · 1 von 3 Teilnehmenden hat diesmal nicht geantwortet.",
        "    [button checkin.ask: Als Frage stellen (anna)] [button checkin.join: Mitmachen]",
      ]),
    );
    expect(summary.join("\n")).not.toContain("@admin");
    // Ben's half-finished dialog ended with the deadline: a late answer is told so (once),
    // then his DMs are normal messages again.
    const late = await h.send(":as ben", ":in dm", "Spät aber doch", "Hallo?");
    expect(late).toEqual([
      "[dm ben] (m19) ben: Spät aber doch",
      "[dm ben] (m20) copbot: Die Runde von „Wochen-Check-in“ ist schon zusammengefasst; deine Nachricht „Spät aber doch“ kommt nicht mehr hinein. Die nächste Runde startet Fr, 12.03.2027, 14:00.",
      "[dm ben] (m21) ben: Hallo?",
      expect.stringContaining("[dm ben] (m22) copbot: Hier im Direktchat verstehe ich Befehle"),
    ]);
    expect(h.app.bot.services.dialogs.get("console:ben")).toBeUndefined();
    const ask = await h.send(
      ":as ben",
      ":in #team",
      ":click m18 checkin.ask",
      ":as anna",
      ":click m18 checkin.ask",
    );
    expect(ask.join("\n")).toContain("Das kann nur, wer geantwortet hat, oder die Moderation.");
    expect(ask).toContain("[#team] (m24) copbot: Frage von @anna: Bei SQLite-Backups im Container");
    const again = await h.send(":click m18 checkin.ask");
    expect(again.join("\n")).toContain("Diese Antwort ist schon als Frage #1 gestellt.");
    h.close();
  });

  it("never takes over another feature's dialog; the prompt's button starts answering later", async () => {
    const h = await startConsole({ start: "2027-03-05T12:00:00+01:00" });
    await setUp(h);
    const dialogs = h.app.bot.services.dialogs;
    dialogs.start("console:anna", { owner: "groups", kind: "proposal", state: { step: 2 } });
    const prompts = await h.send(":clock 2027-03-05T14:00");
    expect(dialogs.get("console:anna")).toMatchObject({ owner: "groups" });
    const prompt = refOf(prompts, /^\[dm anna\].*Zeit für/);
    const answering = await h.send(":as anna", ":in dm", `:click ${prompt} Antworten`, "Am Wiki-Umzug");
    expect(answering).toContain("[dm anna] (m11) copbot: Frage 1/2: Woran arbeitest du?");
    expect(answering).toContain("[dm anna] (m13) copbot: Frage 2/2: Wo brauchst du Hilfe?");
    h.close();
  });

  it("a member who leaves gets no more prompts; the next round starts a week later", async () => {
    const h = await startConsole({ start: "2027-03-05T12:00:00+01:00" });
    await setUp(h);
    await h.send(":as ben", "/cop checkin leave 1");
    await h.send(":clock 2027-03-05T18:00");
    const next = await h.send(":clock 2027-03-12T14:00");
    expect(next.filter((l) => l.includes("Zeit für"))).toEqual([
      expect.stringMatching(/^\[dm admin\].*bis Fr, 12\.03\.2027, 18:00/),
      expect.stringMatching(/^\[dm anna\]/),
    ]);
    h.close();
  });
});

describe("check-in summary size", () => {
  it("shortens very long answers in the channel summary so the post stays deliverable", async () => {
    const h = await startConsole({ start: "2027-03-05T12:00:00+01:00" });
    await setUp(h);
    await h.send(":clock 2027-03-05T14:00");
    const long = `Wiki-Umzug ${"und noch mehr Details ".repeat(80)}`;
    await h.send(":as anna", ":in dm", long, "nichts");
    const summary = (await h.send(":clock 2027-03-05T18:00")).join("\n");
    const line = summary.split("\n").find((l) => l.includes("@anna: Wiki-Umzug")) ?? "";
    expect(line.endsWith("…")).toBe(true);
    expect(Array.from(line.replace(/^\s+• @anna: /, "")).length).toBe(400);
    h.close();
  });
});
