import { PlatformError } from "./errors";
import type { PostedRef, Target } from "./message";
import { OutgoingMessageSchema, TargetSchema } from "./message-schema";
import type { OutboxRepo } from "./outbox-repo";
import type { OutboxRow } from "./outbox-row";
import type { Delivery } from "./port";
import type { PortRouter } from "./port-router";

/**
 * Makes the platform call one outbox item needs: a post (into the thread of its parent post
 * when it has one), an update or a pin of a message posted earlier. Returns where a post
 * landed. Throws `PlatformError`s; one that cannot ever work (an unreadable row, a parent that
 * was never delivered) is permanent.
 */
export async function callPort(
  row: OutboxRow,
  ports: PortRouter,
  repo: OutboxRepo,
  now: Date,
): Promise<PostedRef | undefined> {
  if (!ports.has(row.platform)) {
    throw new PlatformError(`no adapter running for ${row.platform}`, true, { maybeDelivered: false });
  }
  const port = ports.forPlatform(row.platform);
  const parsed = OutgoingMessageSchema.safeParse(JSON.parse(row.message));
  if (!parsed.success) throw new PlatformError("the stored message cannot be read", false);
  const delivery: Delivery = {
    id: row.deliveryId,
    inDoubt: row.inDoubt,
    since: new Date(row.firstAttemptAt ?? now.getTime()),
  };
  if (row.op === "post") {
    const target = withThread(repo, TargetSchema.parse(JSON.parse(row.target ?? "null")), row.refKey);
    return port.post(target, parsed.data, delivery);
  }
  const ref = row.refKey === null ? undefined : repo.posted(row.refKey);
  if (!ref) {
    const state = row.refKey === null ? undefined : repo.stateOfKey(row.refKey);
    throw new PlatformError(
      state === undefined
        ? `the message ${row.refKey ?? "?"} was never queued`
        : `the message ${row.refKey ?? "?"} it belongs to was not delivered (${state})`,
      false,
    );
  }
  if (row.op === "update") await port.update(ref, parsed.data, delivery);
  else await port.pin(ref);
  return undefined;
}

/** A reply in the thread of a keyed post; top level when that post never made it. */
function withThread(repo: OutboxRepo, target: Target, threadOfKey: string | null): Target {
  if (threadOfKey === null || target.kind !== "channel") return target;
  const parent = repo.posted(threadOfKey);
  return parent ? { ...target, threadId: parent.messageId } : target;
}

/** A call that never settles must not hold its lane forever: after `ms` it counts as failed (in doubt). */
export function guarded<T>(call: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PlatformError(`no answer within ${ms} ms`, true)), ms);
    timer.unref();
  });
  return Promise.race([call, guard]).finally(() => clearTimeout(timer));
}
