import { z } from "zod";
import { PlatformError } from "./errors";
import type { OutgoingMessage, PostedRef, Target } from "./message";
import { OutgoingMessageSchema, PostedRefSchema, TargetSchema } from "./message-schema";
import type { OutboxRepo } from "./outbox-repo";
import type { OutboxRow } from "./outbox-row";
import type { ChatPort, Delivery } from "./port";
import type { PortRouter } from "./port-router";

/**
 * Makes the platform call one outbox item needs: a post (into the thread of its parent post
 * when it has one), an update, a pin, or a reaction added or taken back on a message posted earlier. Returns where a post
 * landed. Throws `PlatformError`s; one that cannot ever work (an unreadable row, a parent that
 * was never delivered) is permanent. A row `queuedHere` was written by this process from a
 * typed message and target, so they are read back without validating them again (and one it
 * queued in flight is not read back at all: `queuedPost`); rows from before the start (an
 * earlier version's, say) are validated.
 */
export async function callPort(
  row: OutboxRow,
  ports: PortRouter,
  repo: OutboxRepo,
  now: Date,
  queuedHere = false,
): Promise<PostedRef | undefined> {
  if (!ports.has(row.platform)) {
    throw new PlatformError(`no adapter running for ${row.platform}`, true, { maybeDelivered: false });
  }
  const port = ports.forPlatform(row.platform);
  const delivery: Delivery = {
    id: row.deliveryId,
    inDoubt: row.inDoubt,
    since: new Date(row.firstAttemptAt ?? now.getTime()),
  };
  if (row.op === "react" || row.op === "unreact") return callMark(row, port, repo, delivery);
  // A post queued in flight by this process still has its typed target and message.
  const queuedPost = row.op === "post" ? row.queuedPost : undefined;
  if (queuedPost)
    return port.post(withThread(repo, queuedPost.target, row.refKey), queuedPost.message, delivery);
  const message = queuedHere ? (JSON.parse(row.message) as OutgoingMessage) : storedMessage(row.message);
  if (row.op === "post") {
    const stored: unknown = JSON.parse(row.target ?? "null");
    const target = withThread(repo, queuedHere ? (stored as Target) : TargetSchema.parse(stored), row.refKey);
    return port.post(target, message, delivery);
  }
  const ref = postedParent(row, repo);
  if (row.op === "update") await port.update(ref, message, delivery);
  else await port.pin(ref);
  return undefined;
}

/** A message queued before this process started, validated (and brought to today's shape). */
function storedMessage(json: string): OutgoingMessage {
  const parsed = OutgoingMessageSchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new PlatformError("the stored message cannot be read", false);
  return parsed.data;
}

/** Where the message an item changes landed: the one named by its target, else its parent post. */
function postedParent(row: OutboxRow, repo: OutboxRepo): PostedRef {
  if (row.target !== null && row.refKey === null) {
    const named = PostedRefSchema.safeParse(JSON.parse(row.target));
    if (!named.success) throw new PlatformError("the stored message ref cannot be read", false);
    return named.data;
  }
  const ref = row.refKey === null ? undefined : repo.posted(row.refKey);
  if (ref) return ref;
  const state = row.refKey === null ? undefined : repo.stateOfKey(row.refKey);
  throw new PlatformError(
    state === undefined
      ? `the message ${row.refKey ?? "?"} was never queued`
      : `the message ${row.refKey ?? "?"} it belongs to was not delivered (${state})`,
    false,
  );
}

const MarkSchema = z.object({ emoji: z.string().min(1) });

/**
 * Adds or takes back a reaction of copbot's; a platform without reactions skips it. Taking
 * back a mark that was never made (it failed, expired, or the platform skipped it) does nothing.
 */
async function callMark(
  row: OutboxRow,
  port: ChatPort,
  repo: OutboxRepo,
  delivery: Delivery,
): Promise<PostedRef | undefined> {
  const mark = MarkSchema.safeParse(JSON.parse(row.message));
  if (!mark.success) throw new PlatformError("the stored reaction cannot be read", false);
  if (row.op === "react") return port.react?.(postedParent(row, repo), mark.data.emoji, delivery);
  const made = row.refKey === null ? undefined : repo.byKey(row.refKey);
  if (made?.state !== "sent" || !port.unreact) return undefined;
  await port.unreact(postedParent(made, repo), mark.data.emoji, repo.posted(made.key ?? ""), delivery);
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
  // One promise and one timer per call (not a race of two promises and a `finally`): every
  // delivery goes through here.
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new PlatformError(`no answer within ${ms} ms`, true)), ms);
    timer.unref();
    call.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
