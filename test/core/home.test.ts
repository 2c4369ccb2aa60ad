import { inlineToPlain, type OutgoingMessage } from "../../src/core/message";
import { startConsole, type ConsoleHarness } from "../support/console-harness";
import { MIGRATION_PROBLEM } from "../support/groups-fixtures";

/** The home as readable lines: `# header`, `**bold**` paragraphs, `• items`, `(small print)`, `---`. */
function lines(message: OutgoingMessage): string[] {
  const plain = (content: Parameters<typeof inlineToPlain>[0][]) =>
    content
      .map((inline) =>
        typeof inline === "object" && "bold" in inline ? `**${inline.bold}**` : inlineToPlain(inline),
      )
      .join("");
  return message.blocks.flatMap((block) => {
    switch (block.kind) {
      case "header":
        return [`# ${block.text}`];
      case "text":
        return [plain([...block.content])];
      case "context":
        return [`(${plain([...block.content])})`];
      case "list":
        return block.items.map((item) => `• ${plain([...item])}`);
      case "divider":
        return ["---"];
    }
  });
}

describe("the member's home (Slack App Home content)", () => {
  let h: ConsoleHarness;
  beforeAll(async () => {
    // Monday 2026-11-30 09:00 Berlin
    h = await startConsole();
    await h.send(
      ":as anna",
      ":as ben",
      ":as admin",
      ":in #allgemein",
      ":in #fragen",
      "/cop qa channel add #fragen",
      '/cop meeting add "CoP-Treffen" weekly mon 10:00 in #allgemein',
      '/cop meeting add "Sprechstunde" monthly first wed 14:00 in #allgemein',
      '/cop meeting add "Pausiert" weekly tue 10:00 in #allgemein',
      "/cop meeting pause 3",
      ":as anna",
      "/cop expert add E-Akte Archiv",
      "/cop expert quiet 18:00-08:00",
      "/cop expert cap 2",
      "/cop group invitations on",
      '/cop profile org "Stadt Musterhausen"',
      ":in #fragen",
      "Wie migriert ihr Altakten in die E-Akte?",
      ":in #allgemein",
      `/cop group propose title="Leitfaden E-Akte-Migration" problem="${MIGRATION_PROBLEM}" deliverable=Leitfaden due=2027-01-25 topics="E-Akte"`,
      ":as ben",
      "/cop lang en",
    );
  });
  afterAll(() => h.close());

  it("shows my open questions, my topics and availability, my groups, next meetings and my settings", async () => {
    expect(lines(await h.app.bot.home("console:anna"))).toEqual([
      "# Deine Übersicht",
      "(Hallo @console:anna! Hier siehst du, was in der Community gerade für dich ansteht.)",
      "---",
      "**Meine offenen Fragen**",
      "• #1 Wie migriert ihr Altakten in die E-Akte? · #console:fragen · seit 30.11. 09:00 · noch keine Antwort",
      "Meine Themen als Expert:in: Archiv, E-Akte",
      "Erreichbarkeit: ich darf dich markieren",
      "(Gelöste Fragen durchsuchen: /cop search <Wörter>)",
      "---",
      "**Meine Arbeitsgruppen**",
      "• **#1 Leitfaden E-Akte-Migration** · sucht Mitglieder · fällig am 25.01.2027",
      "(Alle Gruppen und eine eigene vorschlagen: /cop group list · /cop group propose)",
      "---",
      "**Nächste Termine**",
      // Local time; the paused series is left out, and a weekly one shows at most two dates.
      "• Mo, 30.11.2026, 10:00 · **CoP-Treffen** · #console:allgemein",
      "• Mi, 02.12.2026, 14:00 · **Sprechstunde** · #console:allgemein",
      "• Mo, 07.12.2026, 10:00 · **CoP-Treffen** · #console:allgemein",
      "• Mi, 06.01.2027, 14:00 · **Sprechstunde** · #console:allgemein",
      "(Alle Termine und Kalenderdatei: /cop meeting list · /cop meeting ics <nr>)",
      "---",
      "**Meine Einstellungen**",
      "• Sprache: Deutsch · /cop lang en",
      '• Profil: anna, Stadt Musterhausen (noch keine Kurzbeschreibung) · /cop profile name|org|bio "…"',
      "• Expert:in: höchstens 2 Anfragen pro Woche · /cop expert cap <Anzahl>",
      "• Ruhezeit: 18:00–08:00 Uhr · /cop expert quiet <HH:MM-HH:MM>|off",
      "• Abwesend: nein · /cop away until <Datum>",
      "• Anfragen: an · /cop expert pause",
      "• Einladungen zu passenden Arbeitsgruppen: an · /cop group invitations off",
      "• Kontakte knüpfen: nicht dabei · /cop intros join",
    ]);
  });

  it("speaks the member's language and says when there is nothing yet", async () => {
    const home = lines(await h.app.bot.home("console:ben"));
    expect(home.slice(0, 10)).toEqual([
      "# Your overview",
      "(Hello @console:ben! Here is what is coming up for you in the community.)",
      "---",
      "**My open questions**",
      "(You have no open questions right now.)",
      "(Search solved questions: /cop search <words>)",
      "---",
      "**My working groups**",
      "(You are not in any working group right now.)",
      "(All groups, and proposing your own: /cop group list · /cop group propose)",
    ]);
    expect(home).toContain("• Mon, 2026-11-30, 10:00 · **CoP-Treffen** · #console:allgemein");
    expect(home.slice(-6)).toEqual([
      "**My settings**",
      "• Language: English · /cop lang de",
      '• Profile: ben (no short bio yet) · /cop profile name|org|bio "…"',
      "• Expert: no topics yet · /cop expert add <topic> [more topics …]",
      "• Invitations to matching working groups: off · /cop group invitations on",
      "• Meet people: not taking part · /cop intros join",
    ]);
  });

  it("follows changes: a solved question leaves, being away or paused shows, past dates move on", async () => {
    const asked = h.transcript.find((l) => l.includes("anna: Wie migriert")) ?? "";
    const ref = /\((m\d+)\)/.exec(asked)?.[1] ?? "";
    await h.send(":as ben", `:reply ${ref} Mit dem Importwerkzeug.`, ":as anna", `:react ${ref} ✅`);
    await h.send("/cop away until 2026-12-07", ":clock 2026-11-30T10:30");
    const away = lines(await h.app.bot.home("console:anna"));
    expect(away).toContain("(Du hast gerade keine offenen Fragen.)");
    expect(away).toContain("Erreichbarkeit: abwesend bis 07.12.2026");
    expect(away).toContain("• Abwesend bis 07.12.2026 · /cop away off");
    expect(away.find((l) => l.includes("CoP-Treffen"))).toBe(
      "• Mo, 07.12.2026, 10:00 · **CoP-Treffen** · #console:allgemein",
    );

    await h.send("/cop away off", "/cop expert pause");
    const paused = lines(await h.app.bot.home("console:anna"));
    expect(paused).toContain("Erreichbarkeit: pausiert – ich markiere dich nicht");
    expect(paused).toContain("• Anfragen: pausiert · /cop expert resume");
  });
});
