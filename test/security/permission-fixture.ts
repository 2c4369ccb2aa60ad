import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pino from "pino";
import { z } from "zod";
import { attach, buildApp, consoleAdapter, loadConfig } from "../../src/app";
import { startConsole } from "../support/console-harness";
import { MIGRATION_PROBLEM, PROBLEM } from "../support/groups-fixtures";
import type { Standing } from "../../src/permissions";

/** The console user who stands in each column of the permission table. */
export const PERSON: Readonly<Record<Standing, string>> = {
  admin: "admin",
  moderator: "mo",
  facilitator: "fac",
  member: "mem",
  outsider: "out",
};

/** What a probe may refer to: ids and message refs of the fixture, per owner. */
export interface Fixture {
  /** A snapshot of the database after the set-up; every probe starts from it. */
  readonly snapshot: Buffer;
  /** Where the virtual clock stood at the end of the set-up. */
  readonly now: string;
  readonly meetings: Readonly<Record<string, number | undefined>>;
  readonly checkins: Readonly<Record<string, number | undefined>>;
  readonly groupCheckin: number;
  readonly questions: Readonly<Record<string, number | undefined>>;
  /** The ref of copbot's routing message under each person's question (with "Weitere Expert:innen"). */
  readonly routing: Readonly<Record<string, string>>;
  /** The ref of the help check-in's summary (with "Als Frage stellen (name)" per person). */
  readonly summary: string;
}

const START = "2026-11-30T09:00:00+01:00";
/** Where `export knowledge` probes write (one folder for the run, in the system's temp dir). */
const EXPORT_DIR = mkdtempSync(join(tmpdir(), "copbot-permissions-"));
const OWNERS = ["admin", "mo", "fac", "mem", "out"] as const;

/**
 * A small community where every cell of the permission table has something to act on: a
 * meeting, a check-in and a question of each person; working group #1 running (fac
 * facilitates, mem and carla are members, out is not) with its check-in and a milestone; group
 * #2 closed with the same people; a help check-in whose summary offers each person's answer as a
 * question; a knowledge entry whose accepted answer was deleted (a tombstone).
 */
export async function buildFixture(): Promise<Fixture> {
  const h = await startConsole({ start: START });
  const ids = (sql: string, ...params: unknown[]): number[] =>
    z
      .array(z.object({ id: z.number() }))
      .parse(h.app.db.prepare(sql).all(...params))
      .map((r) => r.id);
  const refIn = (lines: readonly string[], pattern: RegExp): string => {
    const ref = /\((m\d+)\)/.exec(lines.find((l) => pattern.test(l)) ?? "")?.[1];
    if (!ref) throw new Error(`no line matches ${pattern}:\n${lines.join("\n")}`);
    return ref;
  };
  await h.send(...["mo", "fac", "mem", "carla", "out", "admin"].flatMap((p) => [`:as ${p}`, "/cop help"]));
  await h.send(
    "/cop mod add @mo",
    "/cop qa channel add #fragen",
    "/cop mod add @fac",
    "/cop mod add @mem",
    "/cop mod add @out",
  );
  for (const p of OWNERS) {
    await h.send(
      `:as ${p}`,
      ":in #allgemein",
      `/cop meeting add "Treffen ${p}" weekly wed 10:00 in #allgemein`,
      `/cop checkin add "Runde ${p}" weekly thu 10:00 in #team questions "Woran arbeitest du?"`,
    );
  }
  await h.send(":as admin", "/cop mod remove @fac", "/cop mod remove @mem", "/cop mod remove @out");
  await h.send(
    ":as mo",
    '/cop checkin add "Hilfe-Runde" weekly tue 10:00 in #team questions "Wo brauchst du Hilfe?" deadline 2h',
  );
  const [help] = ids("SELECT id FROM checkins WHERE title = 'Hilfe-Runde'");
  for (const p of ["admin", "fac", "mem", "out"]) await h.send(`:as ${p}`, `/cop checkin join ${help}`);

  const routing: Record<string, string> = {};
  for (const p of OWNERS) {
    const asked = await h.send(`:as ${p}`, ":in #fragen", `Wie macht ${p} das mit der Ablage?`);
    routing[p] = refIn(asked, /copbot: /);
  }
  const tomb = await h.send(":as carla", "Wer hat Erfahrung mit Grabsteinen?");
  const tombQuestion = refIn(tomb, /carla: Wer hat Erfahrung/);
  const answered = await h.send(":as mem", `:reply ${tombQuestion} Wir nutzen Granit aus der Region.`);
  const answer = refIn(answered, /mem: Wir nutzen Granit/);
  await h.send(":as carla", `:react ${answer} ✅`, ":as mem", `:delete ${answer}`);

  await h.send(
    ":as fac",
    ":in #allgemein",
    `/cop group propose title="Checkliste PDF" problem="${PROBLEM}" deliverable=Checkliste due=2027-01-25`,
    ":as mem",
    "/cop group join 1",
    ":as carla",
    "/cop group join 1",
    ":as fac",
    "/cop group confirm 1",
    "/cop group milestone add #1 2027-01-10 Entwurf",
    `/cop group propose title="Leitfaden E-Akte" problem="${MIGRATION_PROBLEM}" deliverable=Leitfaden due=2027-01-25`,
    ":as mem",
    "/cop group join 2",
    ":as carla",
    "/cop group join 2",
    ":as fac",
    "/cop group confirm 2",
    "/cop group close #2 https://example.org/leitfaden",
  );
  await h.send(":clock 2026-12-01T10:00");
  for (const p of OWNERS) await h.send(`:as ${p}`, ":in dm", `Hilfe bei ${p}-Thema`);
  const summary = refIn(await h.send(":clock 2026-12-01T12:00"), /copbot: \*📝 Hilfe-Runde/);

  const [groupCheckin] = ids("SELECT id FROM checkins WHERE owner_kind = 'group' AND owner_id = 1");
  const byOwner = (table: "meetings" | "checkins") =>
    Object.fromEntries(
      OWNERS.map((p) => [
        p,
        ids(`SELECT id FROM ${table} WHERE created_by = ? AND title LIKE '% ${p}'`, `console:${p}`)[0],
      ]),
    );
  const questions = Object.fromEntries(
    OWNERS.map((p) => [p, ids("SELECT id FROM qa_questions WHERE asker_id = ?", `console:${p}`)[0]]),
  );
  if (groupCheckin === undefined) throw new Error("group #1 has no check-in");
  const fixture: Fixture = {
    snapshot: h.app.db.serialize(),
    now: h.clock.now().toISOString(),
    meetings: byOwner("meetings"),
    checkins: byOwner("checkins"),
    groupCheckin,
    questions,
    routing,
    summary,
  };
  h.close();
  return fixture;
}

/** A fresh copbot on a copy of the fixture: runs `lines` as `person`, returns copbot's reply lines. */
export async function probe(fixture: Fixture, person: string, lines: readonly string[]): Promise<string> {
  const db = new Database(fixture.snapshot);
  db.pragma("foreign_keys = ON");
  const config = loadConfig({
    COPBOT_DB: ":memory:",
    COPBOT_CLOCK: "virtual",
    COPBOT_START: fixture.now,
    COPBOT_EXPORT_DIR: EXPORT_DIR,
  });
  const app = buildApp(config, pino({ level: "silent" }), db);
  const out: string[] = [];
  const adapter = consoleAdapter(app, (line) => out.push(line));
  await attach(app, adapter);
  await adapter.line(`:as ${person}`);
  for (const line of lines) await adapter.line(line);
  db.close();
  // copbot's lines with their continuation lines; the person's own lines are left out.
  let fromBot = false;
  return out
    .filter((line) => {
      if (!line.startsWith(" ")) fromBot = line.includes("copbot:");
      return fromBot;
    })
    .join("\n");
}
