import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/** The project root: where package.json and dist/ are. */
const ROOT = join(__dirname, "..", "..");

/**
 * The command line of `npm start` from package.json (`node dist/src/main.js`, the compiled
 * build that `test/support/build.ts` brings up to date before the suites run), with this Node
 * binary, so a test runs exactly what `npm start` runs.
 */
export function startCommand(): { command: string; args: string[] } {
  const pkg = z
    .object({ scripts: z.object({ start: z.string() }) })
    .parse(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")));
  const [node, ...rest] = pkg.scripts.start.split(/\s+/);
  if (node !== "node") throw new Error(`unexpected start script: ${pkg.scripts.start}`);
  return {
    command: process.execPath,
    args: rest.map((arg) => (arg.endsWith(".js") ? join(ROOT, arg) : arg)),
  };
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
  /** Runs it on a pseudo-terminal (util-linux `script`), as a person at a terminal does. */
  terminal?: boolean;
  timeoutMs?: number;
}): CopbotRun {
  const start =
    opts.via === "npm" ? { command: "npm", args: ["start", "--silent", "--prefix", ROOT] } : startCommand();
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
