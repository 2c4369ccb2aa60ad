import { z } from "zod";
import type { Db } from "../../db/open";
import { rowReader } from "../../db/rows";
import type { Platform } from "./ids";
import type { PostedRef } from "./message";

/** One queued platform call as the outbox delivers it; target and message still JSON. */
export interface OutboxRow {
  readonly id: number;
  readonly platform: Platform;
  readonly op: "post" | "update" | "pin";
  readonly key: string | undefined;
  readonly refKey: string | undefined;
  readonly target: string | undefined;
  readonly message: string;
  readonly attempts: number;
}

const toOutboxRow: (row: unknown) => OutboxRow = rowReader({
  id: z.number(),
  platform: z.string(),
  op: z.enum(["post", "update", "pin"]),
  key: z.string().nullable(),
  ref_key: z.string().nullable(),
  target: z.string().nullable(),
  message: z.string(),
  attempts: z.number(),
});

const PostedRow = z.object({ posted_channel: z.string().nullable(), posted_message: z.string().nullable() });

/** The `outbox` table: the persisted send queue. */
export class OutboxRepo {
  constructor(private readonly db: Db) {}

  /** Queues a post; with a `key` at most once (a second insert with the key is ignored). */
  insertPost(post: {
    platform: string;
    key: string | undefined;
    threadOfKey: string | undefined;
    target: string;
    message: string;
    at: Date;
  }): void {
    this.db
      .prepare(
        `INSERT INTO outbox (platform, op, key, ref_key, target, message, next_attempt_at, created_at)
         VALUES (?, 'post', ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
      )
      .run(
        post.platform,
        post.key ?? null,
        post.threadOfKey ?? null,
        post.target,
        post.message,
        post.at.getTime(),
        post.at.getTime(),
      );
  }

  /** The platform the post queued under `key` goes to. */
  platformOf(key: string): string | undefined {
    const row = this.db.prepare("SELECT platform FROM outbox WHERE key = ?").get(key);
    return row === undefined ? undefined : z.object({ platform: z.string() }).parse(row).platform;
  }

  /** Queues an update or pin of the message posted under `key`; an update replaces pending ones. */
  insertRef(ref: { platform: string; op: "update" | "pin"; key: string; message: string; at: Date }): void {
    this.db.transaction(() => {
      if (ref.op === "update") {
        this.db
          .prepare("DELETE FROM outbox WHERE op = 'update' AND ref_key = ? AND state = 'pending'")
          .run(ref.key);
      }
      this.db
        .prepare(
          `INSERT INTO outbox (platform, op, ref_key, message, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(ref.platform, ref.op, ref.key, ref.message, ref.at.getTime(), ref.at.getTime());
    })();
  }

  /** Where the message queued under `key` landed, once it is sent. */
  posted(key: string): PostedRef | undefined {
    const row = this.db
      .prepare("SELECT posted_channel, posted_message FROM outbox WHERE key = ? AND state = 'sent'")
      .get(key);
    if (row === undefined) return undefined;
    const r = PostedRow.parse(row);
    if (!r.posted_channel || !r.posted_message) return undefined;
    return { channelId: r.posted_channel, messageId: r.posted_message };
  }

  /** The key a posted message was queued under, if it had one. */
  keyOf(ref: PostedRef): string | undefined {
    const row = this.db
      .prepare("SELECT key FROM outbox WHERE posted_channel = ? AND posted_message = ? AND key IS NOT NULL")
      .get(ref.channelId, ref.messageId);
    return row === undefined ? undefined : z.object({ key: z.string() }).parse(row).key;
  }

  /** When the next platform queue head may be tried. */
  nextAttemptAt(): Date | undefined {
    const row = z.object({ at: z.number().nullable() }).parse(
      this.db
        .prepare(
          `SELECT min(next_attempt_at) AS at FROM outbox
           WHERE id IN (SELECT min(id) FROM outbox WHERE state = 'pending' GROUP BY platform)`,
        )
        .get(),
    );
    return row.at === null ? undefined : new Date(row.at);
  }

  pendingCount(): number {
    return z
      .object({ n: z.number() })
      .parse(this.db.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'").get()).n;
  }

  /** The first platform queue head (in queue order) that may be tried at `now`. */
  dueHead(now: Date): OutboxRow | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM outbox WHERE id IN (SELECT min(id) FROM outbox WHERE state = 'pending' GROUP BY platform)
         AND next_attempt_at <= ? ORDER BY id LIMIT 1`,
      )
      .get(now.getTime());
    return row === undefined ? undefined : toOutboxRow(row);
  }

  reschedule(id: number, attempts: number, at: Date, error: string): void {
    this.db
      .prepare("UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
      .run(attempts, at.getTime(), error, id);
  }

  markSent(id: number, ref: PostedRef, at: Date): void {
    this.db
      .prepare(
        "UPDATE outbox SET state = 'sent', posted_channel = ?, posted_message = ?, sent_at = ? WHERE id = ?",
      )
      .run(ref.channelId, ref.messageId, at.getTime(), id);
  }

  markFailed(id: number, error: string): void {
    this.db
      .prepare("UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?")
      .run(error, id);
  }
}
