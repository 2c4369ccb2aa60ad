import { openDatabaseReadOnly, type Db } from "../db/open";
import type { CommandEvent } from "../src/core/events";
import type { App } from "../src/app";
import { DOMAINS, GENERAL_WORDS } from "./dataset/lexicon";
import { compound, Dice, pickDomain } from "./dataset/text";
import type { BenchPort } from "./community";
import { compactKnowledgeSlice } from "../src/qa/knowledge-compaction";
import { searchKnowledge } from "../src/qa/knowledge";
import { similarSolved } from "../src/qa/similar";
import { benchQuestions } from "./question-path";
import { seeded, turn } from "./measure";

const cpuMs = (used: NodeJS.CpuUsage): number => (used.user + used.system) / 1000;

/** What members type after `/cop search`: two or three words, sometimes a compound or a topic. */
export function searchQueries(count: number): string[] {
  const dice = new Dice(seeded(31));
  return Array.from({ length: count }, () => {
    const domain = DOMAINS[pickDomain(dice)] ?? DOMAINS[0];
    const words = domain?.words ?? ["Akte"];
    const first = dice.chance(0.3) ? dice.pick(domain?.topics ?? words) : dice.pick(words);
    const second = dice.chance(0.25) ? compound(dice.pick(words), dice.pick(words)) : dice.pick(words);
    const third = dice.chance(0.4) ? ` ${dice.pick(GENERAL_WORDS)}` : "";
    return `${first} ${second}${third}`;
  });
}

/** One statement with an FTS5 MATCH as the code ran it: the SQL text and its parameters. */
interface FtsCall {
  readonly sql: string;
  readonly args: readonly unknown[];
}

/** The FTS5 statements recorded since the last reset, and the database's own `prepare`. */
export interface FtsLog {
  calls: FtsCall[];
  readonly prepare: (sql: string) => { all(...args: unknown[]): unknown[] };
}

/**
 * Records every statement with an FTS5 MATCH the code runs on `db` — its SQL text and its
 * parameters — so the benchmark can run the very same statements bare, as the floor the
 * search is compared with.
 */
export function recordFtsQueries(db: Db): FtsLog {
  const prepare = db.prepare.bind(db);
  const log: FtsLog = {
    calls: [],
    prepare: (sql) => prepare(sql) as unknown as ReturnType<FtsLog["prepare"]>,
  };
  const patched = (sql: string) => {
    const statement = prepare(sql);
    if (!/\sMATCH\s/i.test(sql)) return statement;
    return new Proxy(statement, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if ((key === "all" || key === "get" || key === "iterate") && typeof value === "function") {
          return (...args: unknown[]) => {
            log.calls.push({ sql, args });
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  };
  (db as { prepare: unknown }).prepare = patched;
  return log;
}

export interface SearchResult {
  /** `/cop search` through `bot.handle()`, sorted, in milliseconds. */
  readonly search: number[];
  /** The same searches' FTS5 statements run bare: the same SQL with the same parameters. */
  readonly raw: number[];
  /** CPU time of this process per `/cop search`, sorted (wall time also counts other processes' turns). */
  readonly cpu: number[];
  /** CPU time of the bare FTS5 queries per search, sorted. */
  readonly rawCpu: number[];
}

/**
 * The FTS5 statements a search for each query runs, learned on a second, read-only connection
 * to the same database: it has its own page cache and vocabulary cache, so learning them warms
 * nothing the measured searches use.
 */
function plannedFtsCalls(db: Db, queries: readonly string[]): FtsCall[][] {
  const planner = openDatabaseReadOnly(db.name);
  try {
    const log = recordFtsQueries(planner);
    return queries.map((query) => {
      log.calls.length = 0;
      // As `/cop search` asks (src/qa/qa-admin.ts); each search below checks it ran the same.
      searchKnowledge(planner, query, 5);
      return [...log.calls];
    });
  } finally {
    planner.close();
  }
}

const sameCalls = (a: readonly FtsCall[], b: readonly FtsCall[]): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * `/cop search` as a member types it, and the bare FTS5 floor of the same queries. Whichever of
 * the two runs first reads the pages the statements need into SQLite's page cache, and the
 * other finds them there (at 100,000 that makes the statements about 0.2 ms faster at p50), so
 * the order alternates: every other query runs its statements bare before its search.
 */
export async function benchSearch(
  app: App,
  port: BenchPort,
  fts: FtsLog | undefined,
  opts: { count: number; warmup: number },
): Promise<SearchResult> {
  if (!fts) throw new Error("the FTS5 statements are not recorded (recordFtsQueries)");
  const queries = searchQueries(opts.count + opts.warmup);
  const planned = plannedFtsCalls(app.bot.services.db, queries);
  const search: number[] = [];
  const raw: number[] = [];
  const cpu: number[] = [];
  const rawCpu: number[] = [];
  const bare = new Map<string, ReturnType<FtsLog["prepare"]>>();
  const runBare = (calls: readonly FtsCall[]): { ms: number; cpuMs: number } => {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    for (const call of calls) {
      let statement = bare.get(call.sql);
      if (!statement) {
        statement = fts.prepare(call.sql);
        bare.set(call.sql, statement);
      }
      statement.all(...call.args);
    }
    return { ms: performance.now() - started, cpuMs: cpuMs(process.cpuUsage(cpuBefore)) };
  };
  const before = port.posts;
  for (const [i, query] of queries.entries()) {
    const calls = planned[i] ?? [];
    const bareFirst = i % 2 === 1;
    let floor = bareFirst ? runBare(calls) : undefined;
    if (bareFirst) await turn();
    const event: CommandEvent = {
      kind: "command",
      id: `bench:s${i}`,
      platform: "console",
      at: app.clock.now(),
      userId: "console:m4321",
      channelId: "console:allgemein",
      isDm: false,
      text: `search ${query}`,
    };
    fts.calls.length = 0;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await app.bot.handle(event);
    const took = performance.now() - started;
    const tookCpu = cpuMs(process.cpuUsage(cpuBefore));
    if (!sameCalls(fts.calls, calls))
      throw new Error(`the search for "${query}" ran other FTS5 statements than planned`);
    await turn();
    floor ??= runBare(calls);
    if (i >= opts.warmup) {
      search.push(took);
      raw.push(floor.ms);
      cpu.push(tookCpu);
      rawCpu.push(floor.cpuMs);
    }
    await turn();
  }
  if (port.posts - before < queries.length) throw new Error("a search got no reply");
  const sorted = (values: number[]): number[] => values.sort((a, b) => a - b);
  return { search: sorted(search), raw: sorted(raw), cpu: sorted(cpu), rawCpu: sorted(rawCpu) };
}

/**
 * Compacts the knowledge indexes as a running copbot's first hourly maintenance does (the
 * generated database, written in batches, has 9–18 segments per index): how long in all, and
 * the CPU time of the longest slice (wall time would count other processes' turns), in
 * milliseconds.
 */
export function compactAtStart(app: App): { ms: number; longestSliceCpuMs: number } {
  const { db } = app.bot.services;
  const started = performance.now();
  let longest = 0;
  for (;;) {
    const before = process.cpuUsage();
    const more = compactKnowledgeSlice(db);
    longest = Math.max(longest, cpuMs(process.cpuUsage(before)));
    if (!more) break;
  }
  return { ms: performance.now() - started, longestSliceCpuMs: longest };
}

/**
 * Similar solved questions for new questions (the search inside every question), CPU time of
 * this process per call, sorted, in milliseconds.
 */
export function benchSimilar(app: App, count: number): number[] {
  const { db } = app.bot.services;
  const cpu: number[] = [];
  for (const q of benchQuestions(count, 7)) {
    const before = process.cpuUsage();
    similarSolved(db, q.text, 3);
    cpu.push(cpuMs(process.cpuUsage(before)));
  }
  return cpu.sort((a, b) => a - b);
}
