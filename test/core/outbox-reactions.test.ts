import pino from "pino";
import { openDatabase } from "../../db/open";
import { VirtualClock } from "../../src/core/clock";
import { PlatformError } from "../../src/core/errors";
import { textMessage, type PostedRef } from "../../src/core/message";
import { Outbox } from "../../src/core/outbox";
import type { Delivery } from "../../src/core/port";
import { PortRouter } from "../../src/core/port-router";
import { RecordingPort } from "../support/recording-port";

type Mark =
  | { op: "react"; ref: PostedRef; emoji: string; delivery: Delivery | undefined }
  | { op: "unreact"; ref: PostedRef; emoji: string; reaction: PostedRef | undefined };

/** A port whose reactions are events of their own (like Matrix): `react` returns the reaction's ref. */
class ReactingPort extends RecordingPort {
  readonly marks: Mark[] = [];
  /** Errors for the next reaction calls, in order. */
  readonly markFailures: Error[] = [];

  async react(ref: PostedRef, emoji: string, delivery?: Delivery): Promise<PostedRef> {
    const error = this.markFailures.shift();
    if (error) throw error;
    this.marks.push({ op: "react", ref, emoji, delivery });
    return { channelId: ref.channelId, messageId: `r${this.marks.length}` };
  }

  async unreact(ref: PostedRef, emoji: string, reaction: PostedRef | undefined): Promise<void> {
    this.marks.push({ op: "unreact", ref, emoji, reaction });
  }
}

function setup(port: RecordingPort) {
  const db = openDatabase(":memory:");
  const clock = new VirtualClock(new Date("2026-12-01T09:00:00Z"));
  const ports = new PortRouter();
  ports.add(port);
  const outbox = new Outbox(db, clock, ports, pino({ level: "silent" }), { random: () => 1 });
  return { db, clock, outbox };
}

const theirs = { channelId: "matrix:!fragen", messageId: "$question" };

describe("Outbox: copbot's reactions (✅ on a solved question)", () => {
  it("reacts on its own post and on someone's message once, and takes back exactly its reactions", async () => {
    const port = new ReactingPort("matrix");
    const { outbox } = setup(port);
    outbox.enqueue(
      { kind: "channel", channelId: "matrix:!fragen", threadId: "$question" },
      textMessage("Antwort"),
      {
        key: "reply",
      },
    );
    outbox.enqueueReact({ ref: theirs }, "white_check_mark", "mark:q");
    outbox.enqueueReact({ key: "reply" }, "white_check_mark", "mark:r");
    outbox.enqueueReact({ key: "reply" }, "white_check_mark", "mark:r");
    await outbox.drain();
    const reply = outbox.posted("reply");
    expect(port.marks.map((m) => [m.op, m.ref])).toEqual([
      ["react", theirs],
      ["react", reply],
    ]);

    outbox.enqueueUnreact("mark:q");
    outbox.enqueueUnreact("mark:r");
    // Never made: nothing to take back.
    outbox.enqueueUnreact("mark:unknown");
    await outbox.drain();
    expect(port.marks.slice(2)).toEqual([
      {
        op: "unreact",
        ref: theirs,
        emoji: "white_check_mark",
        reaction: { channelId: "matrix:!fragen", messageId: "r1" },
      },
      {
        op: "unreact",
        ref: reply,
        emoji: "white_check_mark",
        reaction: { channelId: "matrix:!fragen", messageId: "r2" },
      },
    ]);
    expect(outbox.pendingCount()).toBe(0);
  });

  it("retries a failed reaction with the same delivery id (the Matrix transaction id), so it lands once", async () => {
    const port = new ReactingPort("matrix");
    const { clock, outbox } = setup(port);
    port.markFailures.push(new PlatformError("timeout", true));
    outbox.enqueueReact({ ref: theirs }, "white_check_mark", "mark:q");
    await outbox.drain();
    expect(port.marks).toEqual([]);
    clock.advance(60_000);
    await outbox.drain();
    expect(port.marks).toHaveLength(1);
    expect(port.marks[0]).toMatchObject({ op: "react", delivery: { inDoubt: true } });
  });

  it("skips reactions on a platform without them, and taking such a mark back does nothing", async () => {
    const port = new RecordingPort("console");
    const { db, outbox } = setup(port);
    outbox.enqueueReact(
      { ref: { channelId: "console:fragen", messageId: "m1" } },
      "white_check_mark",
      "mark",
    );
    outbox.enqueueUnreact("mark");
    await outbox.drain();
    expect(port.calls).toEqual([]);
    const states = db.prepare("SELECT op, state FROM outbox ORDER BY id").all();
    expect(states).toEqual([
      { op: "react", state: "sent" },
      { op: "unreact", state: "sent" },
    ]);
  });
});
