import { remember } from "./bounded-map";
import type { Platform } from "./ids";
import type { DeliveryClass, OutboxRow } from "./outbox-row";

/** Queued items kept at most (see `KnownItems`); the oldest go first. */
const KEPT = 1_000;

/** What the dispatcher knows of an item someone waits for from when it was queued. */
export interface QueuedItem {
  readonly lane: string;
  readonly platform: Platform;
  readonly cls: DeliveryClass;
  readonly deliveryId: string;
}

interface Known extends QueuedItem {
  /** Delivered or failed for good by this process. */
  finished: boolean;
}

/**
 * Items someone waits for (an event's answers), as they were queued: the dispatcher claims
 * such an item for its call without reading it or its lane first, and learns that it was
 * delivered without reading it again. The delivery id tells the item apart from one that took
 * its id after its transaction rolled back.
 */
export class KnownItems {
  private readonly items = new Map<number, Known>();

  /** Notes an item just queued. */
  expect(id: number, item: QueuedItem): void {
    // Items queued for a wait that never came (their work failed) go first.
    const { lane, platform, cls, deliveryId } = item;
    remember(this.items, id, { lane, platform, cls, deliveryId, finished: false }, KEPT);
  }

  get(id: number): QueuedItem | undefined {
    return this.items.get(id);
  }

  /** `row` was delivered or failed for good. */
  finish(row: OutboxRow): void {
    const known = this.items.get(row.id);
    if (known?.deliveryId === row.deliveryId) known.finished = true;
  }

  /** Whether the item is known to be delivered or failed for good. */
  finished(id: number): boolean {
    return this.items.get(id)?.finished === true;
  }

  /** Nobody waits for these any more. */
  forget(ids: readonly number[]): void {
    for (const id of ids) this.items.delete(id);
  }

  clear(): void {
    this.items.clear();
  }
}
