import pino from "pino";
import { openDatabase } from "../../db/open";
import { VirtualClock } from "../../src/core/clock";
import { PlatformError, RateLimitedError } from "../../src/core/errors";
import { textMessage } from "../../src/core/message";
import { Outbox } from "../../src/core/outbox";
import { PortRouter } from "../../src/core/port-router";
import { RecordingPort } from "../support/recording-port";

function setup() {
  const db = openDatabase(":memory:");
  const clock = new VirtualClock(new Date("2026-12-01T09:00:00Z"));
  const port = new RecordingPort("slack");
  const ports = new PortRouter();
  ports.add(port);
  const outbox = new Outbox(db, clock, ports, pino({ level: "silent" }));
  return { db, clock, port, outbox };
}

const channel = (threadId?: string) =>
  ({ kind: "channel", channelId: "slack:C1", ...(threadId ? { threadId } : {}) }) as const;
const texts = (port: RecordingPort) =>
  port.calls.map((c) => (c.op === "pin" ? "pin" : JSON.stringify(c.message.blocks[0])));

describe("Outbox", () => {
  it("delivers in order and posts a keyed message only once", async () => {
    const { port, outbox } = setup();
    outbox.enqueue(channel(), textMessage("eins"), { key: "k1" });
    outbox.enqueue(channel(), textMessage("eins again"), { key: "k1" });
    outbox.enqueue(channel(), textMessage("zwei"));
    await outbox.drain();
    expect(port.calls.map((c) => c.op === "post" && c.message.blocks)).toEqual([
      [{ kind: "text", content: ["eins"] }],
      [{ kind: "text", content: ["zwei"] }],
    ]);
    expect(outbox.posted("k1")).toEqual({ channelId: "slack:C1", messageId: "p1" });
    expect(outbox.keyOf({ channelId: "slack:C1", messageId: "p1" })).toBe("k1");
  });

  it("waits for Retry-After on a rate limit, keeps order, and never drops", async () => {
    const { clock, port, outbox } = setup();
    port.failures.push(new RateLimitedError(30_000));
    outbox.enqueue(channel(), textMessage("a"));
    outbox.enqueue(channel(), textMessage("b"));
    await outbox.drain();
    expect(port.calls).toHaveLength(0);
    expect(outbox.nextAttemptAt()?.toISOString()).toBe("2026-12-01T09:00:30.000Z");
    clock.advance(29_000);
    await outbox.drain();
    expect(port.calls).toHaveLength(0);
    clock.advance(1_000);
    await outbox.drain();
    expect(texts(port)).toEqual([
      JSON.stringify({ kind: "text", content: ["a"] }),
      JSON.stringify({ kind: "text", content: ["b"] }),
    ]);
    expect(outbox.pendingCount()).toBe(0);
  });

  it("backs off on transient errors and marks permanent errors failed without blocking the rest", async () => {
    const { db, clock, port, outbox } = setup();
    port.failures.push(new PlatformError("503", true), null, new PlatformError("channel_not_found", false));
    outbox.enqueue(channel(), textMessage("retry me"));
    outbox.enqueue(channel(), textMessage("doomed"));
    outbox.enqueue(channel(), textMessage("after"));
    await outbox.drain();
    expect(port.calls).toHaveLength(0);
    clock.advance(1_000);
    await outbox.drain();
    expect(texts(port)).toEqual([
      JSON.stringify({ kind: "text", content: ["retry me"] }),
      JSON.stringify({ kind: "text", content: ["after"] }),
    ]);
    const failed = db.prepare("SELECT last_error FROM outbox WHERE state = 'failed'").all();
    expect(failed).toEqual([{ last_error: "channel_not_found" }]);
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
});
