import { startConsole, type ConsoleHarness } from "../support/console-harness";
import { refOf, text } from "./console-lines";

const base = (h: ConsoleHarness, id: string, userId: string) => ({
  id,
  platform: "console" as const,
  at: h.clock.now(),
  userId,
  channelId: "console:fragen",
  isDm: false,
});

describe("edits, deletions and asking from a DM", () => {
  it("keeps edited question and answer texts and forgets a deleted open question", async () => {
    const h = await startConsole();
    await h.send("/cop qa channel add #fragen", ":as anna", "/cop expert add OZG");
    const q = refOf(await h.send(":as ben", ":in #fragen", "Wie setzt ihr das OZG um?"), /ben: Wie/);
    const a = refOf(await h.send(":as anna", `:reply ${q} Schrittweise.`), /anna: Schritt/);
    await h.app.bot.handle({
      ...base(h, "e1", "console:ben"),
      kind: "message_edited",
      messageId: q,
      text: "Wie setzt ihr das OZG 2.0 um?",
    });
    await h.app.bot.handle({
      ...base(h, "e2", "console:carla"),
      kind: "message_edited",
      messageId: a,
      text: "Gekapert.",
    });
    await h.app.bot.handle({
      ...base(h, "e3", "console:anna"),
      kind: "message_edited",
      messageId: a,
      text: "Schrittweise, Leistung für Leistung.",
    });
    const db = h.app.db;
    expect(db.prepare("SELECT text FROM qa_questions WHERE id = 1").get()).toEqual({
      text: "Wie setzt ihr das OZG 2.0 um?",
    });
    expect(db.prepare("SELECT text FROM qa_answers").get()).toEqual({
      text: "Schrittweise, Leistung für Leistung.",
    });

    const q2 = refOf(await h.send(":as ben", "Wer betreibt euer OZG-Portal?"), /ben: Wer/);
    await h.app.bot.handle({ ...base(h, "d1", "console:ben"), kind: "message_deleted", messageId: q2 });
    expect(db.prepare("SELECT count(*) AS n FROM qa_questions").get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT state FROM jobs WHERE key = 'qa.escalate:2:1'").get()).toEqual({
      state: "cancelled",
    });
    // A new question never reuses the deleted one's number, so its routing post and jobs are new.
    const again = text(await h.send("Wer betreibt euer OZG-Rechenzentrum?"));
    expect(again).toContain("Frage #3");
    expect(db.prepare("SELECT state FROM jobs WHERE key = 'qa.escalate:3:1'").get()).toEqual({
      state: "pending",
    });
    h.close();
  });

  it("/cop ask in a DM posts into the first Q&A channel, or explains when there is none", async () => {
    const h = await startConsole();
    expect(text(await h.send(":as ben", ":in dm", "/cop ask Wie plant ihr Schulungen?"))).toContain(
      "In welchem Kanal?",
    );
    await h.send(":as admin", "/cop qa channel add #fragen", ":as ben", ":in dm");
    const out = text(await h.send("/cop ask Wie plant ihr Schulungen?"));
    expect(out).toMatch(/\[#fragen\] \(m\d+\) copbot: Frage von @ben: Wie plant ihr Schulungen\?/);
    expect(out).toContain("Deine Frage #1 ist gestellt.");
    h.close();
  });
});
