import { startConsole, type ConsoleHarness } from "../support/console-harness";
import { refOf, text } from "./console-lines";

/**
 * The Q&A "done when" story through the in-process console on a virtual clock, asserting the
 * printed transcript: register, ask, tag with reason, answer, solve, suggest, escalate.
 */
describe("Q&A console story", () => {
  let h: ConsoleHarness;
  beforeAll(async () => {
    h = await startConsole({ start: "2026-11-30T09:00:00+01:00" });
  });
  afterAll(() => h.close());

  it("routes a question to the registered expert, solves it and suggests it later", async () => {
    expect(text(await h.send("/cop qa channel add #fragen"))).toContain(
      "Hier erkenne ich jetzt Fragen: #fragen",
    );
    expect(text(await h.send(":as mara", ":as admin", "/cop mod add @mara"))).toContain("mara");
    expect(text(await h.send(":as anna", "/cop expert add E-Akte"))).toContain(
      "Du bist jetzt Expert:in für: E-Akte.",
    );

    const asked = await h.send(":as ben", ":in #fragen", "Wie migriert ihr Altakten in die E-Akte?");
    const question = refOf(asked, /ben: Wie migriert ihr Altakten/);
    const routing = text(asked);
    expect(routing).toContain(`[#fragen › ${question}]`);
    expect(routing).toContain("Ich frage mal nach:");
    expect(routing).toContain("@anna – *E-Akte* · noch keine gelösten Fragen");
    expect(routing).toContain("[button qa.solved: Gelöst] [button qa.more: Weitere Expert:innen]");
    expect(routing).not.toContain("Vielleicht hilft schon das");

    const answered = await h.send(
      ":as anna",
      `:reply ${question} Wir scannen nach Aktenplan und importieren per XDOMEA.`,
    );
    const answer = refOf(answered, /anna: Wir scannen/);

    const solved = text(await h.send(":as ben", `:react ${answer} ✅`));
    expect(solved).toContain(`[#fragen › ${question}]`);
    expect(solved).toMatch(/✅ Gelöst nach 1 Min\. – danke @anna!/);

    const similar = text(
      await h.send(":as carla", "Hat jemand Tipps zur Migration von Altakten in die E-Akte?"),
    );
    const suggestion = similar.indexOf("Vielleicht hilft schon das:");
    expect(suggestion).toBeGreaterThan(-1);
    expect(similar).toContain("Wie migriert ihr Altakten in die E-Akte?");
    expect(similar).toContain("Wir scannen nach Aktenplan und importieren per XDOMEA.");
    expect(similar.indexOf("@anna – *E-Akte* · 1 gelöste Frage")).toBeGreaterThan(suggestion);

    expect(text(await h.send("/cop search Aktenplan"))).toContain("Wie migriert ihr Altakten in die E-Akte?");
  });

  it("escalates an unanswered Friday question on Monday, skipping the weekend, then tells moderators", async () => {
    await h.send(":clock 2026-12-04T15:00");
    for (const name of ["emil", "fritz", "gina", "hugo"])
      await h.send(`:as ${name}`, "/cop expert add Vergabe");
    const asked = await h.send(":as dora", ":in #fragen", "Welche Plattform nutzt ihr für die Vergabe?");
    const question = refOf(asked, /dora: Welche Plattform/);
    const first = text(asked);
    const tagged = ["emil", "fritz", "gina", "hugo"].filter((n) => first.includes(`@${n} – *Vergabe*`));
    expect(tagged).toHaveLength(3);
    const [untagged] = ["emil", "fritz", "gina", "hugo"].filter((n) => !tagged.includes(n));

    const weekend = text(await h.send(":clock 2026-12-07T14:59"));
    expect(weekend).not.toContain(`[#fragen › ${question}]`);

    const monday = text(await h.send(":clock 2026-12-07T15:01"));
    expect(monday).toContain(`[#fragen › ${question}]`);
    expect(monday).toContain("Noch keine Antwort – ich frage weitere Expert:innen:");
    expect(monday).toContain(`@${untagged} – *Vergabe*`);
    for (const name of tagged) expect(monday).not.toContain(`@${name} – *Vergabe*`);

    const tuesday = text(await h.send(":clock 2026-12-08T15:01"));
    expect(tuesday).toMatch(/\[dm mara\] \(m\d+\) copbot: Frage #\d+ ist seit einiger Zeit unbeantwortet/);
    expect(tuesday).toContain("@dora: Welche Plattform nutzt ihr für die Vergabe?");

    const open = text(await h.send(":as admin", "/cop qa open"));
    expect(open).toContain("Welche Plattform nutzt ihr für die Vergabe?");
    expect(open.indexOf("Hat jemand Tipps zur Migration")).toBeLessThan(open.indexOf("Welche Plattform"));
  });
});
