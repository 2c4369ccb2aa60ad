import pino from "pino";
import { openDatabase } from "../../db/open";
import { VirtualClock } from "../../src/core/clock";
import { PlatformError, RateLimitedError } from "../../src/core/errors";
import { textMessage, type Target } from "../../src/core/message";
import { Outbox, type OutboxOptions } from "../../src/core/outbox";
import type { OutboxRow } from "../../src/core/outbox-row";
import { PortRouter } from "../../src/core/port-router";
import { RecordingPort } from "../support/recording-port";

function setup(opts: OutboxOptions = {}) {
  const db = openDatabase(":memory:");
  const clock = new VirtualClock(new Date("2026-12-01T09:00:00Z"));
  const port = new RecordingPort("slack");
  const ports = new PortRouter();
  ports.add(port);
  const expired: OutboxRow[] = [];
  const outbox = new Outbox(db, clock, ports, pino({ level: "silent" }), {
    random: () => 1,
    onExpired: (rows) => expired.push(...rows),
    ...opts,
  });
  return { db, clock, port, ports, outbox, expired };
}

const channel = (id = "C1", threadId?: string): Target => ({
  kind: "channel",
  channelId: `slack:${id}`,
  ...(threadId ? { threadId } : {}),
});
const dm = (user: string): Target => ({ kind: "dm", userId: `slack:${user}` });
const texts = (port: RecordingPort) =>
  port.calls.map((c) =>
    c.op === "post" ? String(c.message.blocks[0]?.kind === "text" && c.message.blocks[0].content[0]) : c.op,
  );
const stateOf = (db: ReturnType<typeof setup>["db"], id: number | undefined) =>
  (db.prepare("SELECT state FROM outbox WHERE id = ?").get(id) as { state: string }).state;

describe("Outbox", () => {
  it("delivers in order and posts a keyed message only once", async () => {
    const { port, outbox } = setup();
    outbox.enqueue(channel(), textMessage("eins"), { key: "k1" });
    outbox.enqueue(channel(), textMessage("eins again"), { key: "k1" });
    outbox.enqueue(channel(), textMessage("zwei"));
    await outbox.drain();
    expect(texts(port)).toEqual(["eins", "zwei"]);
    expect(outbox.posted("k1")).toEqual({ channelId: "slack:C1", messageId: "p1" });
    expect(outbox.keyOf({ channelId: "slack:C1", messageId: "p1" })).toBe("k1");
  });

  it("holds only the conversation a 429 hit, until Retry-After; order in it is kept, nothing is dropped", async () => {
    const { clock, port, outbox } = setup();
    let limited = true;
    port.decide = (target) => {
      if (limited && target.kind === "channel" && target.channelId === "slack:C1") {
        limited = false;
        return new RateLimitedError(30_000);
      }
      return undefined;
    };
    outbox.enqueue(channel("C1"), textMessage("a"));
    outbox.enqueue(channel("C1"), textMessage("b"));
    outbox.enqueue(channel("C2"), textMessage("elsewhere"));
    await outbox.drain();
    expect(texts(port)).toEqual(["elsewhere"]);
    expect(outbox.nextAttemptAt()?.toISOString()).toBe("2026-12-01T09:00:30.000Z");
    clock.advance(29_000);
    await outbox.drain();
    expect(texts(port)).toEqual(["elsewhere"]);
    clock.advance(1_000);
    await outbox.drain();
    expect(texts(port)).toEqual(["elsewhere", "a", "b"]);
    expect(outbox.pendingCount()).toBe(0);
  });

  it("holds a whole kind of call when 429s hit two conversations (Slack's method limit)", async () => {
    const { clock, port, outbox } = setup();
    let left = 2;
    port.decide = () => (left-- > 0 ? new RateLimitedError(10_000) : undefined);
    for (const user of ["U1", "U2", "U3", "U4", "U5", "U6"]) outbox.enqueue(dm(user), textMessage(user));
    await outbox.drain();
    // The first wave was already in flight; after the second 429 nothing more was started.
    expect(port.attempts.length).toBeLessThanOrEqual(4);
    const tried = port.attempts.length;
    clock.advance(5_000);
    await outbox.drain();
    expect(port.attempts).toHaveLength(tried);
    clock.advance(5_000);
    await outbox.drain();
    expect(texts(port).sort()).toEqual(["U1", "U2", "U3", "U4", "U5", "U6"]);
  });

  it("holds every conversation of a platform on a limit of the whole account (Matrix)", async () => {
    const { clock, port, ports, outbox } = setup();
    const matrix = new RecordingPort("matrix");
    ports.add(matrix);
    let limited = true;
    matrix.decide = () => {
      if (!limited) return undefined;
      limited = false;
      return new RateLimitedError(2_000, { scope: "platform" });
    };
    outbox.enqueue({ kind: "channel", channelId: "matrix:!a:x" }, textMessage("a"));
    await outbox.drain();
    outbox.enqueue({ kind: "channel", channelId: "matrix:!b:x" }, textMessage("b"));
    outbox.enqueue(channel("C1"), textMessage("slack goes on"));
    await outbox.drain();
    expect(matrix.calls).toHaveLength(0);
    expect(texts(port)).toEqual(["slack goes on"]);
    clock.advance(2_000);
    await outbox.drain();
    expect(texts(matrix)).toEqual(["a", "b"]);
  });

  it("retries transient failures with capped backoff for as long as the message makes sense", async () => {
    const { clock, db, port, outbox } = setup();
    let failing = true;
    port.decide = () =>
      failing ? new PlatformError("slack chat.postMessage failed: HTTP 503", true) : undefined;
    const id = outbox.enqueue(channel(), textMessage("answer"));
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      await outbox.drain();
      const next = outbox.nextAttemptAt();
      if (!next) break;
      waits.push(next.getTime() - clock.now().getTime());
      clock.set(next);
    }
    // 1 s, 2 s, 4 s … doubling up to a minute, never more; twelve failures do not fail it.
    expect(waits).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000, 60_000, 60_000,
    ]);
    expect(stateOf(db, id)).toBe("pending");
    failing = false;
    await outbox.drain();
    expect(texts(port)).toEqual(["answer"]);
  });

  it("fails only on permanent errors, without blocking the rest of the conversation", async () => {
    const { db, port, outbox } = setup();
    port.failures.push(null, new PlatformError("slack chat.postMessage failed: channel_not_found", false));
    outbox.enqueue(channel(), textMessage("one"));
    const doomed = outbox.enqueue(channel(), textMessage("doomed"));
    outbox.enqueue(channel(), textMessage("after"));
    await outbox.drain();
    expect(texts(port)).toEqual(["one", "after"]);
    expect(db.prepare("SELECT state, last_error FROM outbox WHERE id = ?").get(doomed)).toEqual({
      state: "failed",
      last_error: "slack chat.postMessage failed: channel_not_found",
    });
    // A moderator retries it (and it goes through now), or drops it — the item shown, named by
    // its delivery id too: an id alone may by then belong to another item.
    const shown = {
      id: doomed ?? 0,
      deliveryId: String(db.prepare("SELECT delivery_id FROM outbox WHERE id = ?").pluck().get(doomed)),
    };
    expect(outbox.retry({ ...shown, deliveryId: "another" })).toBe(false);
    expect(outbox.drop({ ...shown, deliveryId: "another" })).toBe(false);
    expect(outbox.retry(shown)).toBe(true);
    await outbox.drain();
    expect(texts(port)).toEqual(["one", "after", "doomed"]);
    expect(outbox.drop(shown)).toBe(false);
  });

  it("drops what expired undelivered and reports it (a reminder whose meeting is over)", async () => {
    const { clock, db, port, outbox, expired } = setup();
    port.decide = () => new PlatformError("HTTP 503", true);
    const reminder = outbox.enqueue(channel(), textMessage("Beginnt in 15 Minuten"), {
      expiresAt: new Date("2026-12-01T10:00:00Z"),
    });
    const answer = outbox.enqueue(dm("U1"), textMessage("Antwort"));
    for (let i = 0; i < 200 && clock.now() < new Date("2026-12-01T10:05:00Z"); i++) {
      await outbox.drain();
      clock.set(outbox.nextAttemptAt() ?? clock.now());
    }
    await outbox.drain();
    expect(stateOf(db, reminder)).toBe("expired");
    expect(expired.map((r) => r.id)).toEqual([reminder]);
    // An answer is kept for a day.
    expect(stateOf(db, answer)).toBe("pending");
  });

  it("hands a post that was in flight at a crash to the port as in doubt, with the same delivery id", async () => {
    const { db, clock, port, outbox } = setup();
    port.decide = () => "hang";
    outbox.enqueue(dm("U1"), textMessage("fan-out"));
    void outbox.drain();
    await new Promise((resolve) => setImmediate(resolve));
    expect(port.attempts).toHaveLength(1);
    const first = port.attempts[0]?.delivery;
    expect(first).toMatchObject({ inDoubt: false });
    expect(stateOf(db, 1)).toBe("sending");

    // The process dies here; the next one starts on the same database.
    const ports = new PortRouter();
    const fresh = new RecordingPort("slack");
    ports.add(fresh);
    const next = new Outbox(db, clock, ports, pino({ level: "silent" }));
    await next.drain();
    expect(fresh.calls).toHaveLength(1);
    expect(fresh.attempts[0]?.delivery).toEqual({ id: first?.id, inDoubt: true, since: first?.since });
  });

  it("treats a call that never answers as a transient failure in doubt, and meanwhile serves other conversations", async () => {
    const { port, outbox, clock } = setup({ callGuardMs: 50 });
    let hang = true;
    port.decide = (target) =>
      hang && target.kind === "dm" && target.userId === "slack:U1" ? "hang" : undefined;
    outbox.enqueue(dm("U1"), textMessage("stuck"));
    const answered = outbox.deliverFrom(async () => {
      outbox.enqueue(dm("U2"), textMessage("unrelated answer"));
    });
    await answered;
    expect(texts(port)).toEqual(["unrelated answer"]);
    await outbox.drain();
    hang = false;
    clock.set(outbox.nextAttemptAt() ?? clock.now());
    await outbox.drain();
    expect(texts(port)).toEqual(["unrelated answer", "stuck"]);
    expect(port.attempts.filter((a) => a.delivery?.inDoubt)).toHaveLength(1);
  });

  it("sends answers to people before a bulk fan-out that was queued first", async () => {
    const { port, outbox } = setup();
    for (let i = 0; i < 50; i++)
      outbox.enqueue(dm(`U${i}`), textMessage(`prompt ${i}`), { priority: "bulk" });
    outbox.enqueue(channel("C9"), textMessage("answer"));
    await outbox.drain();
    expect(texts(port).indexOf("answer")).toBe(0);
    expect(port.calls).toHaveLength(51);
  });

  it("lets an event wait for its own answers only, never for a fan-out or a stuck conversation", async () => {
    const { port, outbox } = setup({ maxInFlight: 2 });
    port.decide = (target) => (target.kind === "dm" && target.userId === "slack:U0" ? "hang" : undefined);
    for (let i = 0; i < 100; i++)
      outbox.enqueue(dm(`U${i}`), textMessage(`prompt ${i}`), { priority: "bulk" });
    outbox.kick();
    await outbox.deliverFrom(async () => {
      outbox.enqueue(channel("C1"), textMessage("answer"));
      outbox.enqueue(dm("U500"), textMessage("bulk from the event"), { priority: "bulk" });
    });
    expect(texts(port)).toContain("answer");
    expect(texts(port)).not.toContain("bulk from the event");
    await outbox.stop(0);
  });

  it("sends an answer someone waits for before the reminders a catch-up queued first", async () => {
    const { port, outbox } = setup({ maxInFlight: 2 });
    // Reminders of a catch-up: normal priority, in 30 channels, queued before the command came.
    for (let i = 0; i < 90; i++) outbox.enqueue(channel(`C${i % 30}`), textMessage(`reminder ${i}`));
    outbox.kick();
    await outbox.deliverFrom(async () => {
      outbox.enqueue({ kind: "ephemeral", channelId: "slack:C1", userId: "slack:U1" }, textMessage("answer"));
    });
    // The two calls in flight when it was queued go first, then the answer, long before the rest.
    expect(texts(port).indexOf("answer")).toBeLessThanOrEqual(2);
    await outbox.drain();
    expect(port.calls).toHaveLength(91);
  });

  it("replies in the thread of a keyed post and keeps only the newest pending update", async () => {
    const { port, outbox } = setup();
    outbox.enqueue(channel(), textMessage("root"), { key: "root" });
    outbox.enqueue(channel(), textMessage("in thread"), { threadOfKey: "root" });
    outbox.enqueueUpdate("root", textMessage("v2"));
    outbox.enqueueUpdate("root", textMessage("v3"));
    outbox.enqueuePin("root");
    await outbox.drain();
    expect(port.calls[1]).toMatchObject({ op: "post", target: { threadId: "p1" } });
    expect(port.calls.filter((c) => c.op === "update")).toEqual([
      { op: "update", ref: { channelId: "slack:C1", messageId: "p1" }, message: textMessage("v3") },
    ]);
    expect(port.calls[3]).toEqual({ op: "pin", ref: { channelId: "slack:C1", messageId: "p1" } });
  });

  it("prunes delivered items after the retention, but keeps posts that open items refer to", async () => {
    const { db, clock, outbox } = setup();
    outbox.enqueue(channel(), textMessage("old"));
    outbox.enqueue(channel(), textMessage("parent"), { key: "parent" });
    await outbox.drain();
    clock.advance(31 * 86_400_000);
    outbox.enqueue(channel("C2"), textMessage("recent"));
    await outbox.drain();
    outbox.enqueueUpdate("parent", textMessage("changed"));
    expect(outbox.prune(30 * 86_400_000)).toBe(1);
    // A pruned (or never queued) post cannot be changed any more: nothing is queued, nothing fails.
    outbox.enqueueUpdate("pruned-long-ago", textMessage("RSVP 3"));
    const left = db.prepare("SELECT key, state FROM outbox ORDER BY id").all();
    expect(left).toEqual([
      { key: "parent", state: "sent" },
      { key: null, state: "sent" },
      { key: null, state: "pending" },
    ]);
  });

  it("survives a restart: what was queued is delivered by the next process", async () => {
    const { db, clock, port, outbox } = setup();
    port.failures.push(new RateLimitedError(1_000));
    outbox.enqueue(channel(), textMessage("persisted"));
    await outbox.drain();
    const ports = new PortRouter();
    const fresh = new RecordingPort("slack");
    ports.add(fresh);
    const next = new Outbox(db, clock, ports, pino({ level: "silent" }));
    clock.advance(1_000);
    await next.drain();
    expect(fresh.calls).toHaveLength(1);
  });

  it("lets an event go on whose answer was rolled back, and delivers the next item that took its id once", async () => {
    const { db, port, outbox } = setup();
    const { ids } = await outbox.queuedBy(async () => {
      try {
        db.transaction(() => {
          outbox.enqueue(channel(), textMessage("rolled back"));
          throw new Error("the handler failed");
        })();
      } catch {
        // The handler's own error handling; nothing it queued is stored.
      }
    });
    const next = outbox.enqueue(channel(), textMessage("next"));
    expect(next).toBe(ids[0]);
    await outbox.settle(ids);
    await outbox.drain();
    expect(texts(port)).toEqual(["next"]);
  });

  it("validates what an earlier process queued: an old single file goes out, an unreadable message fails for good", async () => {
    const { db, clock, outbox } = setup();
    const old = outbox.enqueue(channel(), textMessage("with file"));
    const broken = outbox.enqueue(channel("C2"), textMessage("broken"));
    const file = { name: "termin.ics", mime: "text/calendar", content: "BEGIN:VCALENDAR" };
    const store = db.prepare("UPDATE outbox SET message = ? WHERE id = ?");
    store.run(JSON.stringify({ blocks: [], attachment: file }), old);
    store.run(JSON.stringify({ blocks: "nonsense" }), broken);
    // The process stops before delivering; the next one reads both from the database.
    const ports = new PortRouter();
    const fresh = new RecordingPort("slack");
    ports.add(fresh);
    const next = new Outbox(db, clock, ports, pino({ level: "silent" }));
    next.enqueue(channel("C3"), textMessage("new"));
    await next.drain();
    expect(fresh.calls.map((c) => (c.op === "post" ? c.message : c.op))).toEqual([
      { blocks: [], attachments: [file] },
      textMessage("new"),
    ]);
    expect(db.prepare("SELECT state, last_error FROM outbox WHERE id = ?").get(broken)).toEqual({
      state: "failed",
      last_error: "the stored message cannot be read",
    });
  });
});
