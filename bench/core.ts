import pino from "pino";
import { openDatabase } from "../db/open";
import { loadConfig } from "../src/config";
import { createBot } from "../src/core/bot";
import { VirtualClock } from "../src/core/clock";
import { textMessage } from "../src/core/message";
import { RecordingPort } from "../test/support/recording-port";
import { percentile, timeRuns, type Figure } from "./measure";

/** Command handling latency, outbox fan-out throughput and memory of the core. */
export async function benchCore(): Promise<Figure[]> {
  const clock = new VirtualClock(new Date("2026-12-07T09:00:00+01:00"));
  const bot = createBot({
    db: openDatabase(":memory:"),
    clock,
    config: loadConfig({}),
    log: pino({ level: "silent" }),
    features: [],
  });
  const port = new RecordingPort("console");
  bot.services.ports.add(port);

  const commands = await timeRuns(2000, (i) =>
    bot.handle({
      kind: "command",
      id: `bench:${i}`,
      platform: "console",
      at: clock.now(),
      userId: `console:user${i % 200}`,
      channelId: "console:allgemein",
      isDm: false,
      text: i % 2 === 0 ? "help" : 'profile bio "Bench"',
    }),
  );

  const fanOut = 10_000;
  for (let i = 0; i < fanOut; i++) {
    bot.services.outbox.enqueue({ kind: "dm", userId: `console:user${i}` }, textMessage(`Erinnerung ${i}`));
  }
  const start = process.hrtime.bigint();
  await bot.services.outbox.drain();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;

  return [
    { name: "command handling p50", value: percentile(commands, 50), unit: "ms" },
    { name: "command handling p95", value: percentile(commands, 95), unit: "ms" },
    {
      name: "outbox fan-out (10,000 DMs, persisted)",
      value: Math.round(fanOut / seconds),
      unit: "messages/s",
    },
  ];
}
