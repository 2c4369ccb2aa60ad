import { startConsole } from "../support/console-harness";
import { refOf, startWithThree } from "../support/groups-fixtures";

const digestLines = (lines: readonly string[]): string[] => {
  const start = lines.findIndex((l) => l.includes("*Wochenrückblick der Community*"));
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && !l.startsWith(" "));
  return lines.slice(start, end < 0 ? undefined : end);
};

describe("weekly digest (console, virtual clock)", () => {
  it("says nothing when there is nothing to say, and each date happens once", async () => {
    const h = await startConsole();
    const set = await h.send("/cop digest in #allgemein mon 09:00");
    expect(set.join("\n")).toContain("Der Wochenrückblick kommt jeden Montag, 09:00 (Europe/Berlin)");
    expect(set.join("\n")).toContain("Nächster Rückblick: Mo, 07.12.2026, 09:00.");
    expect((await h.send("/cop digest preview")).join("\n")).toContain("der Rückblick würde ausfallen");
    const week = await h.send(":clock 2026-12-07T09:00");
    expect(digestLines(week)).toEqual([]);
    expect(h.app.db.prepare("SELECT local_at, posted FROM digest_runs").all()).toEqual([
      { local_at: "2026-12-07T09:00", posted: 0 },
    ]);
    expect(h.app.db.prepare("SELECT count(*) AS n FROM outbox WHERE key LIKE 'digest:%'").get()).toEqual({
      n: 0,
    });
    h.close();
  });

  it("lists newly solved questions with links, open questions oldest first with topics, meetings, calls and results", async () => {
    const h = await startConsole({ start: "2026-11-30T08:00:00+01:00" });
    await h.send(":as anna", ":in #allgemein", ":as ben", ":as carla", ":as admin");
    await h.send(
      "/cop qa channel add #fragen",
      "/cop expert add E-Akte Vergaberecht",
      "/cop digest in #allgemein",
    );
    const asked = await h.send(
      ":in #fragen",
      ":as ben",
      "Wie migriert ihr Altakten in die E-Akte?",
      ":as carla",
      "Gibt es ein Muster für Vergabevermerke im Vergaberecht?",
      ":as dora",
      "Wer kennt sich mit Barrierefreiheit aus?",
    );
    const first = refOf(asked, "Wie migriert");
    await h.send(
      ":as anna",
      `:reply ${first} Erst scannen, dann Aussonderung prüfen.`,
      ":as ben",
      `:reply ${first} /cop solved`,
    );
    await h.send(
      ":as admin",
      ":in #allgemein",
      '/cop meeting add "CoP-Treffen" weekly thu 10:00 in #allgemein',
    );
    // One working group delivers a result, another one is looking for members.
    await h.send(":as anna", ":in #allgemein");
    await startWithThree(h);
    await h.send(":as anna", "/cop group close 1 https://wiki.example.org/checkliste Fertig");
    await h.send(
      ":as dora",
      '/cop group propose title="Vorlage Datenschutz" problem="Jede Behörde schreibt ihre Datenschutzhinweise für Videokonferenzen neu und macht dieselben Fehler." deliverable=Vorlage due=2027-01-25',
    );
    const week = digestLines(await h.send(":clock 2026-11-30T09:00"));
    expect(week[0]).toMatch(/^\[#allgemein\] \(m\d+\) copbot: \*Wochenrückblick der Community\*$/);
    const text = week.join("\n");
    expect(text).toContain("23.11.2026 – 30.11.2026");
    expect(text).toMatch(/✅ Neu gelöst\*\n {6}• #1 Wie migriert ihr Altakten in die E-Akte\? → <m\d+>/);
    const open = week.filter((l) => / • #[23] (Gibt|Wer)/.test(l));
    expect(open).toEqual([
      expect.stringContaining(
        "#2 Gibt es ein Muster für Vergabevermerke im Vergaberecht? · Themen: Vergaberecht · seit 30.11. 08:00 #fragen",
      ),
      expect.stringContaining("#3 Wer kennt sich mit Barrierefreiheit aus? · seit 30.11. 08:00 #fragen"),
    ]);
    expect(text).toContain(
      "📅 Treffen in den nächsten 7 Tagen*\n      • Do, 03.12.2026, 10:00 – CoP-Treffen #allgemein",
    );
    expect(text).toContain(
      "👥 Arbeitsgruppen suchen Mitstreiter:innen*\n      • #2 Vorlage Datenschutz · 1 von 6 Plätzen · mitmachen: `/cop group join 2`",
    );
    expect(text).toContain("🎉 Ergebnisse*\n      • Checkliste PDF https://wiki.example.org/checkliste");
    // The next week starts where this one ended: #1 is no longer "newly solved".
    const next = digestLines(await h.send(":clock 2026-12-07T09:00")).join("\n");
    expect(next).toContain("30.11.2026 – 07.12.2026");
    expect(next).not.toContain("Neu gelöst");
    h.close();
  });

  it("after a downtime posts one late digest for the whole span and never twice", async () => {
    const h = await startConsole({ start: "2026-11-30T08:00:00+01:00" });
    await h.send("/cop digest in #allgemein mon 09:00");
    await h.send(
      "/cop qa channel add #fragen",
      ":in #fragen",
      ":as ben",
      "Wie migriert ihr Altakten in die E-Akte?",
    );
    h.clock.set(new Date("2026-12-23T12:00:00+01:00"));
    const late = await h.send(":clock +1m");
    const digests = late.filter((l) => l.includes("*Wochenrückblick der Community*"));
    expect(digests).toHaveLength(1);
    expect(digestLines(late).join("\n")).toContain("Etwas verspätet");
    expect(digestLines(late).join("\n")).toContain("23.11.2026 – 23.12.2026");
    expect(
      h.app.db
        .prepare("SELECT local_at, outcome FROM occurrence_ledger WHERE series = 'digest' ORDER BY local_at")
        .all(),
    ).toEqual([
      { local_at: "2026-11-30T09:00", outcome: "missed" },
      { local_at: "2026-12-07T09:00", outcome: "missed" },
      { local_at: "2026-12-14T09:00", outcome: "missed" },
      { local_at: "2026-12-21T09:00", outcome: "late" },
    ]);
    expect((await h.send(":clock +1h")).filter((l) => l.includes("Wochenrückblick"))).toEqual([]);
    h.close();
  });

  it("moves a digest on a public holiday to the next working day, at 09:00 local time after the DST change", async () => {
    // Summer time starts on Sunday 28 March 2027; Monday 29 March is Easter Monday.
    const h = await startConsole({ start: "2027-03-23T10:00:00+01:00" });
    const set = await h.send("/cop digest in #allgemein mon 09:00");
    expect(set.join("\n")).toContain("Nächster Rückblick: Di, 30.03.2027, 09:00.");
    await h.send("/cop qa channel add #fragen", ":in #fragen", ":as ben", "Wie migriert ihr Altakten?");
    expect(digestLines(await h.send(":clock 2027-03-29T09:00"))).toEqual([]);
    expect(digestLines(await h.send(":clock 2027-03-30T08:59"))).toEqual([]);
    h.clock.set(new Date("2027-03-30T06:59:00Z"));
    const due = await h.send(":clock +1m");
    expect(h.clock.now().toISOString()).toBe("2027-03-30T07:00:00.000Z");
    expect(digestLines(due)[0]).toContain("*Wochenrückblick der Community*");
    expect(due.filter((l) => l.includes("Wochenrückblick"))).toHaveLength(1);
    h.close();
  });

  it("is for moderators, and can be switched off", async () => {
    const h = await startConsole();
    expect((await h.send(":as anna", "/cop digest in #allgemein")).join("\n")).toContain("Moderator:in");
    expect((await h.send(":as admin", "/cop digest sometimes")).join("\n")).toContain("digest in #Kanal");
    await h.send("/cop digest in #allgemein");
    expect((await h.send("/cop digest off")).join("\n")).toContain("ausgeschaltet");
    await h.send(":as ben", "/cop ask Wie migriert ihr Altakten?");
    expect(digestLines(await h.send(":clock 2026-12-07T09:00"))).toEqual([]);
    h.close();
  });
});
