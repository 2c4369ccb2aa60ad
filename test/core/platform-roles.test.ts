import pino from "pino";
import { openDatabase, type Db } from "../../db/open";
import { loadConfig } from "../../src/config";
import { VirtualClock } from "../../src/core/clock";
import type { Role } from "../../src/core/roles";
import { createServices, type Services } from "../../src/core/services";
import { RecordingPort } from "../support/recording-port";

/** A platform whose verdict on a member's role the test sets. */
class VerdictPort extends RecordingPort {
  verdict: Role | undefined;
  override async platformRole(): Promise<Role | undefined> {
    return this.verdict;
  }
}

/** copbot's services on `db`, as started with no features. */
function servicesOn(db: Db): Services {
  return createServices({
    db,
    clock: new VirtualClock(new Date("2026-12-01T09:00:00Z")),
    config: loadConfig({}),
    log: pino({ level: "silent" }),
    features: [],
  });
}

describe("platform role verdicts", () => {
  it("are stored when granted and removed when revoked, however often none came before", async () => {
    const db = openDatabase(":memory:");
    const services = servicesOn(db);
    const port = new VerdictPort("console");
    services.ports.add(port);
    const stored = (): unknown =>
      db.prepare("SELECT value FROM settings WHERE key = 'platform-moderator:console:ada'").pluck().get();
    const ask = async (verdict: Role | undefined): Promise<Role> => {
      port.verdict = verdict;
      return services.roleOf("console:ada", "console:general");
    };
    for (const verdict of [
      undefined,
      undefined,
      "moderator",
      "moderator",
      undefined,
      undefined,
      "admin",
    ] as const) {
      expect(await ask(verdict)).toBe(verdict ?? "member");
      expect(stored()).toBe(verdict === undefined ? undefined : JSON.stringify(verdict));
      expect(services.moderatorIds().includes("console:ada")).toBe(verdict !== undefined);
    }
    // Erased by other means (the member's data deleted): none stays none, a new grant is stored.
    db.prepare("DELETE FROM settings").run();
    expect(await ask(undefined)).toBe("member");
    expect(await ask("moderator")).toBe("moderator");
    expect(stored()).toBe(JSON.stringify("moderator"));
    db.close();
  });

  it("removes a verdict stored before copbot started once the platform revokes it", async () => {
    const db = openDatabase(":memory:");
    db.prepare(
      "INSERT INTO settings (key, value) VALUES ('platform-moderator:console:bob', '\"moderator\"')",
    ).run();
    const services = servicesOn(db);
    services.ports.add(new VerdictPort("console"));
    expect(services.moderatorIds()).toContain("console:bob");
    expect(await services.roleOf("console:bob", "console:general")).toBe("member");
    expect(services.moderatorIds()).not.toContain("console:bob");
    db.close();
  });
});
