import { startConsole, type ConsoleHarness } from "../support/console-harness";
import { refOf, text } from "./console-lines";

let h: ConsoleHarness;
beforeEach(async () => {
  h = await startConsole();
  await h.send("/cop qa channel add #fragen");
});
afterEach(() => h.close());

describe("spelling variants of topics and search words", () => {
  it("treats eakte and E-Akte as one topic", async () => {
    await h.send(":as anna", "/cop expert add E-Akte");
    const out = text(await h.send(":as bert", "/cop expert add eakte"));
    expect(out).not.toContain("ist neu");
    const topics = text(await h.send("/cop topics"));
    expect(topics).toContain("*E-Akte* · Expert:innen: 2");
    expect(topics).not.toContain("eakte");
    const routed = text(await h.send(":as ben", ":in #fragen", "Wie migriert ihr Altakten in die eAkte?"));
    expect(routed).toMatch(/@anna – \*E-Akte\*/);
    expect(routed).toMatch(/@bert – \*E-Akte\*/);
  });

  it("finds Lösungsangebot by Loesungsangebot and the other way round", async () => {
    for (const [asked, answer] of [
      ["Wer hat ein Lösungsangebot für die Terminvergabe?", "Das Lösungsangebot vom Land."],
      ["Gibt es ein Muster fuer die Uebergabe von Akten?", "Die Uebergabe regelt die Aktenordnung."],
    ] as const) {
      const q = refOf(await h.send(":as ben", ":in #fragen", asked), /ben: /);
      const a = refOf(await h.send(":as anna", `:reply ${q} ${answer}`), /anna: /);
      await h.send(":as ben", `:react ${a} ✅`);
    }
    expect(text(await h.send("/cop search Loesungsangebot"))).toContain("Das Lösungsangebot vom Land.");
    expect(text(await h.send("/cop search lösungsangebote"))).toContain("Das Lösungsangebot vom Land.");
    expect(text(await h.send("/cop search Übergabe"))).toContain("Die Uebergabe regelt die Aktenordnung.");
  });
});

describe("topic aliases", () => {
  it("shows the names as typed", async () => {
    await h.send(":as anna", "/cop expert add E-Akte");
    const saved = text(await h.send(":as admin", '/cop topic alias E-Akte "elektronische Akte"'));
    expect(saved).toContain("„elektronische Akte“ bedeutet jetzt dasselbe wie „E-Akte“.");
    const unused = text(await h.send('/cop topic alias "Open Data" "offene Daten"'));
    expect(unused).toContain("„offene Daten“ bedeutet jetzt dasselbe wie „Open Data“.");
    expect(text(await h.send("/cop topics"))).toContain(
      "*E-Akte* · Expert:innen: 1 · auch: elektronische Akte",
    );
  });

  it("refuses an alias that is itself a topic with experts and says how to do it the other way round", async () => {
    await h.send(":as anna", "/cop expert add E-Akte");
    const swapped = text(await h.send(":as admin", '/cop topic alias "elektronische Akte" E-Akte'));
    expect(swapped).toContain("„E-Akte“ ist selbst ein Thema mit Expert:innen");
    expect(swapped).toContain('`/cop topic alias "E-Akte" "elektronische Akte"`');
    expect(text(await h.send("/cop expert list E-Akte"))).toContain("@anna");
    expect(text(await h.send("/cop topics"))).not.toContain("auch:");

    await h.send(":as bert", "/cop expert add DMS");
    const both = text(await h.send(":as admin", "/cop topic alias DMS E-Akte"));
    expect(both).toContain("sind beide Themen mit Expert:innen");
    expect(text(await h.send("/cop expert list DMS"))).toContain("@bert");
  });
});

describe("canonical topic spelling with aliases", () => {
  it("labels a topic named only in an alias with the alias target's spelling", async () => {
    await h.send(":as admin", '/cop topic alias E-Akte "elektronische Akte"');
    expect(text(await h.send(":as anna", "/cop expert add eakte"))).toContain("E-Akte");
    const topics = text(await h.send("/cop topics"));
    expect(topics).toContain("*E-Akte* · Expert:innen: 1 · auch: elektronische Akte");
    expect(topics).not.toContain("eakte");
    const routed = text(
      await h.send(":as ben", ":in #fragen", "Wie migriert ihr in die elektronische Akte?"),
    );
    expect(routed).toMatch(/@anna – \*E-Akte\*/);
  });

  it("keeps the target's spelling when an earlier target becomes an alias itself", async () => {
    await h.send(":as admin", '/cop topic alias E-Akte "elektronische Akte"');
    await h.send(":as admin", "/cop topic alias Archiv E-Akte");
    await h.send(":as anna", '/cop expert add "elektronische Akte"');
    const topics = text(await h.send("/cop topics"));
    expect(topics).toContain("*Archiv* · Expert:innen: 1 · auch: E-Akte, elektronische Akte");
    expect(topics).not.toContain("*elektronische Akte*");
    expect(text(await h.send("/cop expert list eakte"))).toContain("Archiv");
  });
});

describe("proposals in a Q&A channel", () => {
  it("does not track a group proposal as a question", async () => {
    await h.send(":as anna", "/cop expert add Barrierefreiheit");
    const out = text(
      await h.send(
        ":as ben",
        ":in #fragen",
        "Wer hat Lust, gemeinsam eine Checkliste zur Barrierefreiheit zu erarbeiten?",
      ),
    );
    expect(out).not.toContain("Ich frage mal nach");
    expect(h.app.db.prepare("SELECT count(*) AS n FROM qa_questions").get()).toEqual({ n: 0 });
  });
});

describe("language of expert settings", () => {
  it("uses the singular for a cap of one and English dates in English", async () => {
    await h.send(":as anna", "/cop expert add OZG");
    expect(text(await h.send("/cop expert cap 1"))).toContain("höchstens 1 Anfrage pro Woche.");
    await h.send("/cop lang en");
    expect(text(await h.send("/cop expert cap 1"))).toContain("at most 1 request per week.");
    expect(text(await h.send("/cop away until 2026-12-07"))).toContain("I won't ask you until 2026-12-07.");
    await h.send(":as ben", ":in #fragen", "Wie setzt ihr das OZG in kleinen Gemeinden um?");
    await h.send(":as admin", "/cop lang en");
    expect(text(await h.send("/cop qa open"))).toContain("since Nov 30, 09:00");
  });
});
