import Database from "better-sqlite3";
import pino from "pino";
import { openDatabase } from "../../db/open";
import { VirtualClock } from "../../src/core/clock";
import { RateLimitedError } from "../../src/core/errors";
import { textMessage, type Target } from "../../src/core/message";
import { Outbox } from "../../src/core/outbox";
import { PortRouter } from "../../src/core/port-router";
import { RecordingPort } from "../support/recording-port";

/** An answer someone waits for is stored already in flight when its lane is free (one commit fewer). */
function setup() {
  const db = openDatabase(":memory:");
  const clock = new VirtualClock(new Date("2026-12-01T09:00:00Z"));
  const port = new RecordingPort("slack");
  const ports = new PortRouter();
  ports.add(port);
  const outbox = new Outbox(db, clock, ports, pino({ level: "silent" }), { random: () => 1 });
  return { db, clock, port, outbox };
}

/** The next process on the same database (the previous one died or stopped). */
function restart(db: Database.Database, clock: VirtualClock) {
  const port = new RecordingPort("slack");
  const ports = new PortRouter();
  ports.add(port);
  return { port, outbox: new Outbox(db, clock, ports, pino({ level: "silent" })) };
}

const channel = (id = "C1"): Target => ({ kind: "channel", channelId: `slack:${id}` });
const bookkeeping = (db: Database.Database, id: number | undefined) =>
  db.prepare("SELECT state, attempts, in_doubt FROM outbox WHERE id = ?").get(id);
const texts = (port: RecordingPort) =>
  port.calls.map((c) =>
    c.op === "post" && c.message.blocks[0]?.kind === "text" ? c.message.blocks[0].content[0] : c.op,
  );

describe("Outbox: answers queued in flight", () => {
  it("stores an answer in flight with its transaction and calls only once that committed", async () => {
    const { db, port, outbox } = setup();
    let id: number | undefined;
    await outbox.deliverFrom(async () => {
      db.transaction(() => {
        id = outbox.enqueue(channel(), textMessage("answer"));
        expect(bookkeeping(db, id)).toEqual({ state: "sending", attempts: 1, in_doubt: 0 });
      })();
      // Committed, but its call waits for the event's wait for it.
      expect(port.attempts).toHaveLength(0);
    });
    expect(texts(port)).toEqual(["answer"]);
    expect(port.attempts[0]?.delivery).toMatchObject({ inDoubt: false });
    expect(bookkeeping(db, id)).toEqual({ state: "sent", attempts: 1, in_doubt: 0 });
  });

  it("queues what nobody waits for as waiting, never in flight", async () => {
    const { db, port, outbox } = setup();
    const id = outbox.enqueue(channel(), textMessage("reminder"));
    expect(bookkeeping(db, id)).toEqual({ state: "pending", attempts: 0, in_doubt: 0 });
    await outbox.drain();
    expect(texts(port)).toEqual(["reminder"]);
  });

  it("queues an answer as waiting while its platform holds off after a 429, and sends it once the hold ends", async () => {
    const { clock, db, port, outbox } = setup();
    // A limit of the whole platform (a conversation's own limit would hold only its lane).
    port.failures.push(new RateLimitedError(60_000, { scope: "platform" }));
    outbox.enqueue(channel("C9"), textMessage("first"));
    await outbox.drain();
    expect(port.attempts).toHaveLength(1);
    let id: number | undefined;
    const answered = outbox.deliverFrom(async () => {
      id = outbox.enqueue(channel(), textMessage("answer"));
      expect(bookkeeping(db, id)).toEqual({ state: "pending", attempts: 0, in_doubt: 0 });
    });
    clock.advance(61_000);
    await answered;
    await outbox.drain();
    expect(texts(port)).toEqual(expect.arrayContaining(["first", "answer"]));
    expect(bookkeeping(db, id)).toEqual({ state: "sent", attempts: 1, in_doubt: 0 });
  });

  it("queues an answer behind an open item of its lane as waiting, and keeps the lane's order", async () => {
    const { db, port, outbox } = setup();
    outbox.enqueue(channel(), textMessage("reminder"));
    let id: number | undefined;
    await outbox.deliverFrom(async () => {
      id = outbox.enqueue(channel(), textMessage("answer"));
      expect(bookkeeping(db, id)).toEqual({ state: "pending", attempts: 0, in_doubt: 0 });
    });
    expect(texts(port)).toEqual(["reminder", "answer"]);
  });

  it("an answer behind an item whose retry came due meanwhile goes after it, without a tick", async () => {
    const { clock, port, outbox } = setup();
    port.failures.push(new RateLimitedError(1_000));
    outbox.enqueue(channel(), textMessage("first"));
    await outbox.drain();
    clock.advance(1_000);
    await outbox.deliverFrom(async () => {
      outbox.enqueue(channel(), textMessage("answer"));
    });
    expect(texts(port)).toEqual(["first", "answer"]);
  });

  it("after a crash right after the commit, the next process sends it once, in doubt, with the same delivery id", async () => {
    const { db, clock, outbox } = setup();
    const { ids } = await outbox.queuedBy(async () => {
      outbox.enqueue(channel(), textMessage("answer"));
    });
    // The process dies here, before the call: the next one opens the database as it is now.
    const atCrash = new Database(db.serialize());
    await outbox.stop(60_000);
    expect(bookkeeping(atCrash, ids[0])).toEqual({ state: "sending", attempts: 1, in_doubt: 0 });
    const stored = atCrash.prepare("SELECT delivery_id FROM outbox WHERE id = ?").get(ids[0]) as {
      delivery_id: string;
    };
    const next = restart(atCrash, clock);
    await next.outbox.drain();
    expect(texts(next.port)).toEqual(["answer"]);
    expect(next.port.attempts[0]?.delivery).toMatchObject({ id: stored.delivery_id, inDoubt: true });
    expect(bookkeeping(atCrash, ids[0])).toEqual({ state: "sent", attempts: 2, in_doubt: 1 });
  });

  it("a stop before the call puts it back as queued, not in doubt", async () => {
    const { db, clock, port, outbox } = setup();
    const { ids } = await outbox.queuedBy(async () => {
      outbox.enqueue(channel(), textMessage("answer"));
    });
    await outbox.stop(0);
    expect(bookkeeping(db, ids[0])).toEqual({ state: "pending", attempts: 0, in_doubt: 0 });
    const next = restart(db, clock);
    await next.outbox.drain();
    expect(port.attempts).toHaveLength(0);
    expect(next.port.attempts.map((a) => a.delivery?.inDoubt)).toEqual([false]);
  });

  it("makes the call even when nobody waits for it (the work failed after its commit)", async () => {
    const { port, outbox } = setup();
    await outbox
      .queuedBy(async () => {
        outbox.enqueue(channel(), textMessage("answer"));
        throw new Error("the handler failed after queueing");
      })
      .catch(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    await outbox.drain();
    expect(texts(port)).toEqual(["answer"]);
  });
});
