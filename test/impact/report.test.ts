import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startConsole, type ConsoleHarness } from "../support/console-harness";
import { refOf } from "../support/groups-fixtures";

/** The ref of the message one of whose lines contains `text` (continuation lines have none). */
function messageWith(lines: readonly string[], text: string): string {
  const hit = lines.findIndex((l) => l.includes(text));
  const head = lines.slice(0, hit + 1).findLast((l) => /\((m\d+)\)/.test(l));
  return /\((m\d+)\)/.exec(head ?? "")?.[1] ?? "none";
}

let dir: string;
let h: ConsoleHarness;

/** A small week: two questions (one solved), an expert and a non-expert answering, two RSVPs. */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "copbot-report-"));
  h = await startConsole({ start: "2027-01-04T09:00:00+01:00", dbPath: join(dir, "copbot.db") });
  await h.send(":as anna", ":as ben", ":as carla", ":as admin");
  await h.send("/cop qa channel add #fragen", "/cop expert add E-Akte");
  await h.send('/cop meeting add "CoP-Treffen" weekly thu 10:00 in #allgemein');
  const q1 = refOf(
    await h.send(":in #fragen", ":as ben", "Wie migriert ihr Altakten in die E-Akte?"),
    "Wie migriert",
  );
  await h.send(":clock 2027-01-04T10:00", ":as anna", `:reply ${q1} Erst scannen, dann Aussonderung prüfen.`);
  await h.send(":clock 2027-01-04T11:00", ":as ben", `:reply ${q1} /cop solved`);
  const q2 = refOf(
    await h.send(":as carla", "Wer hat ein Muster für Vergabevermerke?"),
    "Wer hat ein Muster",
  );
  await h.send(
    ":clock 2027-01-04T13:00",
    ":as admin",
    `:reply ${q2} Schau mal ins Intranet der Vergabestelle.`,
  );
  const reminder = messageWith(await h.send(":clock 2027-01-06T10:00"), "Beginnt in 1 Tag");
  await h.send(":as anna", `:click ${reminder} Zusage`, ":as ben", `:click ${reminder} Zusage`);
  await h.send(":clock 2027-01-08T12:00", ":in #allgemein");
});

afterAll(() => {
  h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("/cop report", () => {
  it("posts the figures as a compact message with a PNG chart and a CSV written next to the database", async () => {
    const out = await h.send(":as admin", "/cop report month");
    const text = out.join("\n");
    expect(text).toContain("*Community-Bericht 2027-01*");
    expect(text).toContain("01.01.2027 – 08.01.2027");
    expect(text).toContain("• Fragen: 2 gestellt, 1 gelöst");
    // First answers after 1 h and 2 h, the one solution after 2 h.
    expect(text).toContain("• Median bis zur ersten Antwort: 1 Std. 30 Min. · bis zur Lösung: 2 Std.");
    expect(text).toContain("• Antworten: 2, davon 50 % von Mitgliedern ohne Expertenrolle");
    expect(text).toContain("• Verteilung der Last auf 1 Expert:innen: Gini 0,00, Top-10 % tragen 100 %");
    expect(text).toContain("• Aktive Mitglieder: 0 regelmäßig, 0 gelegentlich, 4 vereinzelt");
    expect(text).toContain("• Treffen: 1 Termine mit Rückmeldungen, 2 Zusagen (2,00 je Termin)");
    // No individual is named or ranked anywhere in the report.
    expect(text).not.toMatch(/@(anna|ben|carla|admin)\b/);
    const png = join(dir, "files", "copbot-bericht-2027-01.png");
    const csv = join(dir, "files", "copbot-bericht-2027-01.csv");
    expect(text).toContain(`[file copbot-bericht-2027-01.png → ${png}]`);
    expect(text).toContain(`[file copbot-bericht-2027-01.csv → ${csv}]`);
    const image = readFileSync(png);
    expect(image.subarray(1, 4).toString()).toBe("PNG");
    expect(image.readUInt32BE(16)).toBeGreaterThan(900); // width: 520 px plot, drawn at scale 2
    const rows = readFileSync(csv, "utf8").split("\r\n");
    expect(rows[0]).toBe("period,from,to,metric,value");
    expect(rows).toContain("2027-01,2026-12-31T23:00:00.000Z,2027-01-08T11:00:00.001Z,questions_asked,2");
    expect(rows).toContain(
      "2027-01,2026-12-31T23:00:00.000Z,2027-01-08T11:00:00.001Z,median_first_answer_minutes,90",
    );
    expect(rows).toContain(
      "2027-01,2026-12-31T23:00:00.000Z,2027-01-08T11:00:00.001Z,non_expert_share,0.500",
    );
  });

  it("is for moderators only and explains its arguments", async () => {
    expect((await h.send(":as anna", "/cop report quarter")).join("\n")).toContain("Moderator:in");
    expect((await h.send(":as admin", "/cop report week")).join("\n")).toContain("`report month`");
  });
});

describe("/cop impact", () => {
  it("shows the caller only their own contribution, as text and a file to forward", async () => {
    const out = (await h.send(":as anna", "/cop impact")).join("\n");
    expect(out).toContain("[#allgemein → anna]");
    expect(out).toContain("• Geantwortet: 1 (1 als Lösung angenommen)");
    expect(out).toContain("• Treffen zugesagt: 1");
    expect(out).toContain("│ - 04.01.2027: Wie migriert ihr Altakten in die E-Akte? (als Lösung angenommen)");
    expect(out).toContain("│ - Do, 07.01.2027, 10:00: CoP-Treffen");
    // Nothing of anybody else: not Carla's question, not the admin's answer.
    expect(out).not.toContain("Vergabevermerke");
    expect(existsSync(join(dir, "files", "copbot-beitrag-2027-01-08.md"))).toBe(true);
    const ben = (await h.send(":as ben", "/cop impact")).join("\n");
    expect(ben).toContain("• Gefragt: 1");
    expect(ben).toContain("│ - 04.01.2027: Wie migriert ihr Altakten in die E-Akte?");
    expect(ben).not.toContain("Vergabevermerke");
    expect((await h.send(":as dora", "/cop impact")).join("\n")).toContain(
      "Bisher habe ich noch nichts von dir",
    );
  });
});
