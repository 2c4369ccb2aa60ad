import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startCommand } from "../test/support/copbot-process";
import { NOW } from "./dataset/generate";
import { benchQuestions } from "./question-path";
import { searchQueries } from "./search";

const QUESTIONS = 300;
const SEARCHES = 100;
/** The last input line; once copbot has printed it, everything before it has been handled. */
const END_MARK = "bench-ende";

/** Resident memory (`VmRSS`) and its peak (`VmHWM`) of a process, from the kernel's own account. */
function memoryOf(pid: number): { rssMiB: number; peakRssMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field: string): number =>
    Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? NaN);
  return { rssMiB: kib("VmRSS") / 1024, peakRssMiB: kib("VmHWM") / 1024 };
}

/** What the console reads: each question asked by its member in its channel, then the searches. */
function input(): string {
  const lines: string[] = [];
  for (const q of benchQuestions(QUESTIONS)) {
    lines.push(
      `:as ${q.asker.replace(/^console:/, "")}`,
      `:in #${q.channel.replace(/^console:/, "")}`,
      q.text,
    );
  }
  lines.push(":as m0001", ":in #allgemein");
  for (const query of searchQueries(SEARCHES)) lines.push(`/cop search ${query}`);
  lines.push(END_MARK, "");
  return lines.join("\n");
}

/**
 * Resident memory of copbot started exactly as `npm start` starts it (the compiled build, the
 * same node flags), in the console on the community database at `dbPath`, on a virtual clock
 * at the dataset's time: when it is ready (code and libraries), and after it answered 300
 * questions and 100 searches typed into it — then, and at its peak.
 */
export async function measureRss(
  dbPath: string,
): Promise<{ startMiB: number; rssMiB: number; peakRssMiB: number }> {
  const dir = mkdtempSync(join(tmpdir(), "copbot-bench-memory-"));
  const { command, args } = startCommand();
  const child = spawn(command, args, {
    cwd: dir,
    env: {
      ...process.env,
      COPBOT_DB: dbPath,
      COPBOT_ENV_FILE: join(dir, ".env"),
      COPBOT_CLOCK: "virtual",
      COPBOT_START: NOW.toISOString(),
      COPBOT_LOG_LEVEL: "warn",
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let out = "";
  let err = "";
  const seen = (test: () => boolean, what: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (!test()) return;
        child.stdout.off("data", check);
        child.stderr.off("data", check);
        resolve();
      };
      child.stdout.on("data", check);
      child.stderr.on("data", check);
      void exited.then((code) => reject(new Error(`copbot exited (${code}) before ${what}: ${err}`)));
      check();
    });
  child.stdout.on("data", (chunk: Buffer) => void (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => void (err += chunk.toString()));
  try {
    await seen(() => /copbot ist bereit/.test(err), "it was ready");
    await new Promise((resolve) => setTimeout(resolve, 500));
    const startMiB = memoryOf(child.pid ?? 0).rssMiB;
    child.stdin.write(input());
    await seen(() => out.includes(`: ${END_MARK}`), "it had read everything");
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { startMiB, ...memoryOf(child.pid ?? 0) };
  } finally {
    child.stdin.end();
    child.kill("SIGTERM");
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}
