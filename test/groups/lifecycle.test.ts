import { PlatformError } from "../../src/core/errors";
import { startConsole, type ConsoleHarness } from "../support/console-harness";

const PROBLEM =
  "Barrierefreie PDF-Formulare scheitern in jeder Behörde an denselben Fehlern bei Tags und Lesereihenfolge.";
const propose = (extra = "") =>
  `/cop group propose title="Checkliste PDF" problem="${PROBLEM}" deliverable=Checkliste due=2027-01-25 ${extra}`.trim();
/** What copbot printed (with continuation lines), without the users' own lines. */
function copbot(lines: readonly string[]): string {
  let fromBot = false;
  return lines
    .filter((line) => {
      if (!line.startsWith(" ")) fromBot = line.includes("copbot:");
      return fromBot;
    })
    .join("\n");
}

async function session(): Promise<ConsoleHarness> {
  const h = await startConsole();
  await h.send(":as anna", ":as ben", ":as carla", ":as dora", ":as emil", ":as anna", ":in #allgemein");
  return h;
}

describe("working groups: forming, expiry and reopening", () => {
  let h: ConsoleHarness;
  beforeEach(async () => {
    h = await session();
  });
  afterEach(() => h.close());

  it("expires with a friendly note when too few sign up, and can be reopened", async () => {
    await h.send(propose(), ":as ben", "/cop group join 1");
    const expired = await h.send(":clock 2026-12-07T09:01");
    expect(copbot(expired)).toContain(
      "Die Arbeitsgruppe „Checkliste PDF“ kommt diesmal leider nicht zustande: 2 von mindestens 3 Anmeldungen.",
    );
    expect(expired.join("\n")).toContain("Anmeldung abgelaufen");
    expect(expired.join("\n")).not.toContain("🔒");

    expect(copbot(await h.send(":as carla", "/cop group join 1"))).toContain(
      "#1 „Checkliste PDF“ ist abgelaufen",
    );
    expect(copbot(await h.send("/cop group reopen 1"))).toContain(
      "Das dürfen nur die Moderation der Gruppe #1",
    );

    const reopened = await h.send(":as anna", "/cop group reopen 1");
    expect(copbot(reopened)).toContain("Vorschlag #1 „Checkliste PDF“ ist wieder offen");
    expect(copbot(reopened)).toContain(
      "2 dabei (mind. 3, höchstens 6), 0 auf der Warteliste · Anmeldung bis 14.12.2026",
    );

    await h.send(":as carla", "/cop group join 1");
    const formed = await h.send(":clock 2026-12-14T09:01");
    expect(formed).toContain("[#ag-1-checkliste-pdf] 🔒 Checkliste PDF · @anna, @ben, @carla");
    expect(formed.some((l) => l.startsWith("[#ag-1-checkliste-pdf] 📌"))).toBe(true);
  });

  it("asks for a new due date when reopening would leave less than two weeks", async () => {
    await h.send(propose(), ":clock 2027-01-12T09:00");
    expect(copbot(await h.send("/cop group reopen 1"))).toContain(
      "Die bisherige Fälligkeit passt nicht mehr",
    );
    expect(copbot(await h.send("/cop group reopen 1 2027-01-20"))).toContain("Das ist zu knapp");
    expect(copbot(await h.send("/cop group reopen 1 2027-02-15"))).toContain("ist wieder offen");
  });

  it("keeps a waiting list when full; a seat that opens goes to the first in line", async () => {
    await h.send(propose("size=3"), ":as ben", "/cop group join 1", ":as carla", "/cop group join 1");
    expect(copbot(await h.send(":as dora", "/cop group join 1"))).toContain(
      "du stehst auf Platz 1 der Warteliste",
    );
    expect(copbot(await h.send(":as emil", "/cop group join 1"))).toContain("Platz 2 der Warteliste");
    const left = await h.send(":as ben", "/cop group leave 1");
    expect(copbot(left)).toContain("Du bist bei „Checkliste PDF“ ausgetreten.");
    expect(left.join("\n")).toContain("[dm dora]");
    expect(copbot(left)).toContain("Ein Platz ist frei geworden: Du bist jetzt bei „Checkliste PDF“ dabei!");
    expect(copbot(left)).toContain("3 dabei (mind. 3, höchstens 3), 1 auf der Warteliste");
    expect(copbot(await h.send(":as anna", "/cop group leave 1"))).toContain(
      "Du moderierst „Checkliste PDF“ und kannst deshalb nicht austreten – gib die Moderation zuerst weiter: /cop group facilitator 1 @name",
    );
  });

  it("lets only the facilitator or a moderator start, and only with enough members", async () => {
    await h.send(propose(), ":as ben", "/cop group join 1");
    expect(copbot(await h.send("/cop group confirm 1"))).toContain(
      "Das dürfen nur die Moderation der Gruppe #1",
    );
    expect(copbot(await h.send(":as anna", "/cop group confirm"))).toContain(
      "„Checkliste PDF“ hat erst 2 von mindestens 3 Personen",
    );
    await h.send(":as admin", "/cop mod add @carla", ":as carla", "/cop group join 1");
    const started = await h.send("/cop group confirm 1");
    expect(started.join("\n")).toContain("🔒 Checkliste PDF");
    expect(copbot(await h.send("/cop group confirm 1"))).toContain("#1 „Checkliste PDF“ läuft bereits.");
  });

  it("puts the group back and tells the facilitator when the space cannot be created; archiving is retried", async () => {
    const port = h.adapter.port;
    const create = port.createPrivateSpace.bind(port);
    port.createPrivateSpace = () => Promise.reject(new PlatformError("channel quota", false));
    await h.send(propose(), ":as ben", "/cop group join 1", ":as carla", "/cop group join 1", ":as anna");
    const failed = await h.send("/cop group confirm 1");
    expect(copbot(failed)).toContain("Ich konnte den Gruppenraum für „Checkliste PDF“ gerade nicht anlegen.");
    expect(copbot(await h.send("/cop group list"))).toContain(
      "#1 Checkliste PDF · sucht Mitglieder · 3/6 dabei",
    );
    port.createPrivateSpace = create;
    expect((await h.send("/cop group confirm 1")).join("\n")).toContain("🔒 Checkliste PDF");

    const archive = port.archiveSpace.bind(port);
    port.archiveSpace = () => Promise.reject(new PlatformError("timeout", true));
    const closed = await h.send("/cop group close https://wiki.example.org/checkliste");
    expect(closed.join("\n")).not.toContain("🗄");
    port.archiveSpace = archive;
    expect(await h.send(":clock +6m")).toContain("[#ag-1-checkliste-pdf] 🗄");
  });

  it("gives an interrupted formation back to the facilitator after a while", async () => {
    h.adapter.port.createPrivateSpace = () => new Promise<string>(() => undefined);
    await h.send(propose(), ":as ben", "/cop group join 1", ":as carla", "/cop group join 1", ":as anna");
    await h.send(":clock 2026-12-07T09:01");
    expect(copbot(await h.send("/cop group list"))).toContain("wird eingerichtet");
    const later = await h.send(":clock 2026-12-07T09:20");
    expect(copbot(later)).toContain("Ich konnte den Gruppenraum für „Checkliste PDF“ gerade nicht anlegen.");
    expect(copbot(await h.send("/cop group list"))).toContain("sucht Mitglieder");
  });

  it("lets a member join a running group into its space and check-in", async () => {
    await h.send(
      propose(),
      ":as ben",
      "/cop group join 1",
      ":as carla",
      "/cop group join 1",
      ":as anna",
      "/cop group confirm 1",
    );
    const joined = await h.send(":as dora", "/cop group join 1");
    expect(joined).toContain("[#ag-1-checkliste-pdf] + @dora");
    expect(copbot(joined)).toContain("Willkommen in der Gruppe! @dora");
    const prompts = await h.send(":clock 2026-12-07T10:01");
    expect(prompts.some((l) => l.startsWith("[dm dora]") && l.includes("Status: Checkliste PDF"))).toBe(true);
  });
});

describe("working groups: running and closing", () => {
  let h: ConsoleHarness;
  beforeEach(async () => {
    h = await session();
    await h.send(
      propose(),
      ":as ben",
      "/cop group join 1",
      ":as carla",
      "/cop group join 1",
      ":as anna",
      "/cop group confirm 1",
    );
  });
  afterEach(() => h.close());

  it("shows running groups' status in the meeting agenda", async () => {
    await h.send("/cop group status Entwurf der Checkliste steht");
    const agenda = h.app.bot.services
      .agenda("de")
      .map((line) => line.map((i) => (typeof i === "string" ? i : "bold" in i ? i.bold : "")).join(""));
    expect(agenda).toContain("Checkliste PDF · Entwurf der Checkliste steht · fällig am 25.01.2027");
  });

  it("reminds before the due date, and the reminders follow an extension", async () => {
    expect(copbot(await h.send("/cop group extend 2027-02-08"))).toContain(
      "Bitte nenn eine kurze Begründung",
    );
    expect(copbot(await h.send("/cop group extend 2026-11-01 zu spät"))).toContain(
      "liegt in der Vergangenheit",
    );
    expect(copbot(await h.send("/cop group extend 2027-01-20 früher"))).toContain(
      "Das neue Datum muss nach der bisherigen Fälligkeit (25.01.2027) liegen.",
    );
    expect(copbot(await h.send(":as ben", "/cop group extend 2027-02-08 mehr Zeit"))).toContain(
      "Das dürfen nur die Moderation",
    );
    const extended = await h.send(
      ":as anna",
      "/cop group extend 2027-02-08 Abstimmung mit dem Datenschutz dauert länger",
    );
    expect(copbot(extended)).toContain(
      "Die Fälligkeit von „Checkliste PDF“ ist jetzt der 08.02.2027. Begründung: Abstimmung mit dem Datenschutz dauert länger",
    );
    const oldDates = await h.send(":clock 2027-01-25T12:00");
    expect(oldDates.some((l) => l.includes("Erinnerung: „Checkliste PDF“"))).toBe(false);
    const week = await h.send(":clock 2027-02-01T09:30");
    expect(copbot(week)).toContain("Erinnerung: „Checkliste PDF“ ist in 7 Tagen fällig (08.02.2027).");
    const tomorrow = await h.send(":clock 2027-02-07T09:30");
    expect(copbot(tomorrow)).toContain("Erinnerung: „Checkliste PDF“ ist morgen fällig (08.02.2027).");
  });

  it("explains bad input for status, time, milestones and closing", async () => {
    expect(copbot(await h.send(":as dora", "/cop group status #1 hallo"))).toContain(
      "Du bist nicht Mitglied von #1 „Checkliste PDF“.",
    );
    expect(copbot(await h.send("/cop group time #1 2h"))).toContain("Du bist nicht Mitglied");
    expect(copbot(await h.send(":as ben", "/cop group time zwei Stunden"))).toContain(
      "„zwei“ verstehe ich nicht als Zeit",
    );
    expect(copbot(await h.send("/cop group time #9 2h"))).toContain("Eine Arbeitsgruppe #9 gibt es nicht");
    await h.send(":as anna");
    expect(copbot(await h.send("/cop group milestone add 2026-11-01 Alt"))).toContain(
      "liegt in der Vergangenheit",
    );
    expect(copbot(await h.send("/cop group milestone add 2027-03-01 Spät"))).toContain(
      "nach der Fälligkeit der Gruppe (25.01.2027)",
    );
    expect(copbot(await h.send("/cop group milestone add morgen Etwas"))).toContain(
      "So geht’s: /cop group milestone add",
    );
    await h.send("/cop group milestone add 2026-12-10 Entwurf");
    expect(copbot(await h.send("/cop group milestone done 1"))).toContain("Meilenstein „Entwurf“ erledigt");
    expect(copbot(await h.send("/cop group milestone done #1"))).toContain("„Entwurf“ ist schon erledigt.");
    expect(copbot(await h.send("/cop group milestone done #1 7"))).toContain(
      "Den Meilenstein „7“ finde ich nicht",
    );
    expect(copbot(await h.send("/cop group milestone list"))).toContain("✓ #1 10.12.2026 – Entwurf");
    expect(copbot(await h.send("/cop group close"))).toContain(
      "Zum Abschließen brauche ich einen Link zum Ergebnis",
    );
    expect(copbot(await h.send("/cop group close wiki/checkliste fertig"))).toContain(
      "„wiki/checkliste“ ist kein Link, den alle öffnen können – ein Ergebnis-Link beginnt mit https:// oder http://",
    );
    expect(copbot(await h.send(":as ben", "/cop group close https://wiki.example.org/x"))).toContain(
      "Das dürfen nur die Moderation",
    );
    expect(
      copbot(await h.send(":as anna", "/cop group close https://wiki.example.org/checkliste")),
    ).toContain("ist abgeschlossen – danke für eure Arbeit!");
    expect(copbot(await h.send(":as dora", "/cop group join 1"))).toContain(
      "#1 „Checkliste PDF“ ist bereits abgeschlossen.",
    );
    expect(
      copbot(await h.send(":as anna", "/cop group close #1 https://wiki.example.org/checkliste")),
    ).toContain("ist bereits abgeschlossen");
    expect(copbot(await h.send(":as dora", "/cop group confirmation 1"))).toContain(
      "Du warst bei „Checkliste PDF“ nicht dabei",
    );
    const confirmation = await h.send(":as carla", "/cop group confirmation 1");
    expect(confirmation.join("\n")).toContain("[file teilnahmebestaetigung-gruppe-1.md]");
  });
});

describe("working groups: proposing", () => {
  let h: ConsoleHarness;
  beforeEach(async () => {
    h = await session();
  });
  afterEach(() => h.close());

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
