import { z } from "zod";
import type { Db } from "../../db/open";
import { statement } from "../../db/statements";
import { addSource, removeSource } from "./expert-profile-repo";
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
  db.transaction(() => {
    for (const raw of raws) {
      const key = resolveTopic(db, raw);
      if (key === "") continue;
      // An existing topic keeps its canonical spelling, so "eakte" joins "E-Akte" visibly too.
      const label = nameTopic(db, key, raw);
      if (insert.run(memberId, key, label, at.getTime()).changes === 0) continue;
      addSource(db, memberId, `topic:${key}`, foldUmlauts(label));
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
      removeSource(db, `topic:${key}`, memberId);
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
 * umlaut-folded like every text in the search indexes; whoever had the question before loses it.
 */
export function recordAnsweredQuestion(db: Db, memberId: string, questionId: number, text: string): void {
  const source = `question:${questionId}`;
  removeSource(db, source);
  addSource(db, memberId, source, foldUmlauts(text));
}

/**
 * The members whose accepted answers solved a question (none: reopened): each is known for
 * it, and nobody else.
 */
export function creditAnsweredQuestion(
  db: Db,
  questionId: number,
  text: string,
  memberIds: readonly string[],
): void {
  const source = `question:${questionId}`;
  removeSource(db, source);
  for (const memberId of new Set(memberIds)) addSource(db, memberId, source, foldUmlauts(text));
}

const LabelRow = z.object({ member_id: z.string(), label: z.string() });

/** The experts of these topics with the labels of their matching topics, by member, labels sorted. */
export function expertsOfTopics(db: Db, keys: readonly string[]): Map<string, string[]> {
  const experts = new Map<string, string[]>();
  if (keys.length === 0) return experts;
  const rows = statement(
    db,
    `${SELECT_TOPICS} WHERE t.topic IN (SELECT value FROM json_each(?)) ORDER BY t.member_id, label`,
  ).all(JSON.stringify(keys));
  for (const row of rows) {
    const r = LabelRow.parse(row);
    const labels = experts.get(r.member_id) ?? [];
    labels.push(r.label);
    experts.set(r.member_id, labels);
  }
  return experts;
}

/** True when the typed topic normalizes to nothing usable. */
export function isBlankTopic(raw: string): boolean {
  return normalizeTopic(raw) === "";
}
