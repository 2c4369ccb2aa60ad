import { z } from "zod";
import type { Db } from "../../db/open";
import { statement } from "../../db/statements";
import { shapeScore, type ShapePart } from "./bm25";
import { indexTerms } from "./text";

/**
 * The aggregated expert profiles (migration 010): per expert and search key how many of their
 * sources (topics, answered questions) contain the key, with each source's key frequency and
 * length, so ranking reads a few rows per searched word instead of ranking every answered
 * question. All SQL of the profiles lives here.
 */

/** One expert's aggregate for one key. */
export interface Posting {
  readonly memberId: string;
  readonly key: string;
  readonly docs: number;
  readonly shape: readonly ShapePart[];
  /** BM25 term part with the average length of when it was written (orders the rows). */
  readonly weight: number;
}

/** A key with its statistics over all sources. */
export interface KeyStats {
  readonly key: string;
  readonly docs: number;
  readonly members: number;
  /** The smallest average length a weight of this key was computed with. */
  readonly minAvgdl: number;
}

/** The key a searched word looks up: `p:<prefix>` for a prefix, `=<word>` for a whole (short) word. */
export function searchKey(term: string, prefix: boolean): string {
  return prefix ? `p:${term}` : `=${term}`;
}

/** Prefixes of three or more letters of a word (a query stem matches words it begins). */
const MIN_PREFIX = 3;

/** Every key of a text (words as the FTS5 index splits them) with its frequency, and the text's length. */
export function sourceKeys(text: string): { keys: Map<string, number>; length: number } {
  const keys = new Map<string, number>();
  const terms = indexTerms(text);
  for (const term of terms) {
    const letters = Array.from(term);
    if (letters.length < MIN_PREFIX) keys.set(`=${term}`, (keys.get(`=${term}`) ?? 0) + 1);
    for (let i = MIN_PREFIX; i <= letters.length; i++) {
      const key = `p:${letters.slice(0, i).join("")}`;
      keys.set(key, (keys.get(key) ?? 0) + 1);
    }
  }
  return { keys, length: terms.length };
}

function parseShape(shape: string): ShapePart[] {
  return shape.split(";").map((part) => {
    const [tf = 0, length = 0, count = 0] = part.split(":").map(Number);
    return { tf, length, count };
  });
}

function formatShape(parts: readonly ShapePart[]): string {
  return [...parts]
    .filter((p) => p.count > 0)
    .sort((a, b) => a.tf - b.tf || a.length - b.length)
    .map((p) => `${p.tf}:${p.length}:${p.count}`)
    .join(";");
}

const PostingRow = z.object({
  member_id: z.string(),
  key: z.string(),
  docs: z.number(),
  shape: z.string(),
  weight: z.number(),
});
const KeyRow = z.object({ key: z.string(), docs: z.number(), members: z.number(), min_avgdl: z.number() });
const SourceRow = z.object({ member_id: z.string(), text: z.string(), length: z.number() });
const CorpusRow = z.object({ sources: z.number(), tokens: z.number() });

const toPosting = (row: unknown): Posting => {
  const r = PostingRow.parse(row);
  return { memberId: r.member_id, key: r.key, docs: r.docs, shape: parseShape(r.shape), weight: r.weight };
};

const ShapeRow = z.object({ key: z.string(), shape: z.string() });

/**
 * Adds (`sign` 1) or takes out (-1) one source's contribution to a member's aggregates: its
 * `keys` with their frequencies, in a source of `length` words. Four statements per source.
 */
function changePostings(
  db: Db,
  memberId: string,
  change: { keys: Map<string, number>; length: number; sign: 1 | -1 },
): void {
  const { keys, length, sign } = change;
  if (keys.size === 0) return;
  const { sources, tokens } = corpus(db);
  const avgdl = sources > 0 ? tokens / sources : 1;
  const current = new Map(
    statement(
      db,
      "SELECT key, shape FROM qa_expert_terms WHERE member_id = @member AND key IN (SELECT value FROM json_each(@keys))",
    )
      .all({ member: memberId, keys: JSON.stringify([...keys.keys()]) })
      .map((row) => {
        const r = ShapeRow.parse(row);
        return [r.key, parseShape(r.shape)] as const;
      }),
  );
  const kept: [string, number, string, number][] = [];
  const gone: string[] = [];
  const stats: [string, number, number][] = [];
  for (const [key, tf] of keys) {
    const parts = current.get(key);
    if (parts === undefined && sign < 0) continue;
    const part = parts?.find((p) => p.tf === tf && p.length === length);
    const next = (
      part
        ? (parts ?? []).map((p) => (p === part ? { ...p, count: p.count + sign } : p))
        : [...(parts ?? []), { tf, length, count: 1 }]
    ).filter((p) => p.count > 0);
    const docs = next.reduce((sum, p) => sum + p.count, 0);
    if (docs === 0) gone.push(key);
    else kept.push([key, docs, formatShape(next), shapeScore(next, avgdl)]);
    stats.push([key, sign, (docs > 0 ? 1 : 0) - (parts === undefined ? 0 : 1)]);
  }
  statement(
    db,
    `INSERT INTO qa_expert_terms (member_id, key, docs, shape, weight)
     SELECT @member, value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(@rows) WHERE true
     ON CONFLICT (member_id, key) DO UPDATE SET docs = excluded.docs, shape = excluded.shape, weight = excluded.weight`,
  ).run({ member: memberId, rows: JSON.stringify(kept) });
  statement(
    db,
    `INSERT INTO qa_expert_keys (key, docs, members, min_avgdl)
     SELECT value ->> 0, value ->> 1, value ->> 2, @avgdl FROM json_each(@stats) WHERE true
     ON CONFLICT (key) DO UPDATE SET docs = docs + excluded.docs, members = members + excluded.members,
       min_avgdl = min(min_avgdl, excluded.min_avgdl)`,
  ).run({ stats: JSON.stringify(stats), avgdl });
  if (gone.length > 0) {
    const json = JSON.stringify(gone);
    statement(
      db,
      "DELETE FROM qa_expert_terms WHERE member_id = @member AND key IN (SELECT value FROM json_each(@gone))",
    ).run({ member: memberId, gone: json });
    statement(
      db,
      "DELETE FROM qa_expert_keys WHERE key IN (SELECT value FROM json_each(?)) AND members <= 0",
    ).run(json);
  }
}

/** Takes `source` of `memberId` (or of whoever has it) out of the profiles. */
export function removeSource(db: Db, source: string, memberId?: string): void {
  const rows = (
    memberId === undefined
      ? statement(db, "SELECT member_id, text, length FROM qa_expert_sources WHERE source = ?").all(source)
      : statement(
          db,
          "SELECT member_id, text, length FROM qa_expert_sources WHERE source = ? AND member_id = ?",
        ).all(source, memberId)
  ).map((row) => SourceRow.parse(row));
  for (const row of rows) {
    changePostings(db, row.member_id, { ...sourceKeys(row.text), sign: -1 });
    statement(db, "DELETE FROM qa_expert_sources WHERE source = ? AND member_id = ?").run(
      source,
      row.member_id,
    );
  }
}

/**
 * Adds what `memberId` is known for (`source`: `topic:<key>` or `question:<id>`, `text`
 * umlaut-folded) to their profile; an existing source of the same name is replaced.
 */
export function addSource(db: Db, memberId: string, source: string, text: string): void {
  removeSource(db, source, memberId);
  const { keys, length } = sourceKeys(text);
  statement(db, "INSERT INTO qa_expert_sources (source, member_id, text, length) VALUES (?, ?, ?, ?)").run(
    source,
    memberId,
    text,
    length,
  );
  changePostings(db, memberId, { keys, length, sign: 1 });
}

/** Number of sources and their total length. */
export function corpus(db: Db): { sources: number; tokens: number } {
  const row = statement(db, "SELECT sources, tokens FROM qa_expert_corpus WHERE id = 1").get();
  return row === undefined ? { sources: 0, tokens: 0 } : CorpusRow.parse(row);
}

/** A key's statistics; undefined when no source has it. */
export function keyStats(db: Db, key: string): KeyStats | undefined {
  const row = statement(db, "SELECT key, docs, members, min_avgdl FROM qa_expert_keys WHERE key = ?").get(
    key,
  );
  if (row === undefined) return undefined;
  const r = KeyRow.parse(row);
  return { key: r.key, docs: r.docs, members: r.members, minAvgdl: r.min_avgdl };
}

const POSTING = "member_id, key, docs, shape, weight";

/** Every expert's aggregate for these (rarely used) keys. */
export function allPostings(db: Db, keys: readonly string[]): Posting[] {
  if (keys.length === 0) return [];
  return statement(db, `SELECT ${POSTING} FROM qa_expert_terms WHERE key IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(keys))
    .map(toPosting);
}

/** Where reading a key's rows stopped: the next rows come after this one. */
export interface PostingCursor {
  readonly weight: number;
  readonly memberId: string;
}

/** The next `limit` experts with the most weight for `key`, after `cursor`. */
export function topPostings(db: Db, key: string, limit: number, cursor?: PostingCursor): Posting[] {
  return statement(
    db,
    `SELECT ${POSTING} FROM qa_expert_terms
     WHERE key = @key AND (weight < @weight OR (weight = @weight AND member_id > @member))
     ORDER BY weight DESC, member_id LIMIT @limit`,
  )
    .all({ key, weight: cursor?.weight ?? Number.MAX_VALUE, member: cursor?.memberId ?? "", limit })
    .map(toPosting);
}

/** The aggregates of given (key, expert) pairs; pairs without one are left out. */
export function postingsOf(db: Db, pairs: readonly { key: string; memberId: string }[]): Posting[] {
  if (pairs.length === 0) return [];
  return statement(
    db,
    `SELECT t.member_id, t.key, t.docs, t.shape, t.weight FROM json_each(?) p
     JOIN qa_expert_terms t ON t.member_id = p.value ->> 1 AND t.key = p.value ->> 0`,
  )
    .all(JSON.stringify(pairs.map((p) => [p.key, p.memberId])))
    .map(toPosting);
}

/** True when some member other than `exclude` who has topics has one of `keys`. */
export function anyExpertUses(db: Db, keys: readonly string[], exclude: readonly string[]): boolean {
  if (keys.length === 0) return false;
  return (
    statement(
      db,
      `SELECT 1 FROM qa_expert_terms t
       WHERE t.key IN (SELECT value FROM json_each(@keys))
         AND t.member_id NOT IN (SELECT value FROM json_each(@exclude))
         AND EXISTS (SELECT 1 FROM qa_expert_topics e WHERE e.member_id = t.member_id)
       LIMIT 1`,
    ).get({ keys: JSON.stringify(keys), exclude: JSON.stringify(exclude) }) !== undefined
  );
}

const ProfileRow = z.object({
  member_id: z.string(),
  expert: z.number(),
  accepted: z.number(),
  pings: z.number(),
  answered: z.number(),
  last: z.number().nullable(),
  recent_pings: z.string().nullable(),
  history: z.number(),
  away_until: z.number().nullable(),
  weekly_cap: z.number(),
  quiet_start: z.string().nullable(),
  quiet_end: z.string().nullable(),
  opted_out: z.number(),
  time_zone: z.string().nullable(),
});

/** An expert's profile row with their pings in the ranking's time window. */
export type StatsRow = Omit<z.infer<typeof ProfileRow>, "recent_pings"> & {
  readonly recent: number;
  readonly week: number;
};

const PROFILE = `member_id, expert, accepted, pings, answered_pings AS answered, last_pinged_at AS last,
  recent_pings, history, away_until, weekly_cap, quiet_start, quiet_end, opted_out,
  (SELECT time_zone FROM members m WHERE m.id = member_id) AS time_zone`;

/** The time window of pings that count as load (`recent`, after) and against the weekly cap (`week`, from). */
export interface PingWindow {
  readonly recent: number;
  readonly week: number;
}

/** How many ping times a profile keeps; with that many all in the window, they are counted in full. */
const KEPT_PINGS = 16;
const CountRow = z.object({ recent: z.number().nullable(), week: z.number().nullable() });

function withPings(db: Db, row: unknown, window: PingWindow): StatsRow {
  const { recent_pings, ...profile } = ProfileRow.parse(row);
  const times = recent_pings ? recent_pings.split(",").map(Number) : [];
  const oldest = times[times.length - 1] ?? 0;
  if (times.length >= KEPT_PINGS && oldest > Math.min(window.recent, window.week - 1)) {
    const counts = CountRow.parse(
      statement(
        db,
        "SELECT sum(at > @recent) AS recent, sum(at >= @week) AS week FROM qa_pings WHERE member_id = @member",
      ).get({ member: profile.member_id, ...window }),
    );
    return { ...profile, recent: counts.recent ?? 0, week: counts.week ?? 0 };
  }
  let recent = 0;
  let week = 0;
  for (const at of times) {
    if (at > window.recent) recent += 1;
    if (at >= window.week) week += 1;
  }
  return { ...profile, recent, week };
}

/** What ranking needs about each of `members` that has a profile (every expert has one). */
export function candidateStats(db: Db, members: readonly string[], window: PingWindow): StatsRow[] {
  if (members.length === 0) return [];
  return statement(
    db,
    `SELECT ${PROFILE} FROM qa_expert_profiles WHERE member_id IN (SELECT value FROM json_each(?))`,
  )
    .all(JSON.stringify(members))
    .map((row) => withPings(db, row, window));
}

/** Where reading experts by history stopped: the next ones rank after this one. */
export interface HistoryCursor {
  readonly history: number;
  readonly memberId: string;
}

/**
 * The next `limit` experts who are not opted out or away, best history first, after `cursor`,
 * with everything ranking needs about them (those at their weekly cap are left to the ranking):
 * the `busy` ones (pinged since `window.recent`) or the others.
 */
export function bestHistory(
  db: Db,
  opts: { busy: boolean; after: HistoryCursor | undefined; now: number; window: PingWindow; limit: number },
): StatsRow[] {
  return statement(
    db,
    `SELECT ${PROFILE} FROM qa_expert_profiles
     WHERE (history < @history OR (history = @history AND member_id > @member))
       AND expert = 1 AND opted_out = 0 AND (away_until IS NULL OR away_until <= @now)
       AND (coalesce(last_pinged_at, 0) > @recent) = @busy
     ORDER BY history DESC, member_id LIMIT @limit`,
  )
    .all({
      history: opts.after?.history ?? Number.MAX_VALUE,
      member: opts.after?.memberId ?? "",
      now: opts.now,
      recent: opts.window.recent,
      busy: opts.busy ? 1 : 0,
      limit: opts.limit,
    })
    .map((row) => withPings(db, row, opts.window));
}

const StoredSourceRow = z.object({ source: z.string(), member_id: z.string(), text: z.string() });

/**
 * Recounts every profile from `qa_expert_sources`: lengths, per-key aggregates with their
 * weights, key statistics and the corpus. Run once by migration 010 (the sources came out of
 * FTS5 with their texts only); one expert at a time, so memory stays small at any size.
 */
export function rebuildProfiles(db: Db): void {
  const sources = statement(db, "SELECT source, member_id, text FROM qa_expert_sources ORDER BY member_id")
    .all()
    .map((row) => {
      const r = StoredSourceRow.parse(row);
      return { ...r, length: indexTerms(r.text).length };
    });
  const tokens = sources.reduce((sum, s) => sum + s.length, 0);
  const avgdl = sources.length > 0 ? tokens / sources.length : 1;
  statement(db, "DELETE FROM qa_expert_terms").run();
  statement(db, "DELETE FROM qa_expert_keys").run();
  const setLength = statement(
    db,
    "UPDATE qa_expert_sources SET length = ? WHERE source = ? AND member_id = ?",
  );
  const insertTerm = statement(
    db,
    "INSERT INTO qa_expert_terms (member_id, key, docs, shape, weight) VALUES (?, ?, ?, ?, ?)",
  );
  const keys = new Map<string, { docs: number; members: number }>();
  let start = 0;
  while (start < sources.length) {
    const memberId = sources[start]?.member_id ?? "";
    let end = start;
    const shapes = new Map<string, Map<string, ShapePart>>();
    while (end < sources.length && sources[end]?.member_id === memberId) {
      const row = sources[end];
      end += 1;
      if (!row) continue;
      setLength.run(row.length, row.source, memberId);
      for (const [key, tf] of sourceKeys(row.text).keys) {
        const parts = shapes.get(key) ?? new Map<string, ShapePart>();
        const id = `${tf}:${row.length}`;
        parts.set(id, { tf, length: row.length, count: (parts.get(id)?.count ?? 0) + 1 });
        shapes.set(key, parts);
        const stats = keys.get(key) ?? { docs: 0, members: 0 };
        keys.set(key, { docs: stats.docs + 1, members: stats.members });
      }
    }
    // In key order: rows arrive in primary-key order, appended instead of scattered.
    for (const [key, parts] of [...shapes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const list = [...parts.values()];
      const docs = list.reduce((sum, p) => sum + p.count, 0);
      insertTerm.run(memberId, key, docs, formatShape(list), shapeScore(list, avgdl));
      const stats = keys.get(key);
      if (stats) keys.set(key, { ...stats, members: stats.members + 1 });
    }
    start = end;
  }
  const insertKey = statement(
    db,
    "INSERT INTO qa_expert_keys (key, docs, members, min_avgdl) VALUES (?, ?, ?, ?)",
  );
  for (const [key, stats] of keys) insertKey.run(key, stats.docs, stats.members, avgdl);
  statement(db, "UPDATE qa_expert_corpus SET sources = ?, tokens = ? WHERE id = 1").run(
    sources.length,
    tokens,
  );
}
