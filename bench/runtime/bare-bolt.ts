import { App, LogLevel } from "@slack/bolt";

/*
 * The baseline of the Slack HTTP benchmark: a Bolt app on the same receiver and settings as
 * copbot's (HTTP, signing secret, known bot identity) whose listeners only return, so Bolt acks
 * every event and does nothing else. Run as its own process; listens on BENCH_PORT.
 */
const app = new App({
  signingSecret: process.env["SLACK_SIGNING_SECRET"] ?? "",
  token: "xoxb-bench",
  botId: "B0COPBOT",
  botUserId: "UCOPBOT",
  logLevel: LogLevel.ERROR,
});
app.event("message", async () => {});
void app.start(Number(process.env["BENCH_PORT"])).then(() => process.stdout.write("ready\n"));
process.once("SIGTERM", () => void app.stop().then(() => process.exit(0)));
