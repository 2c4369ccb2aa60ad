import { z } from "zod";
import type { Db } from "../../db/open";
import { column, rowReader } from "../../db/rows";
import { FORMER_MEMBER, likeContaining as containing } from "./privacy";
import { statement } from "../../db/statements";

/** What a delivered message keeps once its text is gone: no content at all. */
const EMPTY_MESSAGE = JSON.stringify({ blocks: [] });

const readAudit = rowReader({
  at: column.date,
  actor_id: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.string().nullable(),
});

const readQueued = rowReader({
  created_at: column.date,
  state: z.string(),
  message: z.string().transform((json) => JSON.parse(json) as unknown),
});

/**
 * The core's tables as far as one member's personal data and its retention go: profile,
 * settings, dialog, audit log, the send queue and the handled-event ids.
 */
export class CorePrivacyRepo {
  constructor(private readonly db: Db) {}

  /** The member's profile row as stored. */
  profile(memberId: string): unknown {
    return statement(
      this.db,
      "SELECT id, display_name, organisation, bio, lang, time_zone, role, credit, created_at, updated_at FROM members WHERE id = ?",
    ).get(memberId);
  }

  /** Settings copbot keeps about the member (`welcomed:<id>`, `platform-moderator:<id>`). */
  settings(memberId: string): { key: string; value: string }[] {
    return z
      .array(z.object({ key: z.string(), value: z.string() }))
      .parse(
        statement(this.db, "SELECT key, value FROM settings WHERE key LIKE ? ESCAPE '\\' ORDER BY key").all(
          containing(`:${memberId}`),
        ),
      )
      .filter((row) => row.key.endsWith(`:${memberId}`));
  }

  /** The member's unfinished DM dialog (a step-by-step form, check-in answers in progress). */
  dialog(memberId: string): unknown {
    return statement(this.db, "SELECT owner, kind, state, updated_at FROM dialogs WHERE user_id = ?").get(
      memberId,
    );
  }

  /** Audit entries the member made or that are about them. */
  auditEntries(memberId: string): ReturnType<typeof readAudit>[] {
    return statement(this.db, "SELECT * FROM audit_log WHERE actor_id = ? OR target = ? ORDER BY id")
      .all(memberId, memberId)
      .map(readAudit);
  }

  /** Messages to the member (DMs, private answers) the send queue still holds. */
  queuedFor(memberId: string): ReturnType<typeof readQueued>[] {
    return statement(
      this.db,
      `SELECT created_at, state, message FROM outbox
         WHERE json_extract(target, '$.userId') = ? AND message <> ? ORDER BY id`,
    )
      .all(memberId, EMPTY_MESSAGE)
      .map(readQueued);
  }

  /**
   * Erases the member's profile, settings and dialog, drops what still waits to be sent to them
   * (or could be retried), empties finished messages that were for them or named them, and puts `FORMER_MEMBER` in
   * their place in the audit log.
   */
  forget(memberId: string, now: Date): Record<string, number> {
    const run = (sql: string, ...params: unknown[]) => statement(this.db, sql).run(...params).changes;
    const keys = this.settings(memberId).map((row) => row.key);
    return {
      profile: run("DELETE FROM members WHERE id = ?", memberId),
      settings: keys.reduce((n, key) => n + run("DELETE FROM settings WHERE key = ?", key), 0),
      dialogs: run("DELETE FROM dialogs WHERE user_id = ?", memberId),
      // Nothing can reach a former member: what waits for them, or failed and might be retried, goes.
      queued_messages: run(
        `DELETE FROM outbox WHERE state IN ('pending', 'failed', 'expired')
           AND json_extract(target, '$.userId') = ?`,
        memberId,
      ),
      // Finished items keep where they landed, not what they said; an undelivered one that named
      // the member can no longer be retried (its text is gone), so it counts as given up.
      sent_messages: run(
        `UPDATE outbox SET message = @empty, target = replace(target, @id, @former),
           lane = replace(lane, @member, @formerMember),
           state = CASE WHEN state IN ('failed', 'expired') THEN 'dropped' ELSE state END,
           finished_at = coalesce(finished_at, @now)
         WHERE state IN ('sent', 'failed', 'expired', 'dropped') AND message <> @empty
           AND (json_extract(target, '$.userId') = @member OR message LIKE @pattern ESCAPE '\\')`,
        {
          empty: EMPTY_MESSAGE,
          id: JSON.stringify(memberId),
          former: JSON.stringify(FORMER_MEMBER),
          member: memberId,
          formerMember: FORMER_MEMBER,
          now: now.getTime(),
          pattern: containing(JSON.stringify(memberId)),
        },
      ),
      // Keys that name the member (one DM per person, `…:intro:<id>`) become neutral: a reply
      // or update still finds its post.
      message_keys:
        run(
          `UPDATE outbox SET ref_key = (SELECT 'forgotten:' || p.id FROM outbox p WHERE p.key = outbox.ref_key)
           WHERE ref_key LIKE ? ESCAPE '\\'`,
          containing(memberId),
        ) +
        run("UPDATE outbox SET key = 'forgotten:' || id WHERE key LIKE ? ESCAPE '\\'", containing(memberId)),
      audit_entries: run(
        `UPDATE audit_log SET
           actor_id = CASE actor_id WHEN @id THEN @former ELSE actor_id END,
           target = CASE target WHEN @id THEN @former ELSE target END,
           details = replace(details, @id, @former)
         WHERE actor_id = @id OR target = @id OR details LIKE @pattern ESCAPE '\\'`,
        { id: memberId, former: FORMER_MEMBER, pattern: containing(memberId) },
      ),
    };
  }

  /**
   * Empties text and recipient of messages delivered (or given up) before `before`; returns how
   * many. What stays is where they landed, so a later update or thread reply still finds them.
   * Failed and expired items keep their text: a moderator may still retry them (`/cop status`),
   * until `COPBOT_OUTBOX_RETENTION_DAYS` deletes them.
   */
  emptyDeliveredBefore(before: Date): number {
    return statement(
      this.db,
      `UPDATE outbox SET message = ?, target = NULL
         WHERE state IN ('sent', 'dropped') AND finished_at < ? AND (message <> ? OR target IS NOT NULL)`,
    ).run(EMPTY_MESSAGE, before.getTime(), EMPTY_MESSAGE).changes;
  }

  /**
   * Empties finished messages whose stored text contains `needle` (a copy of something now
   * gone); an undelivered one can then no longer be retried and counts as given up. What waits
   * to be sent is left alone. Returns how many.
   */
  emptyFinishedQuoting(needle: string): number {
    return statement(
      this.db,
      `UPDATE outbox SET message = ?, state = CASE WHEN state IN ('failed', 'expired') THEN 'dropped' ELSE state END
         WHERE state IN ('sent', 'failed', 'expired', 'dropped') AND message <> ? AND message LIKE ? ESCAPE '\\'`,
    ).run(EMPTY_MESSAGE, EMPTY_MESSAGE, containing(needle)).changes;
  }

  /** Deletes audit entries older than `before`. */
  deleteAuditBefore(before: Date): number {
    return statement(this.db, "DELETE FROM audit_log WHERE at < ?").run(before.getTime()).changes;
  }

  /** Forgets handled-event ids older than `before` (platforms stop retrying within minutes). */
  deleteEventIdsBefore(before: Date): number {
    return statement(this.db, "DELETE FROM processed_events WHERE at < ?").run(before.getTime()).changes;
  }
}
