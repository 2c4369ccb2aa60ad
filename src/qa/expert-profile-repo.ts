import { z } from "zod";
import type { Db } from "../../db/open";
import { statement } from "../../db/statements";
import { shapeScore, type ShapePart } from "./bm25";
import { indexTerms } from "./text";

/**
 * The aggregated expert profiles (migrations 010 and 014): per search key and expert how many
 * of their sources (topics, answered questions) contain the key, with each source's key
 * frequency and length, so the expert index (expert-index.ts) scores a searched word from one
 * row per expert instead of ranking every answered question. All SQL that writes them lives here.
 */

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

/** `tf:length:count;…` as written by `formatShape`. */
function parseShape(shape: string): ShapePart[] {
  const parts: ShapePart[] = [];
  let start = 0;
  while (start < shape.length) {
    let end = shape.indexOf(";", start);
    if (end === -1) end = shape.length;
    const first = shape.indexOf(":", start);
    const second = shape.indexOf(":", first + 1);
    parts.push({
      tf: Number(shape.slice(start, first)),
      length: Number(shape.slice(first + 1, second)),
      count: Number(shape.slice(second + 1, end)),
    });
    start = end + 1;
  }
  return parts;
}

function formatShape(parts: readonly ShapePart[]): string {
  return [...parts]
    .filter((p) => p.count > 0)
    .sort((a, b) => a.tf - b.tf || a.length - b.length)
    .map((p) => `${p.tf}:${p.length}:${p.count}`)
    .join(";");
}

const SourceRow = z.object({ member_id: z.string(), text: z.string(), length: z.number() });
const CorpusRow = z.object({ sources: z.number(), tokens: z.number() });

const ShapeRow = z.object({ key: z.string(), shape: z.string() });

/**
 * Adds (`sign` 1) or takes out (-1) one source's contribution to a member's aggregates: its
 * `keys` with their frequencies, in a source of `length` words. Three statements per source.
 */
function changePostings(
  db: Db,
  memberId: string,
  change: { keys: Map<string, number>; length: number; sign: 1 | -1 },
): void {
  const { keys, length, sign } = change;
  if (keys.size === 0) return;
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
  const kept: [string, number, string][] = [];
  const gone: string[] = [];
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
    else kept.push([key, docs, formatShape(next)]);
  }
  statement(
    db,
    `INSERT INTO qa_expert_terms (member_id, key, docs, shape)
     SELECT @member, value ->> 0, value ->> 1, value ->> 2 FROM json_each(@rows) WHERE true
     ON CONFLICT (member_id, key) DO UPDATE SET docs = excluded.docs, shape = excluded.shape`,
  ).run({ member: memberId, rows: JSON.stringify(kept) });
  if (gone.length > 0)
    statement(
      db,
      "DELETE FROM qa_expert_terms WHERE member_id = @member AND key IN (SELECT value FROM json_each(@gone))",
    ).run({ member: memberId, gone: JSON.stringify(gone) });
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

const StoredSourceRow = z.object({ source: z.string(), member_id: z.string(), text: z.string() });

/**
 * Recounts every profile from `qa_expert_sources`: lengths, per-key aggregates with their
 * weights, key statistics and the corpus. Run once by migration 010 (the sources came out of
 * FTS5 with their texts only), so it writes that migration's schema: the weights and key
 * statistics it fills were dropped again by migration 014. One expert at a time, so memory
 * stays small at any size.
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
