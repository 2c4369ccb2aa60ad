import { startConsole, type ConsoleHarness } from "../../support/console-harness";
import { refOf, text } from "../console-lines";

/**
 * #19.2–5 through the console: ✅ on copbot's reply, taking ✅ back, several accepted answers
 * and following a question ("Mich auch", 👀).
 */
describe("solving questions together", () => {
  let h: ConsoleHarness;
  beforeAll(async () => {
    h = await startConsole();
    await h.send("/cop qa channel add #fragen", ":as anna", "/cop expert add XRechnung");
  });
  afterAll(() => h.close());

  async function ask(asker: string, question: string): Promise<{ q: string; reply: string }> {
    const lines = await h.send(`:as ${asker}`, ":in #fragen", question);
    return {
      q: refOf(lines, new RegExp(`${asker}: ${question.slice(0, 10)}`)),
      reply: refOf(lines, /\(m\d+\) copbot: /),
    };
  }

  it("✅ on copbot's reply solves the question with its one answer; others get a private hint", async () => {
    const { q, reply } = await ask("ben", "Wie prüft ihr eingehende XRechnungen?");
    await h.send(":as anna", `:reply ${q} Mit dem KoSIT-Validator vor der Buchung.`);
    const stranger = text(await h.send(":as carla", `:react ${reply} ✅`));
    expect(stranger).toContain("[#fragen → carla]");
    expect(stranger).toContain("Als gelöst markieren kann Frage #1 nur, wer sie gestellt hat");
    expect(stranger).not.toContain("Gelöst nach");
    const solved = text(await h.send(":as ben", `:react ${reply} ✅`));
    expect(solved).toMatch(/✅ Gelöst nach 1 Min\. – danke @anna!/);
    expect(solved).not.toContain("ist als gelöst markiert");
  });

  it("asks which answer when there are several, accepts two, and taking ✅ back reopens", async () => {
    const { q, reply } = await ask("ben", "Welche Formate außer XRechnung nehmt ihr an?");
    const first = refOf(await h.send(":as anna", `:reply ${q} ZUGFeRD ab Version 2.1.`), /anna: ZUGFeRD/);
    const second = refOf(
      await h.send(":as dora", `:reply ${q} Bei uns auch PDF mit Anhang.`),
      /dora: Bei uns/,
    );
    const chooser = text(await h.send(":as ben", `:react ${reply} ✅`));
    expect(chooser).toContain("Welche Antwort hat Frage #2 gelöst?");
    expect(chooser).toContain("[button qa.accept/1: anna");

    expect(text(await h.send(`:react ${first} ✅`))).toContain("danke @anna!");
    expect(text(await h.send(`:react ${second} ✅`))).toContain(
      "Auch diese Antwort hat geholfen – danke @dora!",
    );
    const found = text(await h.send("/cop search ZUGFeRD"));
    expect(found).toContain("ZUGFeRD ab Version 2.1.");
    expect(text(await h.send("/cop search Anhang"))).toContain("Welche Formate außer XRechnung");

    expect(text(await h.send(`:unreact ${first} ✅`))).not.toContain("wieder offen");
    expect(text(await h.send("/cop search ZUGFeRD"))).not.toContain("ZUGFeRD ab Version 2.1.");
    expect(text(await h.send(`:unreact ${second} ✅`))).toContain("Frage #2 ist wieder offen.");
    expect(text(await h.send(":as admin", "/cop qa open", ":as ben"))).toContain(
      "Welche Formate außer XRechnung",
    );
    expect(text(await h.send("/cop search Anhang"))).not.toContain("Welche Formate außer XRechnung");
  });

  it("tells each follower once, by DM, with the solution", async () => {
    const { q, reply } = await ask("ben", "Wer kennt einen guten Validator für XRechnung im Browser?");
    expect(text(await h.send(":as carla", `:click ${reply} qa.follow`))).toContain("Du folgst Frage #3");
    expect(text(await h.send(":as emil", `:react ${q} 👀`))).toContain("Du folgst Frage #3");
    await h.send(":as gina", `:react ${q} 👀`, `:unreact ${q} 👀`);
    const answer = refOf(
      await h.send(":as anna", `:reply ${q} Der KoSIT-Validator läuft auch lokal.`),
      /anna: Der/,
    );
    const solved = text(await h.send(":as ben", `:react ${answer} ✅`));
    for (const name of ["carla", "emil"]) {
      expect(solved).toContain(`[dm ${name}]`);
    }
    expect(solved).not.toContain("[dm gina]");
    expect(solved.match(/Die Frage #3, der du folgst, ist gelöst/g)).toHaveLength(2);
    expect(solved).toContain("@anna: Der KoSIT-Validator läuft auch lokal.");
    // Solved again after a reopen: nobody hears twice.
    const again = text(await h.send(`:unreact ${answer} ✅`, `:react ${answer} ✅`));
    expect(again).not.toContain("der du folgst");
  });

  it("puts followed questions first in /cop qa open and escalates them sooner", async () => {
    await h.send(":clock 2026-12-01T09:00");
    const older = await ask("ben", "Wie archiviert ihr XRechnungen revisionssicher?");
    const newer = await ask("dora", "Wie lange bewahrt ihr XRechnungen auf?");
    const before = text(await h.send(":as admin", "/cop qa open"));
    expect(before.indexOf("revisionssicher")).toBeLessThan(before.indexOf("bewahrt"));
    await h.send(":as carla", `:react ${newer.q} 👀`, ":as emil", `:click ${newer.reply} qa.follow`);
    const after = text(await h.send(":as admin", "/cop qa open"));
    expect(after.indexOf("bewahrt")).toBeLessThan(after.indexOf("revisionssicher"));
    expect(after).toContain("noch keine Antwort · 2 warten mit");
    // 24 working hours / (1 + 2 followers) = 8 hours: the followed question escalates at 17:00.
    const escalated = text(await h.send(":clock 2026-12-01T17:01"));
    expect(escalated).toContain(`[#fragen › ${newer.q}]`);
    expect(escalated).not.toContain(`[#fragen › ${older.q}]`);
  });
});
