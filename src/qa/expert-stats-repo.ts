import { DateTime } from "luxon";
import { z } from "zod";
import type { Db } from "../../db/open";
import { isUnavailable, quietUntil } from "./expert-settings";
import { expertSettings } from "./expert-settings-repo";
import type { ExpertStats } from "./ranking";

const WEEK_MS = 7 * 24 * 3_600_000;

const MemberRow = z.object({ member_id: z.string() });

const PingRow = z.object({
  recent: z.number(),
  week: z.number(),
  total: z.number(),
  answered: z.number(),
  last: z.number().nullable(),
});

/**
 * The statistics ranking needs for one expert, read from SQLite: accepted answers, pings
 * (this week, last 7 days, all) and how many pinged questions they answered.
 */
export function expertStats(
  db: Db,
  memberId: string,
  match: { readonly score: number; readonly topics: readonly string[] },
  now: Date,
  zone: string,
): ExpertStats {
  const weekStart = DateTime.fromJSDate(now, { zone }).startOf("week").toMillis();
  const accepted = (
    db.prepare("SELECT count(*) AS n FROM qa_questions WHERE accepted_author_id = ?").get(memberId) as {
      n: number;
    }
  ).n;
  const pings = PingRow.parse(
    db
      .prepare(
        `SELECT coalesce(sum(at > @recent), 0) AS recent, coalesce(sum(at >= @week), 0) AS week,
                coalesce(sum(question_id IS NOT NULL), 0) AS total,
                coalesce(sum(EXISTS (SELECT 1 FROM qa_answers a WHERE a.question_id = p.question_id AND a.author_id = p.member_id)), 0) AS answered,
                max(at) AS last
         FROM qa_pings p WHERE member_id = @member`,
      )
      .get({ member: memberId, recent: now.getTime() - WEEK_MS, week: weekStart }),
  );
  const settings = expertSettings(db, memberId);
  const quietEnd = quietUntil(settings.quiet, now, zone);
  return {
    memberId,
    match: match.score,
    matchedTopics: match.topics,
    accepted,
    recentPings: pings.recent,
    weekPings: pings.week,
    weeklyCap: settings.weeklyCap,
    answeredPings: pings.answered,
    totalPings: pings.total,
    unavailable: isUnavailable(settings, now),
    ...(quietEnd !== undefined ? { quietUntil: quietEnd } : {}),
    ...(pings.last !== null ? { lastPingedAt: new Date(pings.last) } : {}),
  };
}

/** Records that copbot asked (or suggested) an expert; pings count against the weekly cap. */
export function recordPing(
  db: Db,
  memberId: string,
  purpose: "question" | "group-invite",
  at: Date,
  questionId?: number,
): void {
  db.prepare("INSERT OR IGNORE INTO qa_pings (member_id, question_id, purpose, at) VALUES (?, ?, ?, ?)").run(
    memberId,
    questionId ?? null,
    purpose,
    at.getTime(),
  );
}

/** Members already asked about a question. */
export function pingedFor(db: Db, questionId: number): string[] {
  return db
    .prepare("SELECT member_id FROM qa_pings WHERE question_id = ? ORDER BY id")
    .all(questionId)
    .map((row) => MemberRow.parse(row).member_id);
}
