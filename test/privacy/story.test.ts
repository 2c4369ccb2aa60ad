import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startConsole, type ConsoleHarness } from "../support/console-harness";
import { refOf, text } from "../qa/console-lines";
import { traces } from "./traces";

/**
 * The "done when" story of issue 17 in the console: a member exports their data (the file's
 * path is printed), has copbot forget them after a confirmation, and the community still finds
 * their solved question, now by "ehemaliges Mitglied"; nothing personal of theirs is left.
 */
describe("console story: privacy export and forget", () => {
  let h: ConsoleHarness;
  let files: string;
  let question: string;
  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), "copbot-export-"));
    h = await startConsole({ filesDir: files });
    await h.send(
      "/cop qa channel add #fragen",
      '/cop meeting add "CoP-Treffen" weekly mon 10:00 in #allgemein remind 15m',
      '/cop checkin add "Wochen-Check-in" weekly mon 11:00 in #team questions "Woran arbeitest du?" deadline 2h',
      ":as anna",
      "/cop expert add E-Akte",
      ":as ben",
      '/cop profile org "Stadt Musterhausen"',
      "/cop expert add Vergabe",
      "/cop checkin join 1",
    );
    const asked = await h.send(":in #fragen", "Wie migriert ihr Altakten in die E-Akte?");
    question = refOf(asked, /ben: Wie migriert ihr Altakten/);
    const answered = await h.send(
      ":as anna",
      `:reply ${question} Wir scannen nach Aktenplan und importieren per XDOMEA.`,
    );
    const answer = refOf(answered, /anna: Wir scannen/);
    await h.send(":as ben", `:react ${answer} ✅`, "Welche Schulung empfehlt ihr für Vergabe?");
    const reminder = await h.send(":clock 2026-11-30T09:45");
    await h.send(`:click ${refOf(reminder, /copbot: \*📅 CoP-Treffen/)} Zusage`);
    await h.send(":clock 2026-11-30T11:00", ":in dm", "Am Umzug der Altakten");
  });
  afterAll(() => {
    h.close();
    rmSync(files, { recursive: true, force: true });
  });

  it("exports everything by DM as a JSON file whose path the console prints", async () => {
    const out = await h.send(":in #fragen", "/cop privacy export");
    const transcript = text(out);
    expect(transcript).toContain("[#fragen → ben]");
    expect(transcript).toContain("Ich habe dir deine Daten als Datei per Direktnachricht geschickt.");
    expect(transcript).toContain("[dm ben]");
    expect(transcript).toContain("*Deine Daten bei copbot*");
    expect(transcript).toMatch(/\*Fragen und Expertise\* – Fragen: 2 · Expertise-Themen: 1/);
    expect(transcript).toMatch(
      /\*Treffen und Check-ins\* – Zu- und Absagen: 1 · Check-in-Teilnahmen: 1 · Check-in-Antworten: 1/,
    );
    const path = /\[file copbot-meine-daten-2026-11-30\.json → (\S+)\]/.exec(transcript)?.[1];
    expect(path).toBe(join(files, "copbot-meine-daten-2026-11-30.json"));
    expect(statSync(path ?? "").mode & 0o777).toBe(0o600);
    const data = JSON.parse(readFileSync(path ?? "", "utf8")) as {
      member_id: string;
      parts: Record<string, Record<string, unknown>>;
    };
    expect(data.member_id).toBe("console:ben");
    expect(data.parts["core"]?.["profile"]).toMatchObject({ organisation: "Stadt Musterhausen" });
    expect(data.parts["qa"]?.["questions"]).toEqual([
      expect.objectContaining({ text: "Wie migriert ihr Altakten in die E-Akte?", status: "solved" }),
      expect.objectContaining({ text: "Welche Schulung empfehlt ihr für Vergabe?", status: "open" }),
    ]);
    expect(data.parts["qa"]?.["expert_topics"]).toEqual([expect.objectContaining({ label: "Vergabe" })]);
    expect(data.parts["meetings"]?.["checkin_answers"]).toEqual([
      expect.objectContaining({ text: "Am Umzug der Altakten" }),
    ]);
    expect(data.parts["meetings"]?.["rsvps"]).toEqual([expect.objectContaining({ answer: "yes" })]);
  });

  it("forgets the member after a confirmation; the solved question stays searchable by „ehemaliges Mitglied“", async () => {
    const asked = await h.send("/cop privacy forget");
    expect(text(asked)).toContain("*Soll copbot dich vergessen?*");
    expect(text(asked)).toContain(
      "[button privacy.forget: Ja, endgültig löschen] [button privacy.keep: Abbrechen]",
    );
    const confirm = refOf(asked, /copbot: \*Soll copbot dich vergessen/);
    expect(text(await h.send(`:click ${confirm} privacy.keep`))).toContain(
      "Abgebrochen – es wurde nichts gelöscht.",
    );
    expect(traces(h.app.db, "console:ben", ["outbox"]).length).toBeGreaterThan(0);

    const done = text(await h.send(`:click ${confirm} privacy.forget`));
    expect(done).toContain("Erledigt: copbot hat dich vergessen.");
    expect(done).toMatch(/offene Fragen: 1 · Expertise-Themen: 1 ·/);
    expect(done).toContain("gelöste Fragen (anonymisiert): 1");
    expect(done).toMatch(/Zu- und Absagen: 1 · Check-in-Teilnahmen: 1 · Check-in-Antworten: 1/);

    const search = text(await h.send(":as carla", "/cop search Altakten"));
    expect(search).toContain("Wie migriert ihr Altakten in die E-Akte?");
    expect(search).toContain("Frage von: ehemaliges Mitglied, Antwort von: anna");
    expect(text(await h.send("/cop search Schulung Vergabe"))).toContain("Zu „Schulung Vergabe“ habe ich");
  });

  it("leaves nothing of the member but the messages still on their way to them", () => {
    expect(traces(h.app.db, "console:ben", ["outbox"])).toEqual([]);
    expect(traces(h.app.db, "Stadt Musterhausen")).toEqual([]);
    expect(traces(h.app.db, "Am Umzug der Altakten")).toEqual([]);
    const outbox = h.app.db
      .prepare(
        "SELECT message FROM outbox WHERE target LIKE '%console:ben%' AND message <> '{\"blocks\":[]}'",
      )
      .all() as { message: string }[];
    // Only the confirmation that everything is gone (sent after the erasure) still names them.
    expect(outbox.map((r) => r.message)).toEqual([
      expect.stringContaining("Erledigt: copbot hat dich vergessen."),
    ]);
  });

  it("has taken the member out of every queue and schedule", async () => {
    const round = text(await h.send(":clock 2026-12-07T11:00"));
    expect(round).toContain("[dm admin]");
    expect(round).not.toContain("[dm ben]");
    const routed = text(await h.send(":as dora", ":in #fragen", "Wer kennt sich mit Vergabe aus?"));
    expect(routed).not.toContain("@ben");
  });

  it("lets a moderator erase a member who left, and records it in the audit log", async () => {
    await h.send(":as emil", '/cop profile bio "Archivar"', ":as admin");
    const asked = await h.send("/cop privacy forget @emil");
    expect(text(asked)).toContain("*Alle Daten von emil löschen?*");
    expect(text(asked)).toContain("Das Löschen wird im Moderationsprotokoll vermerkt.");
    expect(text(await h.send(":as dora", "/cop privacy forget @emil"))).toContain(
      "Die Daten anderer Personen löschen nur Moderator:innen.",
    );
    const confirm = refOf(asked, /copbot: \*Alle Daten von emil/);
    expect(text(await h.send(`:click ${confirm} privacy.forget`))).toContain(
      "Die Daten anderer Personen löschen nur Moderator:innen.",
    );
    expect(text(await h.send(":as admin", `:click ${confirm} privacy.forget`))).toContain(
      "Erledigt: Die Daten von emil sind gelöscht.",
    );
    expect(traces(h.app.db, "Archivar")).toEqual([]);
    expect(text(await h.send("/cop audit 1"))).toMatch(/@admin · `privacy.forget` · console:emil/);
  });
});
