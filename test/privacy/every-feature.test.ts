import Database from "better-sqlite3";
import pino from "pino";
import { attach, buildApp, consoleAdapter, loadConfig } from "../../src/app";
import { buildFixture, type Fixture } from "../security/permission-fixture";
import { traces } from "./traces";

/**
 * Erasure reaches every feature's tables (issue 17): on a community where the member has a
 * profile with a time zone, questions, answers (one of them a further accepted answer), a
 * followed question, meetings, check-ins and their answers, a working group they facilitate or
 * sit in with a milestone, time log and a closed group's result, nothing of them is left in any
 * table after `privacy forget` but the confirmation on its way to them.
 */
describe("privacy forget in a community with every feature", () => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await buildFixture();
  }, 120_000);

  /** A copbot on a copy of the fixture; `run` sends lines as `person` and returns copbot's lines. */
  async function community() {
    const db = new Database(fixture.snapshot);
    db.pragma("foreign_keys = ON");
    const config = loadConfig({ COPBOT_DB: ":memory:", COPBOT_CLOCK: "virtual", COPBOT_START: fixture.now });
    const app = buildApp(config, pino({ level: "silent" }), db);
    const out: string[] = [];
    const adapter = consoleAdapter(app, (line) => out.push(line));
    await attach(app, adapter);
    const run = async (person: string, ...lines: string[]): Promise<string[]> => {
      const from = out.length;
      await adapter.line(`:as ${person}`);
      for (const line of lines) await adapter.line(line);
      return out.slice(from);
    };
    return { db, run };
  }

  it.each([
    ["mem", "Hilfe bei mem-Thema"],
    ["fac", "Hilfe bei fac-Thema"],
  ])("leaves nothing of %s in any table", async (person, answer) => {
    const { db, run } = await community();
    await run(
      person,
      '/cop profile bio "Sachgebiet Registratur"',
      '/cop profile org "Landratsamt Beispielkreis"',
      "/cop group time #1 2h Entwurf gelesen",
      "/cop intros join Posteingangsbearbeitung",
      "/cop profile tz Europe/Vienna",
      `:click ${fixture.routing.admin ?? "?"} qa.follow`,
    );
    // A question of mo's solved by two answers: carla's first, then the member's in addition.
    const ref = (lines: string[], who: string) =>
      new RegExp(`\\((m\\d+)\\) ${who}: `).exec(lines.join("\n"))?.[1] ?? "?";
    const first = ref(
      await run("carla", `:reply ${fixture.routing.mo ?? "?"} Ordner nach Aktenplan.`),
      "carla",
    );
    const more = ref(await run(person, `:reply ${fixture.routing.mo ?? "?"} Und ein Register dazu.`), person);
    await run("mo", `:react ${first} ✅`, `:react ${more} ✅`);
    const id = `console:${person}`;
    const before = traces(db, id, ["outbox"]);
    expect(before).toEqual(
      expect.arrayContaining([
        "members.id",
        "work_group_time.member_id",
        "intro_participants.member_id",
        "qa_followers.member_id",
        "qa_more_accepted.author_id",
      ]),
    );
    expect(traces(db, "Europe/Vienna")).toContain("members.time_zone");
    const asked = await run(person, ":in dm", "/cop privacy forget");
    const confirm = /\((m\d+)\) copbot: \*Soll copbot dich vergessen/.exec(asked.join("\n"))?.[1];
    const done = await run(person, `:click ${confirm ?? "?"} privacy.forget`);
    expect(done.join("\n")).toContain("Erledigt: copbot hat dich vergessen.");
    expect(traces(db, id, ["outbox"])).toEqual([]);
    for (const text of [
      "Sachgebiet Registratur",
      "Europe/Vienna",
      "Entwurf gelesen",
      "Posteingangsbearbeitung",
      answer,
      `Wie macht ${person} das`,
    ]) {
      expect([text, traces(db, text)]).toEqual([text, []]);
    }
    // The one message that still names them: the confirmation, sent after the erasure.
    const named = db
      .prepare(
        "SELECT message FROM outbox WHERE (target LIKE @p OR message LIKE @p) AND message <> '{\"blocks\":[]}'",
      )
      .all({ p: `%${id}%` }) as { message: string }[];
    expect(named.map((r) => r.message)).toEqual([
      expect.stringContaining("Erledigt: copbot hat dich vergessen."),
    ]);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.pragma("foreign_key_check")).toEqual([]);
    db.close();
  });
});
