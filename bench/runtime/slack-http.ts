import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { freePort, startCopbot } from "../../test/support/copbot-process";
import { eventCallback, messageEvent } from "../../test/support/slack-payloads";
import { sign, SIGNING_SECRET } from "../../test/support/slack-signing";
import { SlackApiStandIn } from "../../test/support/slack-web-api";
import { waitForHttp, type Row } from "./support";

/** Members who write in the channel; each first message of one makes copbot look up a name. */
const MEMBERS = 200;
const ROUNDS = 2;
const ROUND_SECONDS = 6;
const RATE = 200;

let sequence = 0;

/** Everyday channel chatter from many members, each request signed as Slack signs it, each event new. */
function nextRequest(request: autocannon.Request): autocannon.Request {
  sequence += 1;
  const { body } = eventCallback(
    messageEvent({
      channel: "C0ALLGEMEIN",
      user: `U0M${sequence % MEMBERS}`,
      text: `Kurzer Stand aus dem Referat ${sequence % 17}: Entwurf liegt in der Ablage, Rückmeldungen gern bis Freitag.`,
      ts: `${1764000000 + sequence}.000100`,
    }),
    `EvBench${sequence}`,
  );
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    ...request,
    method: "POST",
    path: "/slack/events",
    body,
    headers: {
      "content-type": "application/json",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": sign(body, timestamp),
    },
  };
}

async function load(url: string, opts: { seconds: number; rate?: number }): Promise<autocannon.Result> {
  const result = await autocannon({
    url,
    connections: 10,
    duration: opts.seconds,
    ...(opts.rate !== undefined ? { overallRate: opts.rate } : {}),
    requests: [{ setupRequest: nextRequest }],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
  }
  return result;
}

async function startBare(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", join(__dirname, "bare-bolt.ts")], {
    env: { ...process.env, BENCH_PORT: String(port), SLACK_SIGNING_SECRET: SIGNING_SECRET },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`the bare Bolt app exited with ${code}`)));
  });
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/**
 * Signed `message` events into copbot's real Bolt receiver (the compiled build, as `npm start`
 * runs it, against the Web API stand-in) and into a bare Bolt app that only acks: the same
 * requests, the same load generator, alternating in one run. First as fast as each answers
 * (10 connections), then at a steady 200 requests/s for the ack latency.
 */
export async function benchSlackHttp(dir: string): Promise<Row[]> {
  const api = await new SlackApiStandIn().start();
  api.respondWithNames(() => ({}));
  const copbotPort = await freePort();
  const barePort = await freePort();
  const copbot = startCopbot({
    dir,
    env: {
      COPBOT_DB: join(dir, "slack-bench.db"),
      COPBOT_DATA_DIR: dir,
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_PORT: String(copbotPort),
      SLACK_API_URL: api.apiUrl,
    },
  });
  const bare = await startBare(barePort);
  try {
    await waitForHttp(`http://127.0.0.1:${copbotPort}/healthz`);
    const targets = {
      copbot: `http://127.0.0.1:${copbotPort}`,
      bare: `http://127.0.0.1:${barePort}`,
    };
    // Warm both up (JIT, the first name look-ups), then alternate so drift hits both alike.
    for (const url of Object.values(targets)) await load(url, { seconds: 2, rate: 100 });
    const throughput = { copbot: [] as number[], bare: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, url] of Object.entries(targets) as [keyof typeof targets, string][]) {
        throughput[name].push((await load(url, { seconds: ROUND_SECONDS })).requests.average);
      }
    }
    const steady = {
      bare: await load(targets.bare, { seconds: ROUND_SECONDS, rate: RATE }),
      copbot: await load(targets.copbot, { seconds: ROUND_SECONDS, rate: RATE }),
    };
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const ratio = mean(throughput.copbot) / mean(throughput.bare);
    return [
      {
        metric: "Slack HTTP: bare Bolt app (ack only), throughput",
        value: mean(throughput.bare),
        unit: "req/s",
      },
      { metric: "Slack HTTP: copbot, throughput", value: mean(throughput.copbot), unit: "req/s" },
      { metric: "Slack HTTP: copbot ÷ bare Bolt, throughput", value: ratio, unit: "×", min: 0.8 },
      {
        metric: `Slack HTTP: bare Bolt, ack p99 at ${RATE} req/s`,
        value: steady.bare.latency.p99,
        unit: "ms",
      },
      {
        metric: `Slack HTTP: copbot, ack p99 at ${RATE} req/s`,
        value: steady.copbot.latency.p99,
        unit: "ms",
        max: 50,
      },
    ];
  } finally {
    await stop(bare);
    await stop(copbot.child);
    await api.stop();
  }
}
