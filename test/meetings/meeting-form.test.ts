import type { FormSpec } from "../../src/core/port";
import { MeetingRepo } from "../../src/meetings/meeting-repo";
import { startConsole, type ConsoleHarness } from "../support/console-harness";

/** Monday 2027-03-01 09:00 Berlin; ben moderates, carla is a member. */
async function session(): Promise<ConsoleHarness> {
  const h = await startConsole({ start: "2027-03-01T08:00:00+01:00" });
  await h.send(":as ben", ":as carla", ":as admin", ":in #allgemein", ":in #treffen", "/cop mod add @ben");
  return h;
}

let counter = 0;
/** A modal submission as the Slack adapter delivers it (empty fields are left out). */
function submit(h: ConsoleHarness, user: string, values: Record<string, string>) {
  return h.app.bot.handle({
    kind: "form_submit",
    id: `console:form:${++counter}`,
    platform: "console",
    at: h.clock.now(),
    userId: `console:${user}`,
    channelId: "console:treffen",
    isDm: false,
    formId: "meeting.add",
    values: { __context: "console:treffen", ...values },
  });
}

const since = (h: ConsoleHarness, from: number) => h.transcript.slice(from).join("\n");
const meetings = (h: ConsoleHarness) => new MeetingRepo(h.app.db).list();

describe("meeting add through a form", () => {
  let h: ConsoleHarness;
  beforeEach(async () => {
    h = await session();
  });
  afterEach(() => h.close());

  it("without arguments opens the form where the platform has forms, with this channel as context", async () => {
    const opened: FormSpec[] = [];
    jest.spyOn(h.adapter.port, "openForm").mockImplementation(async (_trigger, _user, form) => {
      opened.push(form);
      return true;
    });
    const out = await h.send(":as ben", "/cop meeting add");
    expect(out.join("\n")).not.toContain("copbot:");
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({
      formId: "meeting.add",
      title: "Neuer Termin",
      context: "console:treffen",
    });
    expect(opened[0]?.fields.map((f) => [f.name, f.optional === true])).toEqual([
      ["title", false],
      ["channel", true],
      ["rule", false],
      ["options", true],
    ]);
    expect(opened[0]?.fields.find((f) => f.name === "rule")?.hint).toContain("weekly mon 10:00");
  });

  it("without forms (console, Matrix) answers with the usage line and an example", async () => {
    const out = await h.send(":as ben", "/cop meeting add");
    expect(out.slice(1).join("\n")).toContain('So geht\'s: `/cop meeting add "Titel" weekly|every N weeks');
    expect(out.slice(1).join("\n")).toContain(
      'Beispiel: `/cop meeting add "CoP-Treffen" weekly mon 10:00 in #allgemein`',
    );
    expect(meetings(h)).toEqual([]);
  });

  it("creates the meeting with the same grammar as the command and confirms it by DM", async () => {
    const from = h.transcript.length;
    await submit(h, "ben", {
      title: "CoP-Treffen",
      channel: "#allgemein",
      rule: "weekly mon 10:00",
      options: "duration 90m remind 15m link https://meet.example.org/cop",
    });
    expect(since(h, from)).toContain("[dm ben]");
    expect(since(h, from)).toContain("Termin #1 „CoP-Treffen“ ist angelegt. Die nächsten Termine:");
    expect(since(h, from)).toContain("• Mo, 01.03.2027, 10:00");
    expect(meetings(h)).toMatchObject([
      {
        title: "CoP-Treffen",
        channelId: "console:allgemein",
        durationMinutes: 90,
        remindMinutes: [15],
        link: "https://meet.example.org/cop",
        createdBy: "console:ben",
        schedule: { recurrence: { kind: "weekly", weekday: "mon", time: "10:00" } },
      },
    ]);
    const audit = await h.send(":as admin", "/cop audit");
    expect(audit.join("\n")).toContain("`command:meeting add`");

    const reminded = await h.send(":clock 2027-03-01T09:45");
    expect(reminded.join("\n")).toContain("[#allgemein]");
    expect(reminded.join("\n")).toContain("Beginnt in 15 Minuten");
  });

  it("uses the channel the form was opened in when the channel field stays empty", async () => {
    await submit(h, "ben", { title: "Sprechstunde", rule: "monthly first wed 14:00" });
    expect(meetings(h)).toMatchObject([{ title: "Sprechstunde", channelId: "console:treffen" }]);
  });

  it.each([
    [
      "a bad time",
      { rule: "weekly mon 25:00" },
      "Wiederholung und Uhrzeit",
      "„25:00“ ist keine gültige Uhrzeit",
    ],
    [
      "an unknown rule",
      { rule: "daily 10:00" },
      "Wiederholung und Uhrzeit",
      "„daily“ ist keine Wiederholung",
    ],
    ["a bad duration", { options: "duration lang" }, "Weitere Angaben", "„lang“ ist keine gültige Dauer"],
    [
      "an unclosed quote",
      { options: 'link "offen' },
      "Weitere Angaben",
      "Ein Anführungszeichen ist nicht geschlossen",
    ],
    ["an unknown channel", { channel: "#gibtsnicht" }, "Kanal", "Den Kanal „#gibtsnicht“ finde ich nicht."],
    [
      "an overlong title",
      { title: "x".repeat(121) },
      "Titel",
      "Der Titel ist zu lang (höchstens 120 Zeichen)",
    ],
  ])("%s names the field %s and stores nothing", async (_case, change, field, problem) => {
    const from = h.transcript.length;
    await submit(h, "ben", { title: "CoP-Treffen", rule: "weekly mon 10:00", ...change });
    const out = since(h, from);
    expect(out).toContain("[dm ben]");
    expect(out).toContain(`Der Termin ist noch nicht angelegt. Bitte korrigiere das Feld „${field}“:`);
    expect(out).toContain(problem);
    expect(out).toContain(
      "Formular neu öffnen mit /cop meeting add – oder korrigiert als eine Zeile schicken:",
    );
    expect(out).toContain('`/cop meeting add "');
    expect(meetings(h)).toEqual([]);
  });

  it("offers the submission as one corrected-able line, quotes and all", async () => {
    const from = h.transcript.length;
    await submit(h, "ben", { title: 'Das "große" Treffen', channel: "#allgemein", rule: "weekly mon 25:00" });
    expect(since(h, from)).toContain(
      '`/cop meeting add „Das "große" Treffen“ weekly mon 25:00 in #allgemein`',
    );
    await h.send(
      ":as ben",
      ":in #allgemein",
      '/cop meeting add „Das "große" Treffen“ weekly mon 10:00 in #allgemein',
    );
    expect(meetings(h)).toMatchObject([{ title: 'Das "große" Treffen' }]);
  });

  it("refuses members: a submission is checked like the command", async () => {
    const from = h.transcript.length;
    await submit(h, "carla", { title: "CoP-Treffen", rule: "weekly mon 10:00" });
    expect(since(h, from)).toContain("[dm carla] (m");
    expect(since(h, from)).toContain(
      "`/cop meeting add` dürfen nur Personen mit der Rolle Moderator:in nutzen – du bist Mitglied.",
    );
    expect(meetings(h)).toEqual([]);
  });
});
