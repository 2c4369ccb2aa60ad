import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { freePort, startCopbot } from "../../test/support/copbot-process";
import { eventCallback, messageEvent } from "../../test/support/slack-payloads";
import { sign, SIGNING_SECRET } from "../../test/support/slack-signing";
import { SlackApiStandIn } from "../../test/support/slack-web-api";
import { waitForHttp, type Row } from "./support";

/** Members who write in the channel; each first message of one makes copbot look up a name. */
const MEMBERS = 200;
/** Short rounds, the two apps alternating, and medians: one busy moment of the machine moves one round only. */
const ROUNDS = 5;
const ROUND_SECONDS = 3;
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

/** CPU time (user + system) a process has used so far, in ms; undefined where /proc is missing. */
function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields 14 and 15 of /proc/PID/stat (after the parenthesised command name): utime, stime in ticks.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** Linux's USER_HZ: /proc reports CPU time in hundredths of a second on every common build. */
const CLOCK_TICKS = 100;

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

interface Round {
  readonly throughput: number;
  readonly p99: number;
  /** CPU time of the app's process per request, ms (undefined where it cannot be read). */
  readonly cpuPerRequest: number | undefined;
}

/**
 * Waits until the process has stopped working (its CPU time still for 200 ms): copbot handles
 * what it acknowledged afterwards, and that work belongs to its round, not to the next one.
 */
async function settled(pid: number | undefined): Promise<number | undefined> {
  let last = cpuMs(pid);
  for (let i = 0; i < 150 && last !== undefined; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = cpuMs(pid);
    if (now === undefined || now - last <= 10) return now;
    last = now;
  }
  return last;
}

/** Events copbot has handled so far (its `/metrics`), to see when it has caught up with the acks. */
async function eventsHandled(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  let total = 0;
  for (const line of text.split("\n")) {
    if (line.startsWith("copbot_events_handled_total{"))
      total += Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return total;
}

/**
 * One round of load against one app, with the CPU time its process spent on it, handling
 * included. copbot acknowledges an event before it handles it, so its round ends only when it
 * has handled every event it acknowledged (`metricsUrl`): the throughput counts the requests over
 * that whole time, not the acks alone. The bare app's listener does nothing: its acks are all.
 */
async function round(
  url: string,
  pid: number | undefined,
  opts: { seconds: number; rate?: number; metricsUrl?: string },
): Promise<Round> {
  const before = await settled(pid);
  const handledBefore = opts.metricsUrl === undefined ? 0 : await eventsHandled(opts.metricsUrl);
  const started = performance.now();
  const result = await load(url, opts);
  const requests = result.requests.total;
  if (opts.metricsUrl !== undefined) {
    const deadline = performance.now() + 60_000;
    while ((await eventsHandled(opts.metricsUrl)) < handledBefore + requests) {
      if (performance.now() > deadline)
        throw new Error(`${url}: the acknowledged events were not all handled`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const after = await settled(pid);
  return {
    throughput: requests / seconds,
    p99: result.latency.p99,
    cpuPerRequest:
      before !== undefined && after !== undefined && requests > 0 ? (after - before) / requests : undefined,
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
 * requests, the same load generator, alternating in one run: in each of several short rounds
 * first as fast as each answers (10 connections), then at a steady 200 requests/s for the ack
 * latency. copbot's rounds last until it has handled every event it acknowledged, so its
 * throughput includes the handling. Every figure is the median over the rounds (the ratio: of
 * each round's pair), and the CPU time each process spent per request shows the work behind it.
 */
export async function benchSlackHttp(dir: string): Promise<Row[]> {
  const api = await new SlackApiStandIn().start();
  api.respondWithNames(() => ({}));
  const copbotPort = await freePort();
  const opsPort = await freePort();
  const barePort = await freePort();
  const copbot = startCopbot({
    dir,
    env: {
      COPBOT_DB: join(dir, "slack-bench.db"),
      COPBOT_DATA_DIR: dir,
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_PORT: String(copbotPort),
      COPBOT_HEALTH_PORT: String(opsPort),
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
    const pids = { copbot: copbot.child.pid, bare: bare.pid };
    const metrics = { copbot: `http://127.0.0.1:${opsPort}/metrics`, bare: undefined };
    // The first scrape loads the metrics library: not a cost of the first round.
    await eventsHandled(metrics.copbot);
    const full = { copbot: [] as Round[], bare: [] as Round[] };
    const steady = { copbot: [] as Round[], bare: [] as Round[] };
    const ratios: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      // Who goes first alternates too: the second of a pair runs on a machine the first warmed.
      const order: (keyof typeof targets)[] = i % 2 === 0 ? ["bare", "copbot"] : ["copbot", "bare"];
      for (const name of order)
        full[name].push(
          await round(targets[name], pids[name], { seconds: ROUND_SECONDS, metricsUrl: metrics[name] }),
        );
      ratios.push((full.copbot[i]?.throughput ?? 0) / (full.bare[i]?.throughput ?? 1));
      for (const name of order) {
        steady[name].push(
          await round(targets[name], pids[name], {
            seconds: ROUND_SECONDS,
            rate: RATE,
            metricsUrl: metrics[name],
          }),
        );
      }
    }
    const of = (rounds: readonly Round[], pick: (r: Round) => number | undefined): number | undefined => {
      const values = rounds.map(pick).filter((v): v is number => v !== undefined);
      return values.length === rounds.length ? median(values) : undefined;
    };
    const cpu = {
      copbot: of(full.copbot, (r) => r.cpuPerRequest),
      bare: of(full.bare, (r) => r.cpuPerRequest),
    };
    return [
      {
        metric: "Slack HTTP: bare Bolt app (ack only), throughput",
        value: of(full.bare, (r) => r.throughput) ?? 0,
        unit: "req/s",
      },
      {
        metric: "Slack HTTP: copbot, throughput",
        value: of(full.copbot, (r) => r.throughput) ?? 0,
        unit: "req/s",
      },
      { metric: "Slack HTTP: copbot ÷ bare Bolt, throughput", value: median(ratios), unit: "×", min: 0.8 },
      ...(cpu.bare !== undefined && cpu.copbot !== undefined
        ? [
            { metric: "  CPU time of the bare Bolt process per request", value: cpu.bare, unit: "ms" },
            { metric: "  CPU time of the copbot process per request", value: cpu.copbot, unit: "ms" },
          ]
        : []),
      {
        metric: `Slack HTTP: bare Bolt, ack p99 at ${RATE} req/s`,
        value: of(steady.bare, (r) => r.p99) ?? 0,
        unit: "ms",
      },
      {
        metric: `Slack HTTP: copbot, ack p99 at ${RATE} req/s`,
        value: of(steady.copbot, (r) => r.p99) ?? 0,
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
