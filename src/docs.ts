import pino from "pino";
import { buildApp, loadConfig } from "./app";
import { writeReference } from "./core/commands/reference";

/** `npm run docs`: regenerates README.md's command reference from the command registry. */
const app = buildApp(loadConfig({ COPBOT_DB: ":memory:" }), pino({ level: "silent" }));
writeReference("README.md", app.bot.registry);
app.db.close();
