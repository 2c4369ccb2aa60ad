import pino from "pino";
import { openDatabase } from "../../db/open";
import { loadConfig } from "../../src/config";
import { createBot } from "../../src/core/bot";
import { VirtualClock } from "../../src/core/clock";
import type { MessageEvent } from "../../src/core/events";
import type { Feature } from "../../src/core/feature";
import { textMessage } from "../../src/core/message";
import { RecordingPort } from "../support/recording-port";

function message(id: string, text: string, isDm = false): MessageEvent {
  return {
    kind: "message",
    id: `console:${id}`,
    platform: "console",
    at: new Date("2026-12-01T09:00:00Z"),
    userId: "console:anna",
    channelId: isDm ? "console:dm" : "console:allgemein",
    isDm,
    messageId: id,
    text,
    mentionsBot: false,
  };
}

function setup(features: Feature[]) {
  const clock = new VirtualClock(new Date("2026-12-01T09:00:00Z"));
  const bot = createBot({
    db: openDatabase(":memory:"),
    clock,
    config: loadConfig({}),
    log: pino({ level: "silent" }),
    features,
  });
  const port = new RecordingPort("console");
  bot.services.ports.add(port);
  return { bot, clock, port };
}

describe("feature hooks", () => {
  it("runs each start hook once, so a feature can plan its first job", async () => {
    let starts = 0;
    const ran: string[] = [];
    const digest: Feature = {
      name: "digest",
      start(services) {
        starts++;
        services.scheduler.schedule({
          kind: "digest.send",
          key: "digest:first",
          runAt: new Date("2026-12-01T10:00:00Z"),
        });
      },
      jobs: { "digest.send": (job) => void ran.push(job.key) },
    };
    const { bot, clock } = setup([digest]);
    await Promise.all([bot.start(), bot.start()]);
    await bot.start();
    expect(starts).toBe(1);
    clock.advance(60 * 60_000);
    await bot.tick();
    expect(ran).toEqual(["digest:first"]);
  });

  it("stops a message at the first feature that handled it, highest priority first", async () => {
    const seen: string[] = [];
    const questions: Feature = {
      name: "questions",
      onMessage: (ctx) => void seen.push(`questions:${ctx.event.text}`),
    };
    const proposals: Feature = {
      name: "proposals",
      priority: 1,
      onMessage(ctx) {
        seen.push(`proposals:${ctx.event.text}`);
        return ctx.event.text.startsWith("lasst uns") ? "handled" : undefined;
      },
    };
    const { bot } = setup([questions, proposals]);
    await bot.handle(message("m1", "lasst uns etwas schreiben"));
    await bot.handle(message("m2", "wer weiß das?"));
    expect(seen).toEqual([
      "proposals:lasst uns etwas schreiben",
      "proposals:wer weiß das?",
      "questions:wer weiß das?",
    ]);
  });

  it("gives a DM that no feature handled a hint, and none to a handled one", async () => {
    const echo: Feature = {
      name: "echo",
      onMessage(ctx) {
        if (ctx.event.text !== "echo") return;
        ctx.reply(textMessage("echo"));
        return "handled";
      },
    };
    const { bot, port } = setup([echo]);
    await bot.handle(message("d1", "echo", true));
    await bot.handle(message("d2", "hallo", true));
    const texts = port.calls.map((c) => (c.op === "post" ? JSON.stringify(c.message.blocks) : ""));
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain("echo");
    expect(texts[1]).toContain("/cop help");
  });
});
