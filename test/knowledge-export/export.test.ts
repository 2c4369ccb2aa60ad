import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startConsole, type ConsoleHarness } from "../support/console-harness";
import { refOf, startWithThree } from "../support/groups-fixtures";

let dir: string;
let h: ConsoleHarness;
let site: string;

/** Asks in #fragen as `asker`, answers as `answerer`, and the asker marks it solved. */
async function solved(asker: string, question: string, answerer: string, answer: string): Promise<void> {
  const ref = refOf(await h.send(":in #fragen", `:as ${asker}`, question), question.slice(0, 20));
  await h.send(`:as ${answerer}`, `:reply ${ref} ${answer}`, `:as ${asker}`, `:reply ${ref} /cop solved`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "copbot-export-"));
  site = join(dir, "wissen");
  h = await startConsole({ env: { COPBOT_EXPORT_DIR: site, COPBOT_EXPORT_LICENCE: "CC BY-SA 4.0" } });
  await h.send(":as anna", ":as ben", ":as carla", ":as dora", ":as admin", "/cop qa channel add #fragen");
  await h.send("/cop expert add Vergaberecht E-Akte");
  await h.send(
    ":as anna",
    "/cop profile credit name",
    ":as ben",
    '/cop profile org "Land Brandenburg"',
    "/cop profile credit org",
  );
  await solved(
    "carla",
    "Wie dokumentiert ihr die Unterschwellenvergabe im Vergaberecht?",
    "anna",
    "Mit dem Vergabevermerk nach UVgO, Muster im Intranet.",
  );
  await solved(
    "anna",
    "Wie migriert ihr Altakten in die E-Akte?",
    "ben",
    "Erst scannen, dann <script>alert(1)</script> Aussonderung prüfen.",
  );
  await solved(
    "ben",
    "Welche Schriftart nutzt ihr für Bescheide?",
    "dora",
    "Arial 11, so steht es in unserer Hausverfügung.",
  );
  // Dora asked to be forgotten: her row is gone, her answer stays without her name.
  h.app.db.prepare("DELETE FROM members WHERE id = 'console:dora'").run();
  await h.send(":as anna", ":in #allgemein");
  await startWithThree(h);
  await h.send(":as anna", "/cop group close 1 https://wiki.example.org/checkliste Zwölf Prüfschritte");
});

afterAll(() => {
  h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("/cop export knowledge", () => {
  it("is for moderators and says where the export went", async () => {
    expect((await h.send(":as anna", "/cop export knowledge")).join("\n")).toContain("Moderator:in");
    const out = (await h.send(":as admin", "/cop export knowledge")).join("\n");
    expect(out).toContain(
      `Export fertig: 3 gelöste Fragen, 1 Ergebnisse, 3 Themen. Website: ${join(site, "index.html")}`,
    );
  });

  it("writes one Markdown file with front matter per entry, with credit as each member chose", () => {
    expect(readdirSync(join(site, "questions")).sort()).toEqual([
      "1-wie-dokumentiert-ihr-die-unterschwellenvergabe-im.md",
      "2-wie-migriert-ihr-altakten-in-die-e-akte.md",
      "3-welche-schriftart-nutzt-ihr-fuer-bescheide.md",
    ]);
    const first = readFileSync(
      join(site, "questions", "1-wie-dokumentiert-ihr-die-unterschwellenvergabe-im.md"),
      "utf8",
    );
    expect(first.split("\n").slice(0, 10)).toEqual([
      "---",
      "id: 1",
      "type: question",
      'title: "Wie dokumentiert ihr die Unterschwellenvergabe im Vergaberecht?"',
      "date: 2026-11-30",
      'asked_by: "ein Mitglied"',
      'answered_by: "anna"',
      'topics: ["Vergaberecht"]',
      'license: "CC BY-SA 4.0"',
      "---",
    ]);
    expect(first).toContain("Lizenz: CC BY-SA 4.0");
    const second = readFileSync(
      join(site, "questions", "2-wie-migriert-ihr-altakten-in-die-e-akte.md"),
      "utf8",
    );
    expect(second).toContain('answered_by: "Land Brandenburg"');
    expect(second).toContain("Erst scannen, dann \\<script\\>alert(1)\\</script\\> Aussonderung prüfen.");
    const third = readFileSync(
      join(site, "questions", "3-welche-schriftart-nutzt-ihr-fuer-bescheide.md"),
      "utf8",
    );
    expect(third).toContain('answered_by: "ehemaliges Mitglied"');
    const result = readFileSync(join(site, "results", readdirSync(join(site, "results"))[0] ?? ""), "utf8");
    expect(result).toContain('title: "Checkliste: Checkliste PDF"');
    expect(result).toContain("Zum Ergebnis: <https://wiki.example.org/checkliste>");
  });

  it("builds a static site: escaped user text, a licence line on every page, one page per topic", () => {
    const index = readFileSync(join(site, "index.html"), "utf8");
    expect(index).not.toContain("<script>alert(1)</script>");
    expect(index).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    // The group's result and the question about fonts name no known topic.
    expect(readdirSync(join(site, "topics")).sort()).toEqual([
      "e-akte.html",
      "ohne-thema.html",
      "vergaberecht.html",
    ]);
    const topic = readFileSync(join(site, "topics", "vergaberecht.html"), "utf8");
    expect(topic).toContain("Wie dokumentiert ihr die Unterschwellenvergabe im Vergaberecht?");
    expect(topic).not.toContain("Altakten");
    for (const page of ["index.html", ...readdirSync(join(site, "topics")).map((f) => join("topics", f))]) {
      expect(readFileSync(join(site, page), "utf8")).toContain('<p class="licence">Lizenz: CC BY-SA 4.0</p>');
    }
    const data = readFileSync(join(site, "assets", "search-data.js"), "utf8");
    expect(data).toContain("\\u003cscript>alert(1)\\u003c/script>");
    expect(readFileSync(join(site, "assets", "minisearch.js"), "utf8").length).toBeGreaterThan(10_000);
  });
});
