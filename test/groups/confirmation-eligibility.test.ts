import { startConsole } from "../support/console-harness";

const PROPOSE =
  '/cop group propose title="Leitfaden E-Akte-Migration" problem="Wir migrieren Altakten in die E-Akte und jede Behörde erfindet das Vorgehen neu" deliverable=Leitfaden due=2027-02-15 size=3-3 topics="E-Akte"';

describe("participation confirmations", () => {
  it("go only to people who worked in the running group, ending the day someone left", async () => {
    const h = await startConsole();
    await h.send(":as anna", PROPOSE);
    await h.send(
      ":as ben",
      "/cop group join 1",
      ":as carla",
      "/cop group join 1",
      ":as dora",
      "/cop group join 1",
    );
    // ben leaves before the start (dora moves up); carla leaves while the group runs.
    await h.send(":as ben", "/cop group leave 1", ":as anna", "/cop group confirm 1", ":clock +1d");
    await h.send(":as carla", "/cop group leave 1", ":clock +1d");
    await h.send(":as anna", "/cop group close 1 https://wiki.example.org/leitfaden");

    const ben = (await h.send(":as ben", "/cop group confirmation 1")).join("\n");
    expect(ben).toContain("nicht dabei – daher kann ich dir keine Bestätigung ausstellen.");
    expect(ben).not.toContain("Teilnahmebestätigung");

    const carla = (await h.send(":as carla", "/cop group confirmation 1")).join("\n");
    expect(carla).toContain("*Zeitraum:* 30.11.2026 – 01.12.2026 (vorzeitig ausgetreten)");

    const dora = (await h.send(":as dora", "/cop group confirmation 1")).join("\n");
    expect(dora).toContain("*Zeitraum:* 30.11.2026 – 02.12.2026");
    expect(dora).not.toContain("vorzeitig");
    h.close();
  });
});
