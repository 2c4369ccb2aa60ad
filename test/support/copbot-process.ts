import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/** The project root: where package.json and src/main.ts are. */
const ROOT = join(__dirname, "..", "..");

/**
 * The command line of `npm start` from package.json (`node --import tsx src/main.ts`), with
 * this Node binary and tsx resolved, so a test runs exactly what `npm start` runs.
 */
function startCommand(): { command: string; args: string[] } {
  const pkg = z
    .object({ scripts: z.object({ start: z.string() }) })
    .parse(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")));
  const [node, ...rest] = pkg.scripts.start.split(/\s+/);
  if (node !== "node") throw new Error(`unexpected start script: ${pkg.scripts.start}`);
  const args = rest.map((arg, i) =>
    rest[i - 1] === "--import" ? require.resolve(arg) : arg.endsWith(".ts") ? join(ROOT, arg) : arg,
  );
  return { command: process.execPath, args };
}

/** copbot's environment for a run in `dir`: its own database, no .env of the developer's. */
function environment(dir: string, env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    COPBOT_DB: join(dir, "data", "copbot.db"),
    COPBOT_ENV_FILE: join(dir, ".env"),
    COPBOT_LOG_LEVEL: "warn",
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
 * real `npm start`, otherwise the same command line without npm in between (faster).
 */
export function runCopbot(opts: {
  dir: string;
  input: string;
  env?: Record<string, string>;
  via?: "npm" | "node";
  timeoutMs?: number;
}): CopbotRun {
  const { command, args } =
    opts.via === "npm" ? { command: "npm", args: ["start", "--silent", "--prefix", ROOT] } : startCommand();
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

/** Starts copbot as a server (a platform configured) in `dir`; the caller stops it. */
export function startCopbot(opts: { dir: string; env: Record<string, string> }): {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
} {
  const { command, args } = startCommand();
  const child = spawn(command, args, {
    cwd: opts.dir,
    env: environment(opts.dir, opts.env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, stderr: () => stderr, exited };
}
