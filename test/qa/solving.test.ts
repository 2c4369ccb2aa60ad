import { askOnBehalf } from "../../src/qa/ask";
import { inlineToPlain } from "../../src/core/message";
import { startConsole, type ConsoleHarness } from "../support/console-harness";
import { refOf, text } from "./console-lines";

async function setup(): Promise<ConsoleHarness> {
  const h = await startConsole();
  await h.send("/cop qa channel add #fragen");
  for (const name of ["anna", "bert", "cleo", "dana"]) await h.send(`:as ${name}`, "/cop expert add OZG");
  return h;
}

const row = (h: ConsoleHarness, id: number) =>
  h.app.db.prepare("SELECT * FROM qa_questions WHERE id = ?").get(id) as Record<string, unknown>;

describe("solving questions", () => {
  it("with several replies the Gelöst button asks which one solved it, credits that one and records the times", async () => {
    const h = await setup();
    const q = refOf(
      await h.send(":as ben", ":in #fragen", "Wie setzt ihr das OZG in kleinen Gemeinden um?"),
      /ben: Wie/,
    );
    await h.send(":clock +2h", ":as anna", `:reply ${q} Erst die Top-10-Leistungen.`);
    await h.send(":as bert", `:reply ${q} Wir nutzen die EfA-Dienste.`);
    await h.send(":as ben", `:reply ${q} Danke euch!`);
    await h.send(":clock +1h");
    const routing = refOf(h.transcript, /copbot: Ich frage mal nach/);
    const chooser = await h.send(`:click ${routing} qa.solved`);
    expect(text(chooser)).toContain("Welche Antwort hat Frage #1 gelöst?");
    expect(row(h, 1)["status"]).toBe("open");
    const out = text(
      await h.send(`:click ${refOf(chooser, /Welche Antwort/)} bert: Wir nutzen die EfA-Dienste.`),
    );
    expect(out.match(/Gelöst nach/g)).toHaveLength(1);
    expect(out).toMatch(/Gelöst nach 3 Std\. – danke @bert!/);
    const r = row(h, 1);
    expect(r["accepted_author_id"]).toBe("console:bert");
    expect(Number(r["first_answer_at"]) - Number(r["asked_at"])).toBe(2 * 3_600_000);
    expect(Number(r["solved_at"]) - Number(r["asked_at"])).toBe(3 * 3_600_000);
    expect(text(await h.send("/cop search EfA"))).toContain("Wir nutzen die EfA-Dienste.");
    const stats = text(await h.send("/cop qa stats"));
    expect(stats).toContain("1 gestellt, 1 beantwortet, 1 gelöst");
    expect(stats).toContain("Erste Antwort im Mittel (Median) nach: 2 Std.");
    expect(stats).toContain("Gelöst im Mittel (Median) nach: 3 Std.");
    h.close();
  });

  it("a moderator may solve with ✅; /cop solved works in the thread without a number", async () => {
    const h = await setup();
    const q1 = refOf(
      await h.send(":as ben", ":in #fragen", "Wer hat eine Vorlage für OZG-Reifegrade?"),
      /ben: Wer/,
    );
    const a1 = refOf(await h.send(":as anna", `:reply ${q1} Im Wiki liegt eine.`), /anna: Im Wiki/);
    expect(text(await h.send(":as admin", `:react ${a1} ✅`))).toContain("danke @anna!");

    const q2 = refOf(
      await h.send(":as ben", ":in #fragen", "Gibt es eine Übersicht der OZG-Fristen?"),
      /ben: Gibt/,
    );
    await h.send(":as cleo", `:reply ${q2} Ja, beim IT-Planungsrat.`);
    await h.app.bot.handle({
      kind: "command",
      id: "console:thread-command",
      platform: "console",
      at: h.clock.now(),
      userId: "console:ben",
      channelId: "console:fragen",
      isDm: false,
      threadId: q2,
      text: "solved",
    });
    expect(text(h.transcript)).toMatch(
      /\[#fragen › m\d+\] \(m\d+\) copbot: ✅ Gelöst nach .* – danke @cleo!/,
    );
    expect(row(h, 2)["accepted_author_id"]).toBe("console:cleo");
    h.close();
  });

  it("asks on someone's behalf: copbot's post is the question, replies in its thread are answers", async () => {
    const h = await setup();
    const out = await h.send(":as ben", ":in #allgemein", "/cop ask Wie organisiert ihr OZG-Schulungen?");
    const post = refOf(out, /copbot: Frage von @ben: Wie organisiert ihr OZG-Schulungen\?/);
    expect(text(out)).toContain(`[#allgemein › ${post}]`);
    expect(text(out)).toContain("Deine Frage #1 ist gestellt.");
    const answer = refOf(await h.send(":as dana", `:reply ${post} Mit Lernvideos.`), /dana: Mit Lernvideos/);
    expect(row(h, 1)["first_answer_at"]).not.toBeNull();
    expect(text(await h.send(":as ben", `:react ${answer} ✅`))).toContain("danke @dana!");

    const direct = askOnBehalf(h.app.bot.services, {
      askerId: "console:ben",
      channelId: "console:fragen",
      text: "  ",
    });
    expect(direct.ok).toBe(false);
    const made = askOnBehalf(h.app.bot.services, {
      askerId: "console:ben",
      channelId: "console:fragen",
      text: "Welche OZG-Leistung ist bei euch am meisten genutzt?",
    });
    expect(made).toEqual({ ok: true, value: { questionId: 2 } });
    h.close();
  });

  it("nudges the asker once when an answered question stays unmarked", async () => {
    const h = await setup();
    const q = refOf(
      await h.send(":as ben", ":in #fragen", "Was kostet euch der OZG-Betrieb pro Jahr?"),
      /ben: Was/,
    );
    await h.send(":as anna", `:reply ${q} Etwa zwei Stellen.`);
    const nudge = await h.send(":clock +1d1m");
    const dm = refOf(nudge, /\[dm ben\].*Hat dir die Antwort auf deine Frage #1 geholfen\?/);
    expect(text(nudge)).toContain("[button qa.solved: Gelöst] [button qa.still_open: Noch offen]");
    expect(text(nudge)).not.toContain("ich frage weitere Expert:innen");
    expect(text(await h.send(":as ben", `:click ${dm} qa.still_open`))).toContain(
      "Alles klar, Frage #1 bleibt offen.",
    );
    expect(text(await h.send(":clock +10d"))).not.toContain("Hat dir die Antwort");
    expect(text(await h.send(`:click ${dm} qa.solved`))).toContain("danke @anna!");
    h.close();
  });

  it("Weitere Experten asks the next people, only for the asker or moderators", async () => {
    const h = await setup();
    const first = text(await h.send(":as ben", ":in #fragen", "Wie priorisiert ihr OZG-Leistungen?"));
    const routing = refOf(h.transcript, /copbot: Ich frage mal nach/);
    const tagged = ["anna", "bert", "cleo", "dana"].filter((n) => first.includes(`@${n} –`));
    expect(tagged).toHaveLength(3);
    expect(text(await h.send(":as anna", `:click ${routing} qa.more`))).toContain(
      "Weitere Expert:innen für Frage #1 kann nur die fragende Person oder die Moderation holen.",
    );
    const more = text(await h.send(":as ben", `:click ${routing} qa.more`));
    const missing = ["anna", "bert", "cleo", "dana"].find((n) => !tagged.includes(n));
    expect(more).toContain(`@${missing} – *OZG*`);
    const none = text(await h.send(":clock +1m", `:click ${routing} qa.more`));
    expect(none).toMatch(
      /→ ben\] \(m\d+\) copbot: Gerade sind keine weiteren passenden Expert:innen erreichbar\./,
    );
    expect(none).not.toContain("Weitere passende Expert:innen sind gerade nicht erreichbar");
    h.close();
  });

  it("contributes open questions to the meeting agenda, oldest first", async () => {
    const h = await setup();
    await h.send(
      ":as ben",
      ":in #fragen",
      "Wie priorisiert ihr OZG-Leistungen?",
      ":clock +1h",
      "Wer betreibt euer OZG-Portal?",
    );
    const lines = h.app.bot.services.agenda("de").map((line) => line.map((i) => inlineToPlain(i)).join(""));
    expect(lines).toEqual([
      "#1 Wie priorisiert ihr OZG-Leistungen? · #console:fragen · seit 30.11. 09:00 · noch keine Antwort",
      "#2 Wer betreibt euer OZG-Portal? · #console:fragen · seit 30.11. 10:00 · noch keine Antwort",
    ]);
    h.close();
  });
});
