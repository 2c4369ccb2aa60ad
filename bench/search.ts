import type { Db } from "../db/open";
import type { CommandEvent } from "../src/core/events";
import type { App } from "../src/app";
import { DOMAINS, GENERAL_WORDS } from "./dataset/lexicon";
import { compound, Dice, pickDomain } from "./dataset/text";
import type { BenchPort } from "./community";
import { seeded, turn } from "./measure";

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

interface FtsCall {
  readonly table: string;
  readonly match: string;
  readonly limit: number;
}

/**
 * Records every FTS5 query the code runs on `db` (table, MATCH expression, LIMIT), so the
 * benchmark can run the very same queries bare, as the floor the search is compared with.
 */
export function recordFtsQueries(db: Db): { calls: FtsCall[] } {
  const log = { calls: [] as FtsCall[] };
  const prepare = db.prepare.bind(db);
  const patched = (sql: string) => {
    const statement = prepare(sql);
    const table = /(\w+)\s+MATCH\s/i.exec(sql)?.[1];
    if (!table || /\browid\s*=/.test(sql)) return statement;
    const limit = Number(/LIMIT\s+(\d+)/i.exec(sql)?.[1] ?? 0);
    const record = (args: unknown[]): void => {
      const first = args[0];
      const params = typeof first === "object" && first !== null ? Object.values(first) : args;
      const match = params.find((p): p is string => typeof p === "string");
      const bound = params.filter((p): p is number => typeof p === "number");
      if (match !== undefined)
        log.calls.push({ table, match, limit: limit || (bound[bound.length - 1] ?? 5) });
    };
    return new Proxy(statement, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if ((key === "all" || key === "get" || key === "iterate") && typeof value === "function") {
          return (...args: unknown[]) => {
            record(args);
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
  /** The same searches' FTS5 queries run bare (`SELECT rowid … MATCH … ORDER BY rank LIMIT n`). */
  readonly raw: number[];
}

/** `/cop search` as a member types it, and the bare FTS5 floor of the same queries. */
export async function benchSearch(
  app: App,
  port: BenchPort,
  fts: { calls: FtsCall[] },
  opts: { count: number; warmup: number },
): Promise<SearchResult> {
  const { db } = app.bot.services;
  const queries = searchQueries(opts.count + opts.warmup);
  const search: number[] = [];
  const raw: number[] = [];
  const bare = new Map<string, { all(match: string): unknown[] }>();
  const before = port.posts;
  for (const [i, query] of queries.entries()) {
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
    let started = performance.now();
    await app.bot.handle(event);
    const took = performance.now() - started;
    const calls = [...fts.calls];
    await turn();
    started = performance.now();
    for (const call of calls) {
      const sql = `SELECT rowid FROM ${call.table} WHERE ${call.table} MATCH ? ORDER BY rank LIMIT ${call.limit}`;
      let statement = bare.get(sql);
      if (!statement) {
        statement = db.prepare(sql) as unknown as { all(match: string): unknown[] };
        bare.set(sql, statement);
      }
      statement.all(call.match);
    }
    const floor = performance.now() - started;
    if (i >= opts.warmup) {
      search.push(took);
      raw.push(floor);
    }
    await turn();
  }
  if (port.posts - before < queries.length) throw new Error("a search got no reply");
  return { search: search.sort((a, b) => a - b), raw: raw.sort((a, b) => a - b) };
}
