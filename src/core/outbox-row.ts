import type { Platform } from "./ids";
import type { OutgoingMessage, Target } from "./message";

export const DELIVERY_CLASSES = ["post", "ephemeral", "update", "pin", "react"] as const;
/** The kind of platform call an item needs; rate limits may hold one class (a Slack method). */
export type DeliveryClass = (typeof DELIVERY_CLASSES)[number];

/** What an item does: post a message, change, pin or (un)mark one posted earlier. */
export const OPS = ["post", "update", "pin", "react", "unreact"] as const;

export const STATES = ["pending", "sending", "sent", "failed", "expired", "dropped"] as const;

/** An outbox row as the table stores it (see migration 012 for its CHECK constraints). */
interface StoredRow {
  readonly id: number;
  readonly platform: string;
  readonly op: (typeof OPS)[number];
  readonly key: string | null;
  readonly ref_key: string | null;
  readonly target: string | null;
  readonly message: string;
  readonly lane: string;
  readonly class: DeliveryClass;
  readonly priority: number;
  readonly delivery_id: string;
  readonly state: (typeof STATES)[number];
  readonly attempts: number;
  readonly in_doubt: number;
  readonly next_attempt_at: number;
  readonly first_attempt_at: number | null;
  readonly expires_at: number;
  readonly notify_expiry: number;
  readonly last_error: string | null;
  readonly created_at: number;
}

/** The columns that change while an item waits: its attempt bookkeeping, as stored. */
export type StoredBookkeeping = Pick<
  StoredRow,
  "attempts" | "in_doubt" | "next_attempt_at" | "first_attempt_at" | "expires_at" | "last_error"
>;

/** One outbox item as stored. */
export interface OutboxRow {
  readonly id: number;
  readonly platform: string;
  readonly op: (typeof OPS)[number];
  readonly key: string | null;
  readonly refKey: string | null;
  readonly target: string | null;
  readonly message: string;
  readonly lane: string;
  readonly cls: DeliveryClass;
  readonly priority: number;
  readonly deliveryId: string;
  readonly state: (typeof STATES)[number];
  readonly attempts: number;
  readonly inDoubt: boolean;
  readonly nextAttemptAt: number;
  readonly firstAttemptAt: number | null;
  readonly expiresAt: number;
  readonly notifyExpiry: boolean;
  readonly lastError: string | null;
  readonly createdAt: number;
  /**
   * A post this process queued in flight (`claimedRow`): its target and message as they were
   * serialized into `target` and `message`, so its call does not parse them back. Rows read
   * from the table have none.
   */
  readonly queuedPost?: { readonly target: Target; readonly message: OutgoingMessage } | undefined;
}

/**
 * An outbox row as read from the table. Only the outbox writes it, and the table's NOT NULL
 * and CHECK constraints hold every column to the shape above, so the row is mapped without
 * validating it again: the outbox reads several rows per message it delivers.
 */
export function toOutboxRow(row: unknown): OutboxRow {
  const r = row as StoredRow;
  return {
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
  };
}

/** What `insert` stores; ids, state and attempt bookkeeping are the table's. */
export interface NewItem extends Pick<
  OutboxRow,
  | "op"
  | "key"
  | "refKey"
  | "target"
  | "message"
  | "lane"
  | "cls"
  | "priority"
  | "deliveryId"
  | "expiresAt"
  | "notifyExpiry"
> {
  readonly platform: Platform;
  readonly notBefore: number;
  readonly now: number;
}

/** Rows as read from the database. */
export const parseRows = (rows: unknown[]): OutboxRow[] => rows.map(toOutboxRow);

/**
 * An item as `insertClaimed` stored it in flight: its first attempt, made now. `post`: the
 * target and message its `target` and `message` were serialized from, when it is a post.
 */
export function claimedRow(
  id: number,
  item: NewItem,
  post?: { readonly target: Target; readonly message: OutgoingMessage },
): OutboxRow {
  return {
    id,
    platform: item.platform,
    op: item.op,
    key: item.key,
    refKey: item.refKey,
    target: item.target,
    message: item.message,
    lane: item.lane,
    cls: item.cls,
    priority: item.priority,
    deliveryId: item.deliveryId,
    state: "sending",
    attempts: 1,
    inDoubt: false,
    nextAttemptAt: item.notBefore,
    firstAttemptAt: item.now,
    expiresAt: item.expiresAt,
    notifyExpiry: item.notifyExpiry,
    lastError: null,
    createdAt: item.now,
    queuedPost: post,
  };
}
