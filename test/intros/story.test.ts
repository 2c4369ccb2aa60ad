import { startConsole } from "../support/console-harness";

describe("scratch", () => {
  it("runs", async () => {
    const h = await startConsole({ start: "2026-11-30T08:00:00+01:00" });
    await h.send(
      "/cop qa channel add #fragen",
      ":in #fragen",
      ":as ben",
      "Wie migriert ihr Altakten in die E-Akte?",
      ":as admin",
      "/cop expert add E-Akte",
      ":as carla",
      "Kennt jemand ein gutes Muster für Vergabevermerke?",
      ":as admin",
      ":in #allgemein",
      '/cop meeting add "CoP-Treffen" weekly thu 10:00 in #allgemein',
    );
    const ref = h.transcript.findLast((l) => l.includes("Wie migriert"))?.match(/\((m\d+)\)/)?.[1];
    await h.send(
      ":as anna",
      `:reply ${ref} Wir scannen erst und prüfen dann die Aussonderung.`,
      ":as ben",
      `:reply ${ref} /cop solved`,
    );
    const out = await h.send(
      ":as admin",
      "/cop digest in #allgemein mon 08:00",
      "/cop digest preview",
      ":clock 2026-12-07T08:00",
    );
    console.log(out.join("\n"));
    h.close();
  });
});
