import { closest, distance } from "fastest-levenshtein";
import { z } from "zod";
import type { Db } from "../../db/open";
import { normalizeTopic } from "./normalize-topic";

export interface TopicInfo {
  readonly key: string;
  readonly label: string;
  readonly experts: number;
}

const TopicRow = z.object({ topic: z.string(), label: z.string(), experts: z.number() });
const AliasRow = z.object({ alias: z.string(), topic: z.string() });

/** The topic key a typed topic stands for: its normalized form, followed through an alias. */
export function resolveTopic(db: Db, raw: string): string {
  const key = normalizeTopic(raw);
  const row = db.prepare("SELECT topic FROM qa_topic_aliases WHERE alias = ?").get(key) as
    { topic: string } | undefined;
  return row?.topic ?? key;
}

/** Every topic that has at least one expert, with the first spelling used, by label. */
export function knownTopics(db: Db): TopicInfo[] {
  return db
    .prepare(
      `SELECT topic, (SELECT label FROM qa_expert_topics l WHERE l.topic = t.topic ORDER BY added_at, member_id LIMIT 1) AS label,
              count(*) AS experts
       FROM qa_expert_topics t GROUP BY topic ORDER BY label COLLATE NOCASE`,
    )
    .all()
    .map((row) => {
      const r = TopicRow.parse(row);
      return { key: r.topic, label: r.label, experts: r.experts };
    });
}

/** All aliases as `alias key -> topic key`. */
export function topicAliases(db: Db): { alias: string; topic: string }[] {
  return db
    .prepare("SELECT alias, topic FROM qa_topic_aliases ORDER BY alias")
    .all()
    .map((row) => AliasRow.parse(row));
}

/** The label of a topic key (the key itself when nobody uses the topic yet). */
export function topicLabelOf(db: Db, key: string): string {
  return knownTopics(db).find((topic) => topic.key === key)?.label ?? key;
}

/** The known topic closest to what was typed, for "did you mean"; undefined when none is near. */
export function closestTopic(db: Db, raw: string): TopicInfo | undefined {
  const topics = knownTopics(db);
  const key = normalizeTopic(raw);
  if (topics.length === 0 || key === "") return undefined;
  const best = closest(
    key,
    topics.map((topic) => topic.key),
  );
  if (distance(best, key) > Math.max(2, Math.floor(key.length / 3))) return undefined;
  return topics.find((topic) => topic.key === best);
}

/**
 * Makes `alias` another name for `topic`. Both are normalized; experts already registered
 * under the alias move to the topic, so both names find the same people.
 */
export function setTopicAlias(
  db: Db,
  topicRaw: string,
  aliasRaw: string,
  by: string,
  at: Date,
): { alias: string; topic: string } {
  const topic = resolveTopic(db, topicRaw);
  const alias = normalizeTopic(aliasRaw);
  db.transaction(() => {
    db.prepare(
      `INSERT INTO qa_topic_aliases (alias, topic, created_by, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (alias) DO UPDATE SET topic = excluded.topic, created_by = excluded.created_by, created_at = excluded.created_at`,
    ).run(alias, topic, by, at.getTime());
    db.prepare("UPDATE qa_topic_aliases SET topic = ? WHERE topic = ?").run(topic, alias);
    db.prepare("UPDATE OR IGNORE qa_expert_topics SET topic = ? WHERE topic = ?").run(topic, alias);
    db.prepare("DELETE FROM qa_expert_topics WHERE topic = ?").run(alias);
    db.prepare("UPDATE qa_expert_docs SET source = ? WHERE source = ?").run(
      `topic:${topic}`,
      `topic:${alias}`,
    );
  })();
  return { alias, topic };
}
