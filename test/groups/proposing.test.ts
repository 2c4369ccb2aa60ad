import type { ConsoleHarness } from "../support/console-harness";
import { copbot, EVERYONE, groupSessionForEachTest, PROBLEM, propose } from "../support/groups-fixtures";

describe("working groups: proposing", () => {
  let h: ConsoleHarness;
  groupSessionForEachTest(EVERYONE, (s) => (h = s));

  it.each([
    ["due=2026-11-20", "Das Fälligkeitsdatum liegt in der Vergangenheit"],
    ["size=2-5", "Die Größe muss zwischen 3 und 7 Personen liegen"],
    ["size=3-8", "Die Größe muss zwischen 3 und 7 Personen liegen"],
    ["facilitator=@niemand", "@niemand kenne ich nicht – nenn eine Person, die hier mitliest"],
  ])("explains %s and stores nothing", async (field, sentence) => {
    const line = propose().replace("due=2027-01-25", "") + ` ${field}`;
    const lines = await h.send(line.includes("due=") ? line : `${line} due=2027-01-25`);
    expect(copbot(lines)).toContain(sentence);
    expect(copbot(await h.send("/cop group list"))).toContain(
      "Gerade gibt es keine offenen oder laufenden Arbeitsgruppen",
    );
  });

  it("tells a facilitator named by someone else", async () => {
    const lines = await h.send(":as admin", propose("facilitator=@carla"));
    expect(
      lines.some(
        (l) => l.startsWith("[dm carla]") && l.includes("Du moderierst die vorgeschlagene Arbeitsgruppe #1"),
      ),
    ).toBe(true);
    expect(copbot(lines)).toContain("@carla sucht Mitstreiter:innen.");
  });

  it("explains a missing problem and an unknown field", async () => {
    expect(
      copbot(await h.send('/cop group propose title="X-Gruppe" deliverable=Konzept due=2027-01-25')),
    ).toContain("Beschreib das konkrete Praxisproblem");
    expect(copbot(await h.send("/cop group propose titel=X farbe=blau"))).toContain(
      "Das Feld „farbe“ kenne ich nicht.",
    );
  });

  it("asks step by step in a DM where the platform has no forms", async () => {
    const started = await h.send("/cop group propose");
    expect(copbot(started)).toContain("Ich habe dir eine Direktnachricht geschickt");
    expect(
      started.some((l) => l.startsWith("[dm anna]") && l.includes("lass uns deine Arbeitsgruppe aufsetzen")),
    ).toBe(true);
    await h.send(":in dm", "Checkliste PDF");
    expect(copbot(await h.send("PDFs verbessern"))).toContain("Das Praxisproblem ist noch zu vage");
    await h.send(PROBLEM, "Checkliste", "2027-01-25");
    expect(copbot(await h.send("9"))).toContain("Die Größe muss zwischen 3 und 7 Personen liegen");
    await h.send("-", "Barrierefreiheit, PDF");
    const done = await h.send("ich");
    expect(done.join("\n")).toContain("[#allgemein]");
    expect(copbot(done)).toContain("Neue Arbeitsgruppe #1: Checkliste PDF");
    expect(copbot(done)).toContain("Dein Vorschlag #1 „Checkliste PDF“ steht.");
  });

  it("can cancel the step-by-step dialog", async () => {
    await h.send("/cop group propose", ":in dm", "Checkliste PDF");
    expect(copbot(await h.send("abbrechen")).length).toBeGreaterThan(0);
    expect(copbot(await h.send("/cop group list"))).toContain("Gerade gibt es keine");
  });

  it("takes a submitted form (Slack modal) and explains problems", async () => {
    const submit = (values: Record<string, string>) =>
      h.app.bot.handle({
        kind: "form_submit",
        id: `console:form:${Object.keys(values).length}:${values["due"] ?? ""}`,
        platform: "console",
        at: h.clock.now(),
        userId: "console:ben",
        channelId: "console:dm:ben",
        isDm: true,
        formId: "group.propose",
        values,
      });
    const base = {
      __context: "console:allgemein",
      title: "Checkliste PDF",
      problem: PROBLEM,
      deliverable: "checkliste",
      size: "3-6",
      topics: "",
      facilitator: "",
    };
    const from = h.transcript.length;
    await submit({ ...base, due: "2026-12-01" });
    expect(h.transcript.slice(from).join("\n")).toContain("Das ist zu knapp");
    await submit({ ...base, due: "2027-01-25" });
    const posted = h.transcript.slice(from).join("\n");
    expect(posted).toContain("[#allgemein]");
    expect(posted).toContain("@ben sucht Mitstreiter:innen. Ergebnis: Checkliste, fällig am 25.01.2027.");
  });

  it("offers a group once per thread for a result-oriented proposal, never in DMs", async () => {
    const first = await h.send(
      ":as ben",
      "Lasst uns einen Leitfaden zur E-Akte-Migration gemeinsam erarbeiten!",
    );
    const root = /\((m\d+)\) ben:/.exec(first[0] ?? "")?.[1] ?? "";
    expect(
      first.some(
        (l) =>
          l.startsWith(`[#allgemein › ${root}]`) && l.includes("Das klingt nach einem gemeinsamen Ergebnis!"),
      ),
    ).toBe(true);
    expect(first.join("\n")).toContain("[button group.offer: Als Arbeitsgruppe vorschlagen]");
    const again = await h.send(`:reply ${root} Wer hat Lust, gemeinsam eine Checkliste dazu zu schreiben?`);
    expect(copbot(again)).toBe("");
    expect(copbot(await h.send("Wie migriert ihr Altakten?"))).toBe("");
    expect(
      copbot(await h.send(":in dm", "Lasst uns einen Leitfaden zur E-Akte-Migration erarbeiten!")),
    ).not.toContain("Das klingt nach einem gemeinsamen Ergebnis");
    const offer = /\((m\d+)\) copbot: Das klingt/.exec(first.join("\n"))?.[1] ?? "";
    const clicked = await h.send(":as carla", ":in #allgemein", `:click ${offer} group.offer`);
    expect(
      clicked.some((l) => l.startsWith("[dm carla]") && l.includes("Der Aufruf geht danach in #allgemein")),
    ).toBe(true);
  });

  it("switches invitations on and off", async () => {
    expect(copbot(await h.send("/cop group invitations on"))).toContain(
      "Ich lade dich zu neuen Arbeitsgruppen ein",
    );
    expect(copbot(await h.send("/cop group invitations off"))).toContain(
      "Keine Einladungen zu Arbeitsgruppen mehr",
    );
    expect(copbot(await h.send("/cop group invitations vielleicht"))).toContain("Schreib on oder off.");
  });
});
