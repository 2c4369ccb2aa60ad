import { z } from "zod";
import type { Db } from "../../db/open";
import { sqlLimit, statement } from "../../db/statements";
import { settingsOf, type ExpertSettings } from "./expert-settings-repo";
import { historyScore } from "./ranking";

/**
 * The SQL of the in-memory expert index (expert-index.ts): it loads profiles and one key's
 * aggregates in pages, and follows the change log of migration 014.
 */

/** What ranking needs about one member, as the profile row and the member's time zone say. */
export interface ProfileRecord {
  readonly memberId: string;
  /** Has topics (only experts are tagged). */
  readonly expert: boolean;
  readonly accepted: number;
  readonly pings: number;
  readonly answered: number;
  readonly last: number | undefined;
  /** What the history adds to a score (ranking.ts, `historyScore`), worked out once per load. */
  readonly history: number;
  /** Up to the 16 newest ping times, newest first. */
  readonly recentPings: readonly number[];
  readonly settings: ExpertSettings;
  readonly timeZone: string | undefined;
}

/** How many ping times a profile keeps; with that many all in a window, they are counted in SQL. */
export const KEPT_PINGS = 16;

const ProfileRow = z.object({
  member_id: z.string(),
  expert: z.number(),
  accepted: z.number(),
  pings: z.number(),
  answered_pings: z.number(),
  last_pinged_at: z.number().nullable(),
  recent_pings: z.string().nullable(),
  away_until: z.number().nullable(),
  weekly_cap: z.number(),
  quiet_start: z.string().nullable(),
  quiet_end: z.string().nullable(),
  opted_out: z.number(),
  time_zone: z.string().nullable(),
});

const PROFILE = `SELECT p.member_id, expert, accepted, pings, answered_pings, last_pinged_at, recent_pings,
  away_until, weekly_cap, quiet_start, quiet_end, opted_out, m.time_zone
  FROM qa_expert_profiles p LEFT JOIN members m ON m.id = p.member_id`;

function toProfile(row: unknown): ProfileRecord {
  const r = ProfileRow.parse(row);
  return {
    memberId: r.member_id,
    expert: r.expert === 1,
    accepted: r.accepted,
    pings: r.pings,
    answered: r.answered_pings,
    last: r.last_pinged_at ?? undefined,
    history: historyScore(r.accepted, r.answered_pings, r.pings),
    recentPings: r.recent_pings ? r.recent_pings.split(",").map(Number) : [],
    settings: settingsOf(r),
    timeZone: r.time_zone ?? undefined,
  };
}

/** The next `limit` profiles after `after`, by member id. */
export function profilePage(db: Db, after: string, limit: number): ProfileRecord[] {
  return statement(db, `${PROFILE} WHERE p.member_id > ? ORDER BY p.member_id LIMIT ${sqlLimit(limit)}`)
    .all(after)
    .map(toProfile);
}

/**
 * These members' profiles (one read for all: a question's pings change three); a member
 * without one is missing from the map.
 */
export function profilesOf(db: Db, memberIds: readonly string[]): Map<string, ProfileRecord> {
  const rows = statement(db, `${PROFILE} WHERE p.member_id IN (SELECT value FROM json_each(?))`).all(
    JSON.stringify(memberIds),
  );
  return new Map(rows.map((row) => toProfile(row)).map((p) => [p.memberId, p]));
}

/** One member's aggregate for one key: their sources with it, as (tf, length, count) triples. */
export interface TermRecord {
  readonly memberId: string;
  readonly parts: Uint32Array;
}

/** `tf:length:count;…` (expert-profile-repo.ts, `formatShape`) packed straight into triples. */
function packShape(shape: string): Uint32Array {
  return packShapes(shape, 1).parts;
}

/**
 * Several members' shapes, separated by spaces, packed into one array of triples; `ends[i]`
 * is where the i-th member's triples end. Throws on anything but digits and separators.
 */
function packShapes(shapes: string, members: number): { parts: Uint32Array; ends: Int32Array } {
  const broken = (): Error => new Error(`broken expert term shapes: ${shapes.slice(0, 200)}`);
  let fields = 1;
  for (let i = 0; i < shapes.length; i++) {
    const c = shapes.charCodeAt(i);
    if (c === 58 || c === 59 || c === 32) fields += 1;
  }
  const parts = new Uint32Array(fields);
  const ends = new Int32Array(members);
  let field = 0;
  let member = 0;
  let value = 0;
  const close = (): void => {
    const start = member === 0 ? 0 : (ends[member - 1] ?? 0);
    if (member >= members || (field - start) % 3 !== 0) throw broken();
    ends[member++] = field;
  };
  for (let i = 0; i < shapes.length; i++) {
    const c = shapes.charCodeAt(i);
    if (c >= 48 && c <= 57) value = value * 10 + (c - 48);
    else if (c === 58 || c === 59 || c === 32) {
      parts[field++] = value;
      value = 0;
      if (c === 32) close();
    } else throw broken();
  }
  parts[field++] = value;
  close();
  if (member !== members) throw broken();
  return { parts, ends };
}

/**
 * One page of a key's experts: their member ids, and their triples in one array (the i-th
 * member's end at `ends[i]`, its start at the previous end).
 */
export interface TermPage {
  readonly members: readonly string[];
  readonly ends: Int32Array;
  readonly parts: Uint32Array;
  /** The page's last member id, to continue after (undefined: the page is empty). */
  readonly last: string | undefined;
}

const PageRow = z.tuple([z.string(), z.string().nullable(), z.number(), z.string().nullable()]);

/** The page's member ids from their JSON array, checked (one check per page, not per row). */
function memberIds(json: string, count: number): string[] {
  const ids: unknown = JSON.parse(json);
  if (!Array.isArray(ids) || ids.length !== count || !ids.every((id) => typeof id === "string"))
    throw new Error("broken expert term page");
  return ids as string[];
}

/**
 * The next `limit` members with `key` after `after`, by member id. The page comes back as
 * one row (the ids as a JSON array, the shapes joined by spaces): a row per member cost about
 * 1.6 µs in JavaScript values and checks, and a frequent key has thousands of members. Both
 * aggregates take the rows in the same order, so the i-th id owns the i-th shape.
 */
export function termPage(db: Db, key: string, after: string, limit: number): TermPage {
  const [ids, shapes, count, last] = PageRow.parse(
    statement(
      db,
      `SELECT json_group_array(member_id), group_concat(shape, ' '), count(*), max(member_id)
       FROM (SELECT member_id, shape FROM qa_expert_terms WHERE key = ? AND member_id > ? ORDER BY member_id LIMIT ${sqlLimit(limit)})`,
    )
      .raw(true)
      .get(key, after),
  );
  if (count === 0 || shapes === null || last === null)
    return { members: [], ends: new Int32Array(0), parts: new Uint32Array(0), last: undefined };
  return { members: memberIds(ids, count), ...packShapes(shapes, count), last };
}

const TermRow = z.object({ member_id: z.string(), shape: z.string() });

/** One member's aggregate for `key`; undefined when none of their sources has it. */
export function termOf(db: Db, memberId: string, key: string): TermRecord | undefined {
  const row = statement(
    db,
    "SELECT member_id, shape FROM qa_expert_terms WHERE key = ? AND member_id = ?",
  ).get(key, memberId);
  if (row === undefined) return undefined;
  const r = TermRow.parse(row);
  return { memberId: r.member_id, parts: packShape(r.shape) };
}

/** A change: a member's profile (`key` undefined) or their aggregate for one key. */
export interface Change {
  readonly memberId: string;
  readonly key: string | undefined;
}

const LogRow = z.object({ floor: z.number(), last: z.number().nullable(), changes: z.string() });
const ChangeList = z.array(z.tuple([z.number(), z.string(), z.string().nullable()]));

/** The log's state and what it holds after a position, as `changeLog` reads it. */
export interface LogState {
  /** Pruned up to here. */
  readonly floor: number;
  /** The newest entry (the floor when the log is empty). */
  readonly last: number;
  /** The entries after the position asked about, oldest first, each with its position. */
  readonly changes: readonly (Change & { readonly seq: number })[];
}

/**
 * The log's state and its entries after `after` (at most `limit`; with `key`, only that key's,
 * `null` for profiles'), in one read: the index asks before each use, and a question's pings
 * leave entries each time.
 */
export function changeLog(db: Db, after: number, limit: number, key?: string | null): LogState {
  const of = key === undefined ? "" : " AND key IS ?";
  const r = LogRow.parse(
    statement(
      db,
      `SELECT (SELECT seq FROM qa_expert_change_floor WHERE id = 1) AS floor,
         (SELECT max(seq) FROM qa_expert_changes) AS last,
         (SELECT json_group_array(json_array(seq, member_id, key)) FROM (SELECT seq, member_id, key
           FROM qa_expert_changes WHERE seq > ?${of} ORDER BY seq LIMIT ${sqlLimit(limit)})) AS changes`,
    ).get(...(key === undefined ? [after] : [after, key])),
  );
  const changes = ChangeList.parse(JSON.parse(r.changes)).map(([seq, memberId, changed]) => ({
    seq,
    memberId,
    key: changed ?? undefined,
  }));
  return { floor: r.floor, last: Math.max(r.floor, r.last ?? 0), changes };
}

/** Forgets the log up to `seq`: whoever has read less starts afresh (see `changeLog`). */
export function pruneChanges(db: Db, seq: number): void {
  db.transaction(() => {
    statement(db, "DELETE FROM qa_expert_changes WHERE seq <= ?").run(seq);
    statement(db, "UPDATE qa_expert_change_floor SET seq = max(seq, ?) WHERE id = 1").run(seq);
  })();
}

/**
 * Empties the log (a member was forgotten, and it names them): the floor moves past every
 * entry ever written, so every copy of the index starts afresh instead of missing a change.
 */
export function resetChangeLog(db: Db): void {
  statement(
    db,
    `UPDATE qa_expert_change_floor SET seq = max(seq,
       coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'qa_expert_changes'), 0)) WHERE id = 1`,
  ).run();
  statement(db, "DELETE FROM qa_expert_changes").run();
}

/** The change log's key for a change to expert topics or aliases (migration 015). */
export const TOPICS_CHANGED = "#topics";

const TopicRow = z.tuple([z.string(), z.string(), z.string()]);
const AliasRow = z.tuple([z.string(), z.string()]);

/** Every expert's topics, as (member, topic key, label) by member and label, and every alias with its topic. */
export function topicRows(db: Db): { experts: [string, string, string][]; aliases: Map<string, string> } {
  const experts = statement(
    db,
    `SELECT t.member_id, t.topic, COALESCE(n.label, t.label) AS label
     FROM qa_expert_topics t LEFT JOIN qa_topic_labels n ON n.topic = t.topic ORDER BY t.member_id, label`,
  )
    .raw(true)
    .all()
    .map((row) => TopicRow.parse(row));
  const aliases = new Map(
    statement(db, "SELECT alias, topic FROM qa_topic_aliases")
      .raw(true)
      .all()
      .map((row) => AliasRow.parse(row)),
  );
  return { experts, aliases };
}

const CountRow = z.object({ recent: z.number(), week: z.number() });

/** A member's pings after `recent` and from `week` on, counted: for those with many pings. */
export function pingCounts(
  db: Db,
  memberId: string,
  window: { readonly recent: number; readonly week: number },
): { recent: number; week: number } {
  return CountRow.parse(
    statement(
      db,
      // Two range counts on (member_id, at): a busy expert's whole history is not walked.
      `SELECT (SELECT count(*) FROM qa_pings WHERE member_id = @member AND at > @recent) AS recent,
         (SELECT count(*) FROM qa_pings WHERE member_id = @member AND at >= @week) AS week`,
    ).get({ member: memberId, ...window }),
  );
}
