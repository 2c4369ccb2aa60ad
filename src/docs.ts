import pino from "pino";
import { writeReference } from "../commands/reference";
import { openDatabase } from "../db/open";
import { loadConfig } from "./config";
import { createBot } from "./core/bot";
import { SystemClock } from "./core/clock";
import { features } from "./features";

/** `npm run docs`: regenerates README.md's command reference from the command registry. */
const bot = createBot({
  db: openDatabase(":memory:"),
  clock: new SystemClock(),
  config: loadConfig({}),
  log: pino({ level: "silent" }),
  features,
});
writeReference("README.md", bot.registry);
