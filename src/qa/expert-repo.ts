import { z } from "zod";
import type { Db } from "../../db/open";
import { rowReader } from "../../db/rows";
import { normalizeTopic } from "./normalize-topic";
import { foldUmlauts } from "./text";
import { nameTopic, resolveTopic } from "./topic-repo";

export interface ExpertTopic {
  readonly memberId: string;
  readonly key: string;
  readonly label: string;
}

const Row = z.object({ member_id: z.string(), topic: z.string(), label: z.string() });
const toTopic = (row: unknown): ExpertTopic => {
  const r = Row.parse(row);
  return { memberId: r.member_id, key: r.topic, label: r.label };
};

/**
 * Expert topic rows with the topic's canonical label: a row keeps the spelling from when it was
 * added, which may predate the canonical one.
 */
const SELECT_TOPICS = `SELECT t.member_id, t.topic, COALESCE(n.label, t.label) AS label
  FROM qa_expert_topics t LEFT JOIN qa_topic_labels n ON n.topic = t.topic`;

/** Registers a member as expert for topics; returns the labels that were new for them. */
export function addExpertTopics(db: Db, memberId: string, raws: readonly string[], at: Date): string[] {
  const added: string[] = [];
  const insert = db.prepare(
    "INSERT INTO qa_expert_topics (member_id, topic, label, added_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
  );
  const doc = db.prepare("INSERT INTO qa_expert_docs (member_id, source, text) VALUES (?, ?, ?)");
  db.transaction(() => {
    for (const raw of raws) {
      const key = resolveTopic(db, raw);
      if (key === "") continue;
      // An existing topic keeps its canonical spelling, so "eakte" joins "E-Akte" visibly too.
      const label = nameTopic(db, key, raw);
      if (insert.run(memberId, key, label, at.getTime()).changes === 0) continue;
      doc.run(memberId, `topic:${key}`, foldUmlauts(label));
      added.push(label);
    }
  })();
  return added;
}

/** Removes topics from a member; returns the labels that were removed. */
export function removeExpertTopics(db: Db, memberId: string, raws: readonly string[]): string[] {
  const removed: string[] = [];
  db.transaction(() => {
    for (const raw of raws) {
      const key = resolveTopic(db, raw);
      const row = db.prepare(`${SELECT_TOPICS} WHERE t.member_id = ? AND t.topic = ?`).get(memberId, key);
      if (!row) continue;
      db.prepare("DELETE FROM qa_expert_topics WHERE member_id = ? AND topic = ?").run(memberId, key);
      db.prepare("DELETE FROM qa_expert_docs WHERE member_id = ? AND source = ?").run(
        memberId,
        `topic:${key}`,
      );
      removed.push(toTopic(row).label);
    }
  })();
  return removed;
}

/** A member's topics. */
export function topicsOf(db: Db, memberId: string): ExpertTopic[] {
  return db
    .prepare(`${SELECT_TOPICS} WHERE t.member_id = ? ORDER BY label COLLATE NOCASE`)
    .all(memberId)
    .map(toTopic);
}

/** Every expert topic row, optionally for one topic key. */
export function expertTopics(db: Db, key?: string): ExpertTopic[] {
  const rows =
    key === undefined
      ? db.prepare(`${SELECT_TOPICS} ORDER BY t.member_id, label`).all()
      : db.prepare(`${SELECT_TOPICS} WHERE t.topic = ? ORDER BY t.member_id`).all(key);
  return rows.map(toTopic);
}

/**
 * Remembers that a member's answer solved a question, so similar questions find them. Stored
 * umlaut-folded like every text in the FTS indexes.
 */
export function recordAnsweredQuestion(db: Db, memberId: string, questionId: number, text: string): void {
  const source = `question:${questionId}`;
  db.prepare("DELETE FROM qa_expert_docs WHERE source = ?").run(source);
  db.prepare("INSERT INTO qa_expert_docs (member_id, source, text) VALUES (?, ?, ?)").run(
    memberId,
    source,
    foldUmlauts(text),
  );
}

/** True when the typed topic normalizes to nothing usable. */
export function isBlankTopic(raw: string): boolean {
  return normalizeTopic(raw) === "";
}

const readDocMatch = rowReader({ member_id: z.string(), source: z.string(), rank: z.number() });

/** Full-text matches of an FTS5 query in experts' topics and answered questions, with BM25 rank. */
export function expertDocMatches(
  db: Db,
  query: string,
): { memberId: string; source: string; rank: number }[] {
  return db
    .prepare(
      "SELECT member_id, source, bm25(qa_expert_docs) AS rank FROM qa_expert_docs WHERE qa_expert_docs MATCH ?",
    )
    .all(query)
    .map(readDocMatch);
}
