import { isTrivialReply } from "../../src/qa/trivial-reply";
import { startConsole, type ConsoleHarness } from "../support/console-harness";
import { refOf, text } from "./console-lines";

const row = (h: ConsoleHarness, id: number) =>
  h.app.db.prepare("SELECT * FROM qa_questions WHERE id = ?").get(id) as Record<string, unknown>;

/** ben asks via `/cop ask`; returns the ref of copbot's post of the question. */
async function askXRechnung(h: ConsoleHarness): Promise<string> {
  const out = await h.send(":as ben", ":in #fragen", "/cop ask Wie funktioniert die XRechnung im Landkreis?");
  return refOf(out, /copbot: Frage von @ben/);
}

async function setup(): Promise<ConsoleHarness> {
  const h = await startConsole();
  await h.send("/cop qa channel add #fragen");
  return h;
}

describe("choosing the accepted answer", () => {
  it("asks which reply solved it instead of crediting a later +1 (the reviewer's repro)", async () => {
    const h = await setup();
    const q = await askXRechnung(h);
    await h.send(":as anna", `:reply ${q} Mit dem XRechnung-Viewer von KoSIT.`);
    await h.send(":as carla", `:reply ${q} Würde mich auch interessieren!`);
    const routing = refOf(h.transcript, /copbot: Für dieses Thema/);
    const chooser = await h.send(":as ben", `:click ${routing} qa.solved`);
    const shown = text(chooser);
    expect(shown).toContain("→ ben");
    expect(shown).toContain("Welche Antwort hat Frage #1 gelöst?");
    expect(shown).toContain(
      "[button qa.accept/1: anna: Mit dem XRechnung-Viewer von KoSIT.] [button qa.accept/2: carla: Würde mich auch interessieren!] [button qa.accept/3: Ohne Antwort lösen]",
    );
    expect(shown).not.toContain("danke");
    expect(row(h, 1)["status"]).toBe("open");

    const solved = text(await h.send(`:click ${refOf(chooser, /Welche Antwort/)} qa.accept/1`));
    expect(solved).toContain("danke @anna!");
    expect(row(h, 1)["accepted_author_id"]).toBe("console:anna");
    const search = text(await h.send("/cop search XRechnung"));
    expect(search).toContain("KoSIT");
    expect(search).not.toContain("interessieren");
    h.close();
  });

  it("puts a tagged expert's reply first, takes a single real reply directly, never a lone +1", async () => {
    const h = await setup();
    await h.send(":as dana", "/cop expert add XRechnung");
    const q = await askXRechnung(h);
    await h.send(":as dana", `:reply ${q} Der Landkreis nutzt den OZG-Hub.`);
    await h.send(":as erik", `:reply ${q} Bei uns per E-Mail.`);
    const chooser = await h.send(":as ben", `/cop solved #1`);
    expect(text(chooser)).toContain("[button qa.accept/1: dana: Der Landkreis nutzt den OZG-Hub.]");

    const single = await h.send(
      ":as ben",
      ":in #fragen",
      "/cop ask Wer kennt eine Vorlage für Dienstvereinbarungen?",
    );
    const post2 = refOf(single, /copbot: Frage von @ben: Wer kennt/);
    await h.send(":as fritz", `:reply ${post2} +1`);
    const lone = text(await h.send(":as ben", `:react ${post2} ✅`));
    expect(lone).toContain("Welche Antwort hat Frage #2 gelöst?");
    expect(row(h, 2)["status"]).toBe("open");
    const third = await h.send(":as ben", "/cop ask Wie plant ihr die Umstellung auf Windows 11?");
    const post3 = refOf(third, /copbot: Frage von @ben: Wie plant/);
    await h.send(":as fritz", `:reply ${post3} In drei Wellen, erst die IT.`);
    expect(text(await h.send(":as ben", "/cop solved #3"))).toContain("danke @fritz!");
    expect(row(h, 3)["accepted_text"]).toBe("In drei Wellen, erst die IT.");
    h.close();
  });

  it("✅ on a specific reply stays the direct way; only the asker or a moderator may accept", async () => {
    const h = await setup();
    const q = await askXRechnung(h);
    await h.send(":as anna", `:reply ${q} Mit dem XRechnung-Viewer von KoSIT.`);
    const carla = refOf(
      await h.send(":as carla", `:reply ${q} Über das Rechnungseingangsportal.`),
      /carla: Über/,
    );
    const chooser = refOf(await h.send(":as ben", `/cop solved #1`), /Welche Antwort/);
    expect(text(await h.send(":as carla", `:click ${chooser} qa.accept/1`))).toContain(
      "Nur wer Frage #1 gestellt hat",
    );
    expect(text(await h.send(":as ben", `:react ${carla} ✅`))).toContain("danke @carla!");
    // Accepting the same answer again changes nothing (another one would be accepted as well).
    expect(text(await h.send(`:click ${chooser} qa.accept/1`))).toContain(
      "Diese Antwort auf Frage #1 ist schon markiert.",
    );
    expect(row(h, 1)["accepted_author_id"]).toBe("console:carla");
    h.close();
  });

  it("tells the asker of a `/cop ask` question about the first answer, once", async () => {
    const h = await setup();
    const q = await askXRechnung(h);
    const first = text(await h.send(":as anna", `:reply ${q} Mit dem XRechnung-Viewer von KoSIT.`));
    expect(first).toContain("[dm ben]");
    expect(first).toContain("Auf deine Frage #1 gibt es eine erste Antwort in #fragen");
    expect(first).toContain("@anna: Mit dem XRechnung-Viewer von KoSIT.");
    const second = text(await h.send(":as carla", `:reply ${q} Über das Portal.`));
    expect(second).not.toContain("[dm ben]");
    h.close();
  });

  it("recognises replies that add no answer", () => {
    for (const reply of [
      "+1",
      "👍",
      "Würde mich auch interessieren!",
      "Mich auch.",
      "same here",
      "Gute Frage!",
      "Danke!",
    ])
      expect(isTrivialReply(reply)).toBe(true);
    for (const reply of [
      "Mit dem XRechnung-Viewer.",
      "Ich auch nicht, aber frag mal die KoSIT, die wissen das sicher genau.",
    ])
      expect(isTrivialReply(reply)).toBe(false);
  });
});
