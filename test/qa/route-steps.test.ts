import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { openDatabase, type Db } from "../../db/open";
import { loadConfig } from "../../src/config";
import { VirtualClock } from "../../src/core/clock";
import { createServices, type Services } from "../../src/core/services";
import { trackQuestionInSteps } from "../../src/qa/ask";
import { addExpertTopics } from "../../src/qa/expert-repo";
import { updateExpertSettings } from "../../src/qa/expert-settings-repo";
import { routeJob } from "../../src/qa/routing";

const START = new Date("2026-12-01T08:00:00Z"); // Tuesday 09:00 Berlin
const QUESTION = {
  askerId: "console:dora",
  channelId: "console:fragen",
  messageId: "m1",
  text: "Wie migriert ihr Altakten in die E-Akte?",
};

/** A copbot on the database file, as started after a crash: nothing in memory carries over. */
function start(path: string, at: Date): Services {
  const services = createServices({
    db: openDatabase(path),
    clock: new VirtualClock(at),
    config: loadConfig({}),
    log: pino({ level: "silent" }),
    features: [],
  });
  services.scheduler.register("qa.route", routeJob);
  return services;
}

const routingPosts = (db: Db): number =>
  Number(db.prepare("SELECT count(*) FROM outbox WHERE key LIKE 'qa.route:%'").pluck().get());
const pings = (db: Db): number => Number(db.prepare("SELECT count(*) FROM qa_pings").pluck().get());
const pinged = (db: Db): string[] =>
  db.prepare("SELECT member_id FROM qa_pings ORDER BY member_id").pluck().all() as string[];

class Crash extends Error {}

describe("a question routed in steps", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "copbot-steps-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the steps, crashing at pause number `crashAt` (never when undefined); returns how many pauses ran. */
  async function askAndCrash(path: string, crashAt: number | undefined): Promise<number> {
    const services = start(path, START);
    addExpertTopics(services.db, "console:anna", ["E-Akte"], START);
    addExpertTopics(services.db, "console:bert", ["Altakten"], START);
    let pauses = 0;
    try {
      await trackQuestionInSteps(services, QUESTION, async () => {
        if (pauses++ === crashAt) throw new Crash();
        await new Promise((resolve) => setImmediate(resolve));
      });
    } catch (error) {
      if (!(error instanceof Crash)) throw error;
    } finally {
      services.db.close();
    }
    return pauses;
  }

  it("ends in exactly one routing reply wherever copbot stops between the steps", async () => {
    const steps = await askAndCrash(join(dir, "whole.db"), undefined);
    expect(steps).toBeGreaterThanOrEqual(3);
    for (let crashAt = 0; crashAt <= steps; crashAt++) {
      const path = join(dir, `crash${crashAt}.db`);
      await askAndCrash(path, crashAt);
      // Restarted two minutes later: the routing job is due.
      const services = start(path, new Date(START.getTime() + 120_000));
      await services.scheduler.runDue(services);
      expect({ crashAt, posts: routingPosts(services.db), pings: pings(services.db) }).toEqual({
        crashAt,
        posts: 1,
        pings: 2,
      });
      services.db.close();
    }
  });

  it("ranks again when something was written between the ranking and the routing", async () => {
    const steps = await askAndCrash(join(dir, "count.db"), undefined);
    // Each pause in turn sees an expert leave (opting out) just then: whatever the steps had
    // ranked before, she is not tagged; before the first pause nothing is written.
    for (let at = 0; at < steps; at++) {
      const services = start(join(dir, `leave${at}.db`), START);
      addExpertTopics(services.db, "console:anna", ["E-Akte"], START);
      addExpertTopics(services.db, "console:bert", ["Altakten"], START);
      let pauses = 0;
      await trackQuestionInSteps(services, QUESTION, async () => {
        if (pauses++ === at) updateExpertSettings(services.db, "console:anna", { optedOut: true });
        await new Promise((resolve) => setImmediate(resolve));
      });
      const tagged = pinged(services.db);
      services.db.close();
      // The last pause comes after the routing: both were tagged by then.
      expect({ at, tagged }).toEqual({
        at,
        tagged: at === steps - 1 ? ["console:anna", "console:bert"] : ["console:bert"],
      });
    }
  });

  it("routes once when the routing job runs while the steps are still under way", async () => {
    const path = join(dir, "race.db");
    const services = start(path, START);
    // Four experts: a second routing would tag the one the first left out.
    for (const member of ["anna", "bert", "cleo", "emil"])
      addExpertTopics(services.db, `console:${member}`, ["E-Akte"], START);
    const clock = services.clock as VirtualClock;
    let first = true;
    await trackQuestionInSteps(services, QUESTION, async () => {
      if (!first) return;
      first = false;
      clock.advance(120_000);
      await services.scheduler.runDue(services);
    });
    await services.scheduler.runDue(services);
    expect(routingPosts(services.db)).toBe(1);
    expect(pings(services.db)).toBe(3);
    services.db.close();
  });
});
