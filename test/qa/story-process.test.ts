import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCopbot } from "../support/copbot-process";

const STORY = [
  "/cop qa channel add #fragen",
  ":as mara",
  ":as admin",
  "/cop mod add @mara",
  ":as anna",
  "/cop expert add E-Akte",
  ":as ben",
  ":in #fragen",
  "Wie migriert ihr Altakten in die E-Akte?",
  ":as anna",
  ":reply m7 Wir scannen nach Aktenplan und importieren per XDOMEA.",
  ":as ben",
  ":react m9 ✅",
  ":as carla",
  "Hat jemand Tipps zur Migration von Altakten in die E-Akte?",
  ":clock 2026-12-04T15:00",
  ":as dora",
  "Welche Plattform nutzt ihr für die Vergabe in der E-Akte?",
  ":clock 2026-12-07T15:01",
];

/** The Q&A story through the real start command with piped stdin, as a user would run it. */
describe("Q&A story via npm start", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "copbot-qa-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the whole loop as a transcript", () => {
    const result = runCopbot({
      dir,
      input: `${STORY.join("\n")}\n`,
      timeoutMs: 30_000,
      env: { COPBOT_CLOCK: "virtual", COPBOT_START: "2026-11-30T09:00:00+01:00" },
    });
    expect(result.code).toBe(0);
    // Nothing on stderr but the ready line: no warning, no error.
    const err = result.err.split("\n").filter((line) => line.trim() !== "");
    expect(err).toEqual([expect.stringMatching(/^copbot ist bereit · Datenbank .* · virtuelle Uhr ab /)]);
    const out = result.out;
    expect(out).toContain("[#fragen] (m7) ben: Wie migriert ihr Altakten in die E-Akte?");
    expect(out).toContain("[#fragen › m7] (m8) copbot: Ich frage mal nach:");
    expect(out).toContain("• @anna – *E-Akte* · noch keine gelösten Fragen");
    expect(out).toContain("(m10) copbot: ✅ Gelöst nach 1 Min. – danke @anna!");
    expect(out).toMatch(
      /\(m12\) copbot: Vielleicht hilft schon das:\n\s+• Wie migriert ihr Altakten in die E-Akte\?/,
    );
    expect(out).toContain("• @anna – *E-Akte* · 1 gelöste Frage");
    expect(out).toMatch(/\[dm mara\] \(m\d+\) copbot: Frage #2 ist seit einiger Zeit unbeantwortet/);
    expect(out).toMatch(
      /⏰ Fri 2026-12-04 15:00\n\[#fragen\] \(m\d+\) dora: [^\n]*\n(.*\n)*?⏰ Mon 2026-12-07 15:00\n\[#fragen › m\d+\] \(m\d+\) copbot: Weitere passende Expert:innen/,
    );
  });
});
