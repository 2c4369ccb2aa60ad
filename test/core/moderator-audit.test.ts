import { startConsole, type ConsoleHarness } from "../support/console-harness";

/**
 * Moderator rights used through member-level commands, buttons and reactions end up in the
 * audit log (one entry each); the owner acting on their own item leaves none.
 */

/** The ref (`m12`) of the first line matching `pattern`. */
function refOf(lines: readonly string[], pattern: RegExp): string {
  const ref = /\((m\d+)\)/.exec(lines.find((l) => pattern.test(l)) ?? "")?.[1];
  if (!ref) throw new Error(`no line matches ${pattern}:\n${lines.join("\n")}`);
  return ref;
}

/** The `/cop audit` lines (as admin) that record `action`. */
async function audited(h: ConsoleHarness, action: string): Promise<string[]> {
  const out = await h.send(":as admin", "/cop audit 100");
  return out.filter((l) => l.includes(`\`${action}\``));
}

/** A session in #allgemein where everybody has spoken once and `mods` are moderators. */
async function session(
  people: readonly string[],
  mods: readonly string[],
  start?: string,
): Promise<ConsoleHarness> {
  const h = await startConsole(start === undefined ? {} : { start });
  await h.send(":in #allgemein", ...people.flatMap((p) => [`:as ${p}`, "Moin"]), ":as admin");
  for (const mod of mods) await h.send(`/cop mod add @${mod}`);
  return h;
}

const PROPOSE =
  '/cop group propose title="Checkliste PDF" problem="Barrierefreie PDF-Formulare scheitern in jeder Behörde an denselben Fehlern bei Tags und Lesereihenfolge." deliverable=Checkliste due=2027-01-25';

describe("audit log of moderator rights", () => {
  it("records a moderator editing someone else's meeting and deleting someone else's check-in, not the creator's own", async () => {
    const h = await session(["mia", "max"], ["mia", "max"], "2027-03-05T12:00:00+01:00");
    await h.send(
      ":as mia",
      '/cop meeting add "CoP-Treffen" weekly mon 10:00 in #allgemein',
      '/cop checkin add "Eins" weekly fri 14:00 in #allgemein questions "Woran arbeitest du?"',
      '/cop checkin add "Zwei" weekly fri 15:00 in #allgemein questions "Woran arbeitest du?"',
      "/cop meeting edit 1 link https://meet.example.org/mia",
      "/cop checkin delete 1",
    );
    expect(await audited(h, "meeting.edit")).toEqual([]);
    expect(await audited(h, "checkin.delete")).toEqual([]);
    await h.send(":as max", "/cop meeting edit 1 link https://meet.example.org/max", "/cop checkin delete 2");
    expect(await audited(h, "meeting.edit")).toEqual([expect.stringContaining("@max · `meeting.edit` · 1")]);
    expect(await audited(h, "checkin.delete")).toEqual([
      expect.stringContaining("@max · `checkin.delete` · 2"),
    ]);
    expect(h.app.db.prepare("SELECT link FROM meetings").all()).toEqual([
      { link: "https://meet.example.org/max" },
    ]);
    expect(h.app.db.prepare("SELECT state FROM checkins ORDER BY id").all()).toEqual([
      { state: "deleted" },
      { state: "deleted" },
    ]);
    h.close();
  });

  it("records a moderator turning someone else's check-in answer into a question, not the author", async () => {
    const h = await session(["mia", "max", "anna"], ["mia", "max"], "2027-03-05T12:00:00+01:00");
    await h.send(
      ":as mia",
      ":in #team",
      '/cop checkin add "Woche" weekly fri 14:00 in #team questions "Woran arbeitest du?|Wo brauchst du Hilfe?"',
    );
    await h.send(
      ":as anna",
      "/cop checkin join 1",
      ":as mia",
      "/cop checkin join 1",
      ":clock 2027-03-05T14:00",
    );
    await h.send(":as anna", ":in dm", "Wiki-Umzug", "SQLite-Backups im Container");
    await h.send(":as mia", ":in dm", "Moderation", "Raumbuchung im Rathaus");
    const summary = await h.send(":clock 2027-03-05T18:00");
    const ref = refOf(summary, /Wochen?.*· Fr, 05\.03\.2027/);
    await h.send(":as anna", ":in #team", `:click ${ref} Als Frage stellen (anna)`);
    expect(await audited(h, "checkin.ask")).toEqual([]);
    await h.send(":as max", ":in #team", `:click ${ref} Als Frage stellen (mia)`);
    expect(await audited(h, "checkin.ask")).toEqual([expect.stringContaining("@max · `checkin.ask`")]);
    expect(h.app.db.prepare("SELECT count(*) AS n FROM qa_questions").get()).toEqual({ n: 2 });
    h.close();
  });

  it("records a moderator solving someone else's question (✅, command) or asking more experts, not the asker", async () => {
    const h = await session(["anna", "bert", "ben", "max"], ["max"]);
    await h.send("/cop qa channel add #fragen");
    for (const name of ["anna", "bert"]) await h.send(`:as ${name}`, "/cop expert add OZG");
    const ask = async (question: string): Promise<string> => {
      const q = refOf(await h.send(":as ben", ":in #fragen", question), /ben: /);
      await h.send(":as anna", `:reply ${q} Schau ins Wiki.`);
      return q;
    };
    await ask("Wie setzt ihr das OZG in kleinen Gemeinden um?");
    const routing = refOf(h.transcript, /copbot: Ich frage mal nach/);
    await h.send(":as max", `:click ${routing} qa.more`);
    const answer = refOf(h.transcript.toReversed(), /anna: Schau ins Wiki/);
    await h.send(":as max", `:react ${answer} ✅`);
    await ask("Gibt es eine Übersicht der OZG-Fristen?");
    await h.send(":as ben", "/cop solved #2");
    await ask("Wer hat eine Vorlage für OZG-Reifegrade?");
    await h.send(":as max", "/cop solved #3");
    expect(h.app.db.prepare("SELECT count(*) AS n FROM qa_questions WHERE status = 'solved'").get()).toEqual({
      n: 3,
    });
    expect(await audited(h, "qa.more")).toEqual([expect.stringContaining("@max · `qa.more` · 1")]);
    expect(await audited(h, "qa.solve")).toEqual([
      expect.stringContaining("@max · `qa.solve` · 3"),
      expect.stringContaining("@max · `qa.solve` · 1"),
    ]);
    h.close();
  });

  it("records a moderator managing a group they do not facilitate, once per step", async () => {
    const h = await session(["anna", "ben", "carla", "max"], ["max"]);
    await h.send(":as anna", PROPOSE, ":as ben", "/cop group join 1", ":as carla", "/cop group join 1");
    await h.send(":as max", "/cop group confirm 1");
    await h.send(
      ":as anna",
      "/cop group status #1 Gliederung steht",
      "/cop group milestone add #1 2027-01-10 Gliederung",
      "/cop group extend 1 2027-02-01 Abstimmung dauert länger",
    );
    await h.send(
      ":as max",
      "/cop group status #1 Warten auf den Datenschutz",
      "/cop group milestone add #1 2027-01-20 Entwurf",
      "/cop group milestone done #1 1",
      "/cop group extend 1 2027-02-08 Datenschutz braucht länger",
      "/cop group facilitator 1 @ben",
      "/cop group close 1 https://wiki.example.org/checkliste-pdf Checkliste fertig",
    );
    const group = (await h.send(":as admin", "/cop audit 100")).filter((l) => l.includes("`group."));
    expect(group).toEqual([
      expect.stringContaining("@max · `group.close` · 1"),
      expect.stringContaining("@max · `group.facilitator` · 1"),
      expect.stringContaining("@max · `group.extend` · 1"),
      expect.stringContaining("@max · `group.milestone` · 1"),
      expect.stringContaining("@max · `group.milestone` · 1"),
      expect.stringContaining("@max · `group.status` · 1"),
      expect.stringContaining("@max · `group.confirm` · 1"),
    ]);
    h.close();
  });

  it("leaves the facilitator's own group steps out", async () => {
    const h = await session(["anna", "ben", "carla"], []);
    await h.send(":as anna", PROPOSE, ":as ben", "/cop group join 1", ":as carla", "/cop group join 1");
    await h.send(
      ":as anna",
      "/cop group confirm 1",
      "/cop group status #1 Gliederung steht",
      "/cop group milestone add #1 2027-01-10 Gliederung",
      "/cop group extend 1 2027-02-01 Abstimmung dauert länger",
      "/cop group close 1 https://wiki.example.org/checkliste-pdf Checkliste fertig",
    );
    expect(
      h.app.db.prepare("SELECT state, status_text, due_date FROM work_groups WHERE id = 1").get(),
    ).toEqual({
      state: "closed",
      status_text: "Gliederung steht",
      due_date: "2027-02-01",
    });
    expect(h.app.db.prepare("SELECT count(*) AS n FROM work_group_milestones").get()).toEqual({ n: 1 });
    const group = (await h.send(":as admin", "/cop audit 100")).filter((l) => l.includes("`group."));
    expect(group).toEqual([]);
    h.close();
  });
});
