import { closest, distance } from "fastest-levenshtein";
import { z } from "zod";
import type { Db } from "../../db/open";
import { statement } from "../../db/statements";
import { fail, ok, type Result } from "../core/errors";
import { normalizeTopic, topicLabel } from "./normalize-topic";

export interface TopicInfo {
  readonly key: string;
  readonly label: string;
  readonly experts: number;
}

const TopicRow = z.object({ topic: z.string(), label: z.string(), experts: z.number() });
const LabelRow = z.object({ label: z.string() });
const AliasRow = z.object({ alias: z.string(), label: z.string(), topic: z.string() });

/** The topic key a typed topic stands for: its normalized form, followed through an alias. */
export function resolveTopic(db: Db, raw: string): string {
  const key = normalizeTopic(raw);
  const row = statement(db, "SELECT topic FROM qa_topic_aliases WHERE alias = ?").get(key) as
    { topic: string } | undefined;
  return row?.topic ?? key;
}

/**
 * Every topic that has at least one expert, by label. The label is the topic's canonical
 * spelling; topics from before canonical spellings were recorded show the first expert's.
 */
export function knownTopics(db: Db): TopicInfo[] {
  return statement(
    db,
    `SELECT topic,
              COALESCE(
                (SELECT label FROM qa_topic_labels n WHERE n.topic = t.topic),
                (SELECT label FROM qa_expert_topics l WHERE l.topic = t.topic ORDER BY added_at, member_id LIMIT 1)
              ) AS label,
              count(*) AS experts
       FROM qa_expert_topics t GROUP BY topic ORDER BY label COLLATE NOCASE`,
  )
    .all()
    .map((row) => {
      const r = TopicRow.parse(row);
      return { key: r.topic, label: r.label, experts: r.experts };
    });
}

/** All aliases as `alias key -> topic key`, with the alias as typed (`label`). */
export function topicAliases(db: Db): { alias: string; label: string; topic: string }[] {
  return statement(db, "SELECT alias, label, topic FROM qa_topic_aliases ORDER BY label COLLATE NOCASE")
    .all()
    .map((row) => AliasRow.parse(row));
}

/** The label of a topic key; undefined when the topic was never named. */
export function topicLabelOf(db: Db, key: string): string | undefined {
  const row = LabelRow.optional().parse(
    statement(db, "SELECT label FROM qa_topic_labels WHERE topic = ?").get(key),
  );
  return row?.label ?? knownTopics(db).find((topic) => topic.key === key)?.label;
}

/**
 * The label a topic key is shown with from now on: its recorded spelling, else `raw` as typed,
 * which becomes the recorded one. Aliases resolve before this, so an alias spelling never
 * becomes a topic's label.
 */
export function nameTopic(db: Db, key: string, raw: string): string {
  const label = topicLabelOf(db, key) ?? topicLabel(raw);
  statement(db, "INSERT INTO qa_topic_labels (topic, label) VALUES (?, ?) ON CONFLICT DO NOTHING").run(
    key,
    label,
  );
  return label;
}

function expertCount(db: Db, key: string): number {
  return (
    statement(db, "SELECT count(*) AS n FROM qa_expert_topics WHERE topic = ?").get(key) as { n: number }
  ).n;
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
 * Makes `alias` another name for `topic`; both are shown as typed. Refused when the alias is
 * itself a topic with experts: that is usually the two names swapped, and re-keying a real
 * topic would silently move its experts.
 */
export function setTopicAlias(
  db: Db,
  topicRaw: string,
  aliasRaw: string,
  by: string,
  at: Date,
): Result<{ alias: string; topic: string; topicLabel: string }> {
  const topic = resolveTopic(db, topicRaw);
  const alias = normalizeTopic(aliasRaw);
  const aliasLabel = topicLabel(aliasRaw);
  const label = topicLabelOf(db, topic) ?? topicLabel(topicRaw);
  if (topic === alias) return fail("qa.err.alias_same");
  if (expertCount(db, alias) > 0) {
    const key = expertCount(db, topic) > 0 ? "qa.err.alias_both_topics" : "qa.err.alias_is_topic";
    return fail(key, { alias: topicLabelOf(db, alias) ?? aliasLabel, topic: label });
  }
  db.transaction(() => {
    nameTopic(db, topic, topicRaw);
    // The alias is no topic of its own any more, so its spelling must not label anything.
    statement(db, "DELETE FROM qa_topic_labels WHERE topic = ?").run(alias);
    statement(
      db,
      `INSERT INTO qa_topic_aliases (alias, label, topic, created_by, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (alias) DO UPDATE SET label = excluded.label, topic = excluded.topic,
         created_by = excluded.created_by, created_at = excluded.created_at`,
    ).run(alias, aliasLabel, topic, by, at.getTime());
    // Names that pointed to the alias now point to the topic, so aliases never chain.
    statement(db, "UPDATE qa_topic_aliases SET topic = ? WHERE topic = ?").run(topic, alias);
  })();
  return ok({ alias: aliasLabel, topic, topicLabel: label });
}
