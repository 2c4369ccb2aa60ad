import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startConsole } from "../support/console-harness";

describe("scratch", () => {
  it("runs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "copbot-"));
    const h = await startConsole({ start: "2026-11-30T08:00:00+01:00", dbPath: join(dir, "copbot.db") });
    await h.send(
      "/cop qa channel add #fragen",
      ":in #fragen", ":as ben", "Wie migriert ihr Altakten in die E-Akte?",
      ":as admin", "/cop expert add E-Akte",
      ":as carla", "Kennt jemand ein gutes Muster für Vergabevermerke?",
    );
    const ref = h.transcript.findLast((l) => l.includes("Wie migriert"))?.match(/\((m\d+)\)/)?.[1];
    await h.send(":as anna", `:reply ${ref} Wir scannen erst und prüfen dann die Aussonderung.`, ":as ben", `:reply ${ref} /cop solved`);
    const t0 = Date.now();
    const out = await h.send(":as admin", "/cop report quarter", ":as anna", "/cop impact");
    console.log(Date.now() - t0, out.join("\n"));
    h.close();
  });
});
