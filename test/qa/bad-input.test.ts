import { startConsole, type ConsoleHarness } from "../support/console-harness";
import { refOf, text } from "./console-lines";

/** Every bad input gets a clear message and changes nothing. */
describe("Q&A bad input", () => {
  let h: ConsoleHarness;
  let question: string;
  const count = (sql: string): number => (h.app.db.prepare(sql).get() as { n: number }).n;

  beforeAll(async () => {
    h = await startConsole();
    await h.send("/cop qa channel add #fragen", ":as anna", "/cop expert add E-Akte");
    question = refOf(
      await h.send(":as ben", ":in #fragen", "Wie migriert ihr Altakten in die E-Akte?"),
      /ben: Wie/,
    );
    await h.send(":as anna", `:reply ${question} Mit dem Importwerkzeug.`);
  });
  afterAll(() => h.close());

  it("rejects empty and overlong explicit questions", async () => {
    expect(text(await h.send(":as ben", "/cop ask"))).toContain("Deine Frage ist leer.");
    expect(text(await h.send("/cop ask    "))).toContain("Deine Frage ist leer.");
    expect(text(await h.send("@copbot"))).toContain("Deine Frage ist leer.");
    const long = `Wie ${"sehr ".repeat(420)}lang?`;
    expect(text(await h.send(`/cop ask ${long}`))).toContain(
      `Deine Frage ist zu lang (${long.length} Zeichen, höchstens 2000).`,
    );
    expect(count("SELECT count(*) AS n FROM qa_questions")).toBe(1);
  });

  it("does not track greetings, chatter or statements in a Q&A channel", async () => {
    const before = count("SELECT count(*) AS n FROM qa_questions");
    const quiet = await h.send(
      ":in #fragen",
      "Guten Morgen zusammen!",
      "Wie geht's euch?",
      "Wie gesagt, das klappt so nicht.",
      "Was ich noch sagen wollte: morgen fällt aus.",
      `Wie gesagt ${"lang ".repeat(500)}.`,
    );
    expect(text(quiet)).not.toContain("copbot:");
    expect(count("SELECT count(*) AS n FROM qa_questions")).toBe(before);
  });

  it("answers an overlong question in a Q&A channel in its thread instead of dropping it", async () => {
    const before = count("SELECT count(*) AS n FROM qa_questions");
    const long = `Wie ${"lang ".repeat(500)}?`;
    const out = await h.send(":in #fragen", long);
    const ref = refOf(out, /ben: Wie lang/);
    expect(text(out)).toContain(`[#fragen › ${ref}] (m`);
    expect(text(out)).toContain(
      `Deine Frage ist zu lang, um sie zu verfolgen (${long.length} Zeichen, höchstens 2000).`,
    );
    expect(count("SELECT count(*) AS n FROM qa_questions")).toBe(before);
  });

  it("suggests the closest topic for an unknown one", async () => {
    expect(text(await h.send("/cop expert list E-Akta"))).toContain(
      "Das Thema „E-Akta“ kenne ich nicht. Meintest du „E-Akte“?",
    );
    expect(text(await h.send("/cop expert list Quantenphysik"))).toContain(
      "Das Thema „Quantenphysik“ kenne ich nicht.",
    );
    expect(text(await h.send(":as carla", "/cop expert add E-Akta"))).toContain(
      "Meintest du das bestehende Thema „E-Akte“?",
    );
    expect(text(await h.send("/cop expert add"))).toContain("Welche Themen?");
    expect(text(await h.send('/cop expert add "!!!"'))).toContain(
      "Ein Thema braucht Buchstaben oder Ziffern.",
    );
    expect(text(await h.send("/cop expert remove Quantenphysik"))).toContain(
      "Dafür bist du nicht eingetragen.",
    );
  });

  it("refuses to let someone else mark a question solved", async () => {
    expect(text(await h.send(":as carla", "/cop solved #1"))).toContain(
      "Nur wer Frage #1 gestellt hat oder die Moderation kann sie als gelöst markieren.",
    );
    const answer = refOf(h.transcript, /anna: Mit dem Importwerkzeug/);
    expect(text(await h.send(`:react ${answer} ✅`))).toContain(
      "Als gelöst markieren kann Frage #1 nur, wer sie gestellt hat",
    );
    expect(count("SELECT count(*) AS n FROM qa_questions WHERE status = 'solved'")).toBe(0);
  });

  it("solving twice changes nothing", async () => {
    expect(text(await h.send(":as ben", "/cop solved #1"))).toContain("✅ Gelöst nach 1 Min. – danke @anna!");
    expect(text(await h.send("/cop solved 1"))).toContain(
      "Frage #1 ist schon gelöst – da ändert sich nichts.",
    );
    const routing = refOf(h.transcript, /copbot: Ich frage mal nach/);
    expect(text(await h.send(`:click ${routing} qa.solved`))).toContain("Frage #1 ist schon gelöst");
    expect(count("SELECT count(*) AS n FROM qa_knowledge")).toBe(1);
    const row = h.app.db.prepare("SELECT solved_by, accepted_author_id FROM qa_questions WHERE id = 1").get();
    expect(row).toEqual({ solved_by: "console:ben", accepted_author_id: "console:anna" });
  });

  it("explains bad question references", async () => {
    expect(text(await h.send("/cop solved"))).toContain("Welche Frage?");
    expect(text(await h.send("/cop solved abc"))).toContain("Gib die Frage als Nummer an, z. B. #12.");
    expect(text(await h.send("/cop solved #999"))).toContain("Eine Frage #999 kenne ich nicht.");
  });

  it("rejects bad expert settings", async () => {
    expect(text(await h.send("/cop expert cap 99"))).toContain("Gib eine Zahl von 0 bis 50 an.");
    expect(text(await h.send("/cop expert cap viele"))).toContain("Gib eine Zahl von 0 bis 50 an.");
    expect(text(await h.send("/cop expert quiet 25:00-08:00"))).toContain(
      "Gib die Ruhezeit als HH:MM-HH:MM an",
    );
    expect(text(await h.send("/cop away until 31.02.2027"))).toContain(
      "„31.02.2027“ verstehe ich nicht als Datum.",
    );
    expect(text(await h.send("/cop away until 2020-01-01"))).toContain("ist schon vorbei");
    expect(text(await h.send("/cop away until 2030-01-01"))).toContain("mehr als 366 Tage");
    expect(count("SELECT count(*) AS n FROM qa_expert_settings")).toBe(0);
  });

  it("keeps moderator commands for moderators", async () => {
    expect(text(await h.send(":as carla", "/cop qa channel add #allgemein"))).toContain(
      "nur Personen mit der Rolle Moderator:in",
    );
    expect(text(await h.send("/cop topic alias eakte E-Akte"))).toContain(
      "nur Personen mit der Rolle Moderator:in",
    );
    expect(text(await h.send(":as admin", "/cop topic alias E-Akte e-akten"))).toContain(
      "Das ist schon derselbe Name",
    );
    expect(count("SELECT count(*) AS n FROM qa_channels")).toBe(1);
  });
});
