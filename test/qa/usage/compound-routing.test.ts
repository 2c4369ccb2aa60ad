import { compoundParts } from "../../../src/qa/normalize-topic";
import { startConsole, type ConsoleHarness } from "../../support/console-harness";
import { text } from "../console-lines";

/** #19.1: experts are found inside German compounds, as `/cop search` finds them. */
describe("expert routing through compound words", () => {
  let h: ConsoleHarness;
  beforeAll(async () => {
    h = await startConsole();
    await h.send("/cop qa channel add #fragen");
    await h.send(":as anna", "/cop expert add Dokumentenmanagement");
    await h.send(":as otto", "/cop expert add OZG");
  });
  afterAll(() => h.close());

  it("tags the expert of a topic hidden in a compound, inflected", async () => {
    const asked = text(
      await h.send(":as ben", ":in #fragen", "Wer betreut bei euch das Dokumentenmanagementsystem?"),
    );
    expect(asked).toContain("@anna – *Dokumentenmanagement*");
    expect(asked).not.toContain("kenne ich noch keine");
    const genitive = text(
      await h.send(":as carla", "Wie heißt der Hersteller eures Dokumentenmanagementsystems?"),
    );
    expect(genitive).toContain("@anna – *Dokumentenmanagement*");
  });

  it("matches a short topic only as a whole word or hyphenated part", async () => {
    expect(text(await h.send(":as ben", "Wie weit seid ihr mit dem OZG-Reifegrad?"))).toContain(
      "@otto – *OZG*",
    );
    const unrelated = text(await h.send(":as ben", "Wer hat Erfahrung mit Bozgrafen und Pozgestellen?"));
    expect(unrelated).not.toContain("@otto");
    expect(compoundParts("Bozgrafen")).not.toContain("ozg");
  });

  it("tracks a question of one word with a question mark (#19.7)", async () => {
    expect(text(await h.send(":as ben", ":in #fragen", "OZG-Reifegrad?"))).toContain("@otto – *OZG*");
    expect(text(await h.send("Kaffee?"))).not.toContain("copbot");
  });

  it("needs a real word before a compound part", () => {
    // "ge" + "recht…" is no compound: "Recht" is not found in "Gerechtigkeit".
    expect(compoundParts("Gerechtigkeit")).not.toContain("recht");
    expect(compoundParts("Verwaltungsrecht")).toContain("recht");
  });
});
