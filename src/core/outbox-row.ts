import { z } from "zod";
import type { Platform } from "./ids";

export const DELIVERY_CLASSES = ["post", "ephemeral", "update", "pin"] as const;
/** The kind of platform call an item needs; rate limits may hold one class (a Slack method). */
export type DeliveryClass = (typeof DELIVERY_CLASSES)[number];

export const STATES = ["pending", "sending", "sent", "failed", "expired", "dropped"] as const;

/** An outbox row as stored, read into the shape the outbox works with. */
export const RowSchema = z
  .object({
    id: z.number(),
    platform: z.string(),
    op: z.enum(["post", "update", "pin"]),
    key: z.string().nullable(),
    ref_key: z.string().nullable(),
    target: z.string().nullable(),
    message: z.string(),
    lane: z.string(),
    class: z.enum(DELIVERY_CLASSES),
    priority: z.number(),
    delivery_id: z.string(),
    state: z.enum(STATES),
    attempts: z.number(),
    in_doubt: z.number(),
    next_attempt_at: z.number(),
    first_attempt_at: z.number().nullable(),
    expires_at: z.number(),
    notify_expiry: z.number(),
    last_error: z.string().nullable(),
    created_at: z.number(),
  })
  .transform((r) => ({
    id: r.id,
    platform: r.platform,
    op: r.op,
    key: r.key,
    refKey: r.ref_key,
    target: r.target,
    message: r.message,
    lane: r.lane,
    cls: r.class,
    priority: r.priority,
    deliveryId: r.delivery_id,
    state: r.state,
    attempts: r.attempts,
    inDoubt: r.in_doubt === 1,
    nextAttemptAt: r.next_attempt_at,
    firstAttemptAt: r.first_attempt_at,
    expiresAt: r.expires_at,
    notifyExpiry: r.notify_expiry === 1,
    lastError: r.last_error,
    createdAt: r.created_at,
  }));

/** One outbox item as stored. */
export type OutboxRow = z.output<typeof RowSchema>;

/** What `insert` stores; ids, state and attempt bookkeeping are the table's. */
export interface NewItem {
  readonly platform: Platform;
  readonly op: OutboxRow["op"];
  readonly key: string | null;
  readonly refKey: string | null;
  readonly target: string | null;
  readonly message: string;
  readonly lane: string;
  readonly cls: DeliveryClass;
  readonly priority: number;
  readonly deliveryId: string;
  readonly notBefore: number;
  readonly expiresAt: number;
  readonly notifyExpiry: boolean;
  readonly now: number;
}

/** Rows as read from the database. */
export const parseRows = (rows: unknown[]): OutboxRow[] => rows.map((row) => RowSchema.parse(row));
