import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, startCommand } from "../../test/support/copbot-process";
import { FakeHomeserver } from "../../test/support/matrix-homeserver";
import { SIGNING_SECRET } from "../../test/support/slack-signing";
import { SlackApiStandIn } from "../../test/support/slack-web-api";
import { percentile } from "../measure";
import type { Row } from "./support";

const RUNS = 5;
/** How long a started copbot sits idle before its resident memory is read. */
const IDLE_MS = 3_000;
const ROOT = join(__dirname, "..", "..");

/** One way copbot runs: its settings (stand-ins started by `prepare`) and the stderr line that says it is ready. */
interface Mode {
  readonly name: string;
  readonly ready: RegExp;
  readonly via?: "npm";
  prepare(): Promise<{ env: Record<string, string>; close: () => Promise<void> }>;
}

const noStandIn = async () => ({ env: {}, close: async () => {} });
const RUNNING = /"msg":"copbot running"/;

async function slackStandIn(): Promise<SlackApiStandIn> {
  const api = await new SlackApiStandIn().start();
  api.respondWithNames(() => ({}));
  return api;
}

const MODES: readonly Mode[] = [
  { name: "console", ready: /copbot ist bereit/, prepare: noStandIn },
  { name: "console through `npm start`", ready: /copbot ist bereit/, via: "npm", prepare: noStandIn },
  {
    name: "Slack, HTTP mode",
    ready: RUNNING,
    async prepare() {
      const api = await slackStandIn();
      const port = await freePort();
      const env = {
        SLACK_BOT_TOKEN: "xoxb-bench",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_PORT: String(port),
        SLACK_API_URL: api.apiUrl,
      };
      return { env, close: () => api.stop() };
    },
  },
  {
    name: "Slack, Socket Mode",
    ready: RUNNING,
    async prepare() {
      const api = await slackStandIn();
      const env = { SLACK_BOT_TOKEN: "xoxb-bench", SLACK_APP_TOKEN: "xapp-bench", SLACK_API_URL: api.apiUrl };
      return { env, close: () => api.stop() };
    },
  },
  {
    name: "Matrix",
    ready: RUNNING,
    async prepare() {
      const hs = await FakeHomeserver.start({ botUserId: "@copbot:example.org" });
      hs.createRoom({ creator: "@anna:example.org", name: "CoP", botJoined: true });
      const env = { MATRIX_HOMESERVER_URL: hs.url, MATRIX_ACCESS_TOKEN: hs.accessToken };
      return { env, close: () => hs.close() };
    },
  },
];

/** Resident memory of a process, from the kernel's own account. */
function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(/(\d+)/.exec(line ?? "")?.[1] ?? NaN) / 1024;
}

/**
 * Starts copbot in `mode` on a fresh data directory and resolves when its ready line appears:
 * the milliseconds from spawning to ready, and (when `idleMs` is given) its resident memory
 * after sitting idle that long.
 */
async function startOnce(mode: Mode, dir: string, idleMs?: number): Promise<{ ms: number; rss?: number }> {
  const standIn = await mode.prepare();
  const { command, args } =
    mode.via === "npm" ? { command: "npm", args: ["start", "--silent", "--prefix", ROOT] } : startCommand();
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: dir,
    env: {
      ...process.env,
      COPBOT_DB: join(dir, "copbot.db"),
      COPBOT_DATA_DIR: dir,
      COPBOT_ENV_FILE: join(dir, ".env"),
      COPBOT_LOG_LEVEL: "info",
      // The health endpoints run as in production, on a port of their own.
      COPBOT_HEALTH_PORT: String(await freePort()),
      ...standIn.env,
    },
    stdio: ["pipe", "ignore", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    const ms = await new Promise<number>((resolve, reject) => {
      let err = "";
      child.stderr.on("data", (chunk: Buffer) => {
        err += chunk.toString();
        if (mode.ready.test(err)) resolve(performance.now() - started);
      });
      child.once("exit", (code) => reject(new Error(`copbot (${mode.name}) exited with ${code}: ${err}`)));
    });
    if (idleMs === undefined) return { ms };
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    // Through npm the copbot process is npm's child; the figure is copbot's own.
    return { ms, rss: rssMiB(child.pid ?? 0) };
  } finally {
    child.kill("SIGTERM");
    child.stdin.end();
    await exited;
    await standIn.close();
  }
}

/** Bare Node's own start, measured in the same run: how busy the machine is right now. */
function bareNodeMs(): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    spawnSync(process.execPath, ["-e", "0"]);
    times.push(performance.now() - started);
  }
  return percentile(
    times.sort((a, b) => a - b),
    50,
  );
}

/**
 * Cold start to ready (the median of fresh starts on an empty data directory, the database
 * created and migrated) and resident memory of an idle copbot, for the console and each
 * platform against its local stand-in; the compiled build as `npm start` runs it.
 */
export async function benchStart(): Promise<Row[]> {
  const rows: Row[] = [
    { metric: "start: bare Node (`node -e 0`), for scale", value: bareNodeMs(), unit: "ms" },
  ];
  for (const mode of MODES) {
    const times: number[] = [];
    let rss: number | undefined;
    for (let run = 0; run < RUNS; run++) {
      const dir = mkdtempSync(join(tmpdir(), "copbot-bench-start-"));
      try {
        const last = run === RUNS - 1;
        const result = await startOnce(mode, dir, last && mode.via === undefined ? IDLE_MS : undefined);
        times.push(result.ms);
        rss = result.rss ?? rss;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    times.sort((a, b) => a - b);
    rows.push({
      metric: `cold start to ready: ${mode.name}, median`,
      value: percentile(times, 50),
      unit: "ms",
      max: 1000,
    });
    if (rss !== undefined)
      rows.push({ metric: `idle resident memory: ${mode.name}`, value: rss, unit: "MiB", max: 90 });
  }
  return rows;
}
