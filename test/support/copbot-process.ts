import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { z } from "zod";

/** The project root: where package.json and dist/ are. */
const ROOT = join(__dirname, "..", "..");

/** The npm scripts that run copbot's compiled build. */
export type CopbotScript = "start" | "export";

/**
 * The command line of an npm script from package.json (`start`: `node dist/src/main.js`, the
 * compiled build that `test/support/build.ts` brings up to date before the suites run), with
 * this Node binary, so a test runs exactly what `npm start` runs, without npm's own start-up.
 */
export function scriptCommand(script: CopbotScript): { command: string; args: string[] } {
  const pkg = z
    .object({ scripts: z.record(z.string(), z.string()) })
    .parse(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")));
  const line = pkg.scripts[script] ?? "";
  const [node, ...rest] = line.split(/\s+/);
  if (node !== "node") throw new Error(`unexpected ${script} script: ${line}`);
  return {
    command: process.execPath,
    args: rest.map((arg) => (arg.endsWith(".js") ? join(ROOT, arg) : arg)),
  };
}

/** The command line of `npm start` (see `scriptCommand`). */
export function startCommand(): { command: string; args: string[] } {
  return scriptCommand("start");
}

/**
 * copbot's environment for a run in `dir`: its own database, no .env of the developer's, and
 * no health endpoints unless a test asks (two runs would want the same default port).
 */
function environment(dir: string, env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    COPBOT_DB: join(dir, "data", "copbot.db"),
    COPBOT_ENV_FILE: join(dir, ".env"),
    COPBOT_LOG_LEVEL: "warn",
    COPBOT_HEALTH_PORT: "off",
    ...env,
  };
}

export interface CopbotRun {
  readonly code: number | null;
  readonly out: string;
  /** stderr without npm's own warnings about the machine's npmrc. */
  readonly err: string;
}

/**
 * Runs copbot to the end of its input, in `dir`, as a user runs it: `via: "npm"` through the
 * real `npm start` (or `npm run export`), otherwise the same command line without npm in
 * between (faster). `script` is `start` unless given; `args` follow the script's own.
 */
export function runCopbot(opts: {
  dir: string;
  input: string;
  env?: Record<string, string>;
  via?: "npm" | "node";
  script?: CopbotScript;
  args?: readonly string[];
  /** Runs it on a pseudo-terminal (util-linux `script`), as a person at a terminal does. */
  terminal?: boolean;
  timeoutMs?: number;
}): CopbotRun {
  const script = opts.script ?? "start";
  const extra = opts.args ?? [];
  const direct = scriptCommand(script);
  const start =
    opts.via === "npm"
      ? {
          command: "npm",
          args: [
            ...(script === "start" ? ["start"] : ["run", script]),
            ...["--silent", "--prefix", ROOT],
            ...(extra.length > 0 ? ["--", ...extra] : []),
          ],
        }
      : { command: direct.command, args: [...direct.args, ...extra] };
  const { command, args } = opts.terminal ? onTerminal(start) : start;
  const result = spawnSync(command, args, {
    cwd: opts.dir,
    input: opts.input,
    encoding: "utf8",
    timeout: opts.timeoutMs ?? 60_000,
    env: environment(opts.dir, opts.env ?? {}),
  });
  const err = result.stderr
    .split("\n")
    .filter((line) => !line.startsWith("npm warn"))
    .join("\n");
  return { code: result.status, out: result.stdout, err };
}

/** The same command under `script`, whose pseudo-terminal is copbot's stdin and stdout. */
function onTerminal(start: { command: string; args: string[] }): { command: string; args: string[] } {
  const quote = (word: string) => `'${word.replace(/'/g, "'\\''")}'`;
  return {
    command: "script",
    args: ["-qfec", [start.command, ...start.args].map(quote).join(" "), "/dev/null"],
  };
}

/** A copbot process started with `startCopbot`, with its output collected. */
export interface CopbotProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * The processes `startCopbot` started that have not ended. A test that fails before it stops
 * its process would otherwise leave copbot running after the test run (a platform keeps it
 * alive, and its pipes keep the test process alive), on a machine other runs share. They are
 * killed when the test runner lets go of its worker (`disconnect`) or the worker exits.
 */
const running = new Set<ChildProcess>();
const killRunning = (): void => {
  for (const child of running) child.kill("SIGKILL");
};
process.on("disconnect", killRunning);
process.on("exit", killRunning);

/**
 * Starts copbot in `dir` and leaves it running (a platform configured, or the console reading
 * `stdin` when given, else an open pipe); the caller stops it. `wrap` runs it under another
 * command (`unshare --pid --fork`).
 */
export function startCopbot(opts: {
  dir: string;
  env: Record<string, string>;
  wrap?: readonly string[];
  stdin?: string;
}): CopbotProcess {
  const { command, args } = startCommand();
  const [program = "", ...rest] = [...(opts.wrap ?? []), command, ...args];
  const child = spawn(program, rest, {
    cwd: opts.dir,
    env: environment(opts.dir, opts.env),
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
  if (opts.stdin !== undefined) child.stdin.end(opts.stdin);
  running.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("close", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, pid: child.pid ?? 0, stdout: () => out, stderr: () => err, exited };
}

/** A local TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** Polls `check` every 20 ms until it holds (fails after `ms`). */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 20_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
