import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromiumAvailable, launchChromium } from "../support/chromium";
import { runCopbot } from "../support/copbot-process";
import { startConsole } from "../support/console-harness";
import { refOf } from "../support/groups-fixtures";

/**
 * The "done when": one console session on the virtual clock with two introduction
 * rounds and their follow-up, a weekly digest, `/cop report quarter` writing PNG and CSV,
 * `/cop impact` for one member; then the command of `npm run export` (on the compiled build)
 * builds the site that a real headless chromium opens and searches.
 */
describe("community story: contacts, digest, impact and knowledge that outlives the chat", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "copbot-community-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("runs a quarter of community life in the console", async () => {
    const h = await startConsole({ start: "2027-01-04T08:00:00+01:00", dbPath: join(dir, "copbot.db") });
    await h.send(
      "/cop qa channel add #fragen",
      "/cop digest in #allgemein mon 09:00",
      "/cop expert add Vergaberecht",
    );
    for (const [name, org, topics] of [
      ["anna", "Stadt Musterhausen", "Vergaberecht E-Akte"],
      ["ben", "Land Brandenburg", "Vergaberecht"],
      ["carla", "Kreis Nord", "E-Akte"],
      ["dirk", "Bezirk Mitte", "E-Akte Vergaberecht"],
    ] as const) {
      await h.send(
        `:as ${name}`,
        `/cop profile org "${org}"`,
        "/cop profile credit name",
        `/cop intros join ${topics}`,
      );
    }
    const q = refOf(
      await h.send(
        ":in #fragen",
        ":as carla",
        "Wie dokumentiert ihr eine Unterschwellenvergabe im Vergaberecht?",
      ),
      "Unterschwellenvergabe",
    );
    await h.send(":as ben", `:reply ${q} Mit dem Vergabevermerk nach UVgO – unser Muster liegt im Intranet.`);
    await h.send(":as carla", `:reply ${q} /cop solved`);

    // Round 1 on Monday 09:00 (every two weeks by default), the digest at the same minute.
    const monday = await h.send(":clock 2027-01-04T09:00");
    const round1 = monday.filter((l) => l.includes("💬"));
    expect(round1).toHaveLength(2);
    expect(monday.join("\n")).toContain("Darf ich vorstellen?");
    expect(monday.join("\n")).toContain("Gesprächsanstoß:");
    const digest = monday.join("\n");
    expect(digest).toContain("*Wochenrückblick der Community*");
    expect(digest).toContain("#1 Wie dokumentiert ihr eine Unterschwellenvergabe im Vergaberecht?");

    // A week later: the private follow-up; Anna met her contact.
    const week = await h.send(":clock 2027-01-11T09:00");
    const ask = week.find((l) => l.startsWith("[dm anna]") && l.includes("Habt ihr euch getroffen?")) ?? "";
    const ref = /\((m\d+)\)/.exec(ask)?.[1] ?? "";
    expect((await h.send(":as anna", `:click ${ref} intros.met/1`)).join("\n")).toContain("Schön");

    // Round 2 two weeks after the first: new pairs only.
    const round2 = (await h.send(":clock 2027-01-18T09:00")).filter((l) => l.includes("💬"));
    expect(round2).toHaveLength(2);
    const members = (line: string): string => (line.split("💬 ")[1] ?? "").split(", ").sort().join("+");
    expect(round2.map(members).filter((pair) => round1.map(members).includes(pair))).toEqual([]);

    const report = (await h.send(":as admin", ":in #allgemein", "/cop report quarter")).join("\n");
    expect(report).toContain("*Community-Bericht 2027-Q1*");
    expect(report).toContain("• Fragen: 1 gestellt, 1 gelöst");
    expect(report).toContain("• Vorstellungen: 4 gemacht, 1 von 2 nachgefragten haben sich getroffen");
    const png = join(dir, "files", "copbot-bericht-2027-Q1.png");
    const csv = join(dir, "files", "copbot-bericht-2027-Q1.csv");
    expect(report).toContain(`→ ${png}]`);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe("PNG");
    expect(readFileSync(csv, "utf8")).toContain("introductions_met,1");

    const impact = (await h.send(":as ben", "/cop impact")).join("\n");
    expect(impact).toContain("• Geantwortet: 1 (1 als Lösung angenommen)");
    expect(impact).toMatch(/• Vorgestellt: 2 \(\d getroffen\)/);
    expect(existsSync(join(dir, "files", "copbot-beitrag-2027-01-18.md"))).toBe(true);
    h.close();
  });

  it("exports the knowledge with npm run export, and chromium opens and searches the site", async () => {
    const site = join(dir, "site");
    const run = runCopbot({
      dir,
      input: "",
      script: "export",
      args: [site],
      env: { COPBOT_DB: join(dir, "copbot.db") },
    });
    expect(run.code).toBe(0);
    expect(run.out).toContain("copbot: exported 1 solved questions, 0 results, 1 topics");
    expect(run.out).toContain(join(site, "index.html"));
    if (!chromiumAvailable()) return;
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      await page.goto(`file://${join(site, "index.html")}`);
      expect(await page.title()).toBe("Wissen der Community");
      expect(await page.textContent("footer .licence")).toContain("CC BY 4.0");
      // A part of a German compound: "vergabe" finds "Unterschwellenvergabe".
      await page.fill("#search", "schwellenvergabe");
      await page.waitForSelector("#results li a");
      expect(await page.textContent("#results")).toContain("Wie dokumentiert ihr eine Unterschwellenvergabe");
      await page.fill("#search", "Datenschutzfolgenabschätzung");
      await page.waitForSelector("#no-hits:not([hidden])");
      await page.click("text=Vergaberecht >> nth=0");
      await page.waitForURL(/topics\/vergaberecht\.html$/);
      expect(await page.textContent("h1")).toBe("Vergaberecht");
      expect(await page.textContent("section")).toContain("Mit dem Vergabevermerk nach UVgO");
      expect(await page.textContent("section")).toContain("Antwort von ben");
    } finally {
      await browser.close();
    }
  }, 60_000);
});
