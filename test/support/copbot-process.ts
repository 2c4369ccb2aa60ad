import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

/** A real copbot process (`src/main.ts`, as `npm start` runs it) with its output collected. */
export interface CopbotProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Everything written so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts copbot in `dir` with `env` on top of a quiet default environment (no `.env`, health
 * endpoints off unless set). `wrap` runs it under another command (e.g. `unshare`).
 */
export function startCopbot(
  dir: string,
  env: Record<string, string>,
  opts: { wrap?: readonly string[]; stdin?: string } = {},
): CopbotProcess {
  const argv = [process.execPath, "--import", require.resolve("tsx"), join(process.cwd(), "src", "main.ts")];
  const [command = "", ...args] = [...(opts.wrap ?? []), ...argv];
  const child = spawn(command, args, {
    cwd: dir,
    env: {
      ...process.env,
      COPBOT_DB: join(dir, "copbot.db"),
      COPBOT_DATA_DIR: dir,
      COPBOT_ENV_FILE: join(dir, ".env"),
      COPBOT_LOG_LEVEL: "warn",
      COPBOT_HEALTH_PORT: "off",
      ...env,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
  child.stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
  if (opts.stdin !== undefined) child.stdin.end(opts.stdin);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("close", (code, signal) => resolve({ code, signal })),
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
