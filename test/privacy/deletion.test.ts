import { z } from "zod";
import { entryTerms } from "../../src/qa/knowledge-vocabulary-repo";
import { startConsole, type ConsoleHarness } from "../support/console-harness";
import { refOf, text } from "../qa/console-lines";

const count = (h: ConsoleHarness, sql: string, ...params: unknown[]): number =>
  z.object({ n: z.number() }).parse(h.app.db.prepare(sql).get(...params)).n;

/** How many rows of copbot's tables (search indexes included) still hold `needle`. */
const stored = (h: ConsoleHarness, needle: string): number =>
  count(h, "SELECT count(*) AS n FROM qa_questions WHERE text LIKE @p OR accepted_text LIKE @p", {
    p: `%${needle}%`,
  }) +
  count(h, "SELECT count(*) AS n FROM qa_answers WHERE text LIKE ?", `%${needle}%`) +
  count(h, "SELECT count(*) AS n FROM qa_more_accepted WHERE text LIKE ?", `%${needle}%`) +
  count(h, "SELECT count(*) AS n FROM qa_knowledge WHERE title LIKE @p OR body LIKE @p", {
    p: `%${needle}%`,
  }) +
  count(
    h,
    "SELECT count(*) AS n FROM qa_knowledge_trigrams WHERE qa_knowledge_trigrams MATCH ?",
    `"${needle}"`,
  ) +
  count(h, "SELECT count(*) AS n FROM qa_expert_sources WHERE text LIKE ?", `%${needle}%`) +
  count(h, "SELECT count(*) AS n FROM work_group_offers WHERE text LIKE ?", `%${needle}%`) +
  // Copies: messages copbot sent (an expert's DM, a reminder's agenda) and the agenda kept to redraw a reminder.
  count(h, "SELECT count(*) AS n FROM outbox WHERE message LIKE ?", `%${needle}%`) +
  count(h, "SELECT count(*) AS n FROM occurrence_ledger WHERE details LIKE ?", `%${needle}%`);

/** The knowledge base's word counts (scale's ranking) match its entries: nothing deleted is still counted. */
function countsMatchEntries(h: ConsoleHarness): void {
  const expected = new Map<string, number>();
  const entries = z.array(z.object({ title: z.string(), body: z.string() }));
  for (const e of entries.parse(h.app.db.prepare("SELECT title, body FROM qa_knowledge").all())) {
    for (const term of entryTerms(e.title, e.body).terms) expected.set(term, (expected.get(term) ?? 0) + 1);
  }
  const vocabulary = z.array(z.object({ term: z.string(), docs: z.number() }));
  const actual = vocabulary.parse(h.app.db.prepare("SELECT term, docs FROM qa_knowledge_vocabulary").all());
  expect(new Map(actual.map((r) => [r.term, r.docs]))).toEqual(expected);
}

/**
 * A message deleted on the platform is deleted in copbot's store and search index too (issue
 * 17). An accepted answer others relied on leaves a tombstone only moderators find.
 */
describe("messages deleted on the platform", () => {
  let h: ConsoleHarness;
  beforeEach(async () => {
    h = await startConsole();
    await h.send("/cop qa channel add #fragen", ":as mo", ":as admin", "/cop mod add @mo");
    await h.send(":as anna", "/cop expert add Scanner");
  });
  afterEach(() => h.close());

  /** Ben asks, Anna answers, Ben accepts: returns the refs of question and answer. */
  async function solved(question: string, answer: string): Promise<{ q: string; a: string }> {
    const q = refOf(await h.send(":as ben", ":in #fragen", question), /ben: /);
    const a = refOf(await h.send(":as anna", `:reply ${q} ${answer}`), /anna: /);
    await h.send(":as ben", `:react ${a} ✅`);
    return { q, a };
  }

  it("forgets an open question with its reminders and every copy of its text", async () => {
    await h.send(":as mo", '/cop meeting add "CoP-Treffen" weekly mon 10:00 in #allgemein remind 15m');
    const q = refOf(await h.send(":as ben", ":in #fragen", "Welcher Scanner taugt für Altakten?"), /ben: /);
    expect(
      count(h, "SELECT count(*) AS n FROM jobs WHERE key LIKE 'qa.escalate:%' AND state = 'pending'"),
    ).toBe(1);
    // The meeting reminder lists the open question in its agenda.
    const reminder = await h.send(":clock 2026-11-30T09:45");
    expect(text(reminder)).toContain("Welcher Scanner taugt für Altakten?");
    expect(count(h, "SELECT count(*) AS n FROM outbox WHERE message LIKE '%Scanner taugt%'")).toBe(1);
    expect(count(h, "SELECT count(*) AS n FROM occurrence_ledger WHERE details LIKE '%Scanner taugt%'")).toBe(
      1,
    );
    await h.send(`:delete ${q}`);
    expect(stored(h, "Scanner taugt")).toBe(0);
    // A click on the reminder redraws it, now without the agenda.
    const rsvp = text(
      await h.send(":as carla", `:click ${refOf(reminder, /copbot: \*📅 CoP-Treffen/)} Zusage`),
    );
    expect(rsvp).not.toContain("Scanner");
    expect(
      count(h, "SELECT count(*) AS n FROM jobs WHERE key LIKE 'qa.escalate:%' AND state = 'pending'"),
    ).toBe(0);
    expect(text(await h.send(":as mo", "/cop qa open"))).not.toContain("Scanner");
  });

  it("takes a deleted answer out of the question, so it can no longer be accepted", async () => {
    const q = refOf(await h.send(":as ben", ":in #fragen", "Welcher Scanner taugt für Altakten?"), /ben: /);
    const a = refOf(await h.send(":as anna", `:reply ${q} Der Fujitsu fi-7160 läuft stabil.`), /anna: /);
    await h.send(`:delete ${a}`);
    expect(stored(h, "fi-7160")).toBe(0);
    expect(text(await h.send(":as ben", `:react ${a} ✅`))).not.toContain("Gelöst");
  });

  it("removes a solved question, its answer and its knowledge entry when the question is deleted", async () => {
    const { q } = await solved("Wie digitalisiert ihr Bauakten?", "Wir scannen mit 300 dpi in PDF/A.");
    expect(text(await h.send("/cop search Bauakten"))).toContain("Wie digitalisiert ihr Bauakten?");
    await h.send(":as ben", `:delete ${q}`);
    expect(stored(h, "Bauakten")).toBe(0);
    expect(stored(h, "300 dpi")).toBe(0);
    countsMatchEntries(h);
    expect(text(await h.send(":as mo", "/cop search Bauakten"))).toContain(
      "habe ich noch nichts Gelöstes gefunden",
    );
  });

  it("leaves a moderator-only tombstone when the accepted answer is deleted", async () => {
    const { a } = await solved("Wie digitalisiert ihr Bauakten?", "Wir scannen mit 300 dpi in PDF/A.");
    await h.send(":as anna", `:delete ${a}`);
    expect(stored(h, "300 dpi")).toBe(0);
    countsMatchEntries(h);
    expect(text(await h.send(":as carla", "/cop search Bauakten"))).toContain(
      "habe ich noch nichts Gelöstes gefunden",
    );
    expect(text(await h.send(":as carla", "Wie digitalisiert ihr Bauakten im Amt?"))).not.toContain(
      "Vielleicht hilft schon das",
    );
    const moderator = text(await h.send(":as mo", "/cop search Bauakten"));
    expect(moderator).toContain("Wie digitalisiert ihr Bauakten?");
    expect(moderator).toContain("Die angenommene Antwort wurde gelöscht (nur für die Moderation sichtbar).");
  });

  it("keeps the other accepted answers when one of several is deleted, without a tombstone", async () => {
    const { q, a } = await solved("Wie digitalisiert ihr Bauakten?", "Wir scannen mit 300 dpi in PDF/A.");
    const reply = await h.send(":as carla", `:reply ${q} Wir geben die Bauakten an einen Dienstleister.`);
    await h.send(":as ben", `:react ${refOf(reply, /carla: /)} ✅`);
    expect(count(h, "SELECT count(*) AS n FROM qa_more_accepted")).toBe(1);
    await h.send(":as anna", `:delete ${a}`);
    expect(stored(h, "300 dpi")).toBe(0);
    countsMatchEntries(h);
    expect(
      count(
        h,
        "SELECT count(*) AS n FROM qa_questions WHERE status = 'solved' AND accepted_author_id = 'console:carla'",
      ),
    ).toBe(1);
    expect(
      count(
        h,
        "SELECT count(*) AS n FROM qa_knowledge WHERE removed_at IS NULL AND body LIKE '%Dienstleister%'",
      ),
    ).toBe(1);
    expect(text(await h.send(":as dora", "/cop search Bauakten"))).toContain(
      "Wie digitalisiert ihr Bauakten?",
    );
  });

  it("drops the proposal text copied from a deleted message", async () => {
    const proposal = await h.send(
      ":as dora",
      ":in #allgemein",
      "Lasst uns gemeinsam eine Checkliste erarbeiten: barrierefreie PDF-Formulare scheitern in jeder Behörde an Tags und Lesereihenfolge.",
    );
    expect(text(proposal)).toContain("[button group.offer");
    await h.send(`:delete ${refOf(proposal, /dora: /)}`);
    expect(stored(h, "barrierefreie PDF-Formulare")).toBe(0);
  });
});
