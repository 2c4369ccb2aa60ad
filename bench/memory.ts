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

/** Where a process's resident memory is, in MiB (informational: see `memoryOf`). */
export interface MemoryParts {
  /** Pages of the node binary and the libraries mapped from files. */
  readonly fileMiB: number;
  /** malloc's main heap: SQLite's page cache and statements, native libraries, small buffers. */
  readonly mallocMiB: number;
  /** Other anonymous memory: V8's heap and code, the malloc arenas of V8's helper threads. */
  readonly otherAnonMiB: number;
}

/**
 * Resident memory (`VmRSS`) and its peak (`VmHWM`) of a process, from the kernel's own account,
 * and its parts: file pages (`RssFile`), and of the anonymous memory (`RssAnon`) the main heap
 * that `brk` grows (`[heap]` in smaps) apart from the rest.
 */
function memoryOf(pid: number): { rssMiB: number; peakRssMiB: number; parts: MemoryParts } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field: string): number =>
    Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? NaN);
  const smaps = readFileSync(`/proc/${pid}/smaps`, "utf8");
  const heap = smaps.slice(smaps.indexOf(" [heap]\n"));
  const heapKib = Number(/^Rss:\s+(\d+)/m.exec(heap)?.[1] ?? 0);
  const parts = {
    fileMiB: kib("RssFile") / 1024,
    mallocMiB: heapKib / 1024,
    otherAnonMiB: (kib("RssAnon") - heapKib) / 1024,
  };
  return { rssMiB: kib("VmRSS") / 1024, peakRssMiB: kib("VmHWM") / 1024, parts };
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
 * questions and 100 searches typed into it — then, and at its peak, with its parts then.
 */
export async function measureRss(
  dbPath: string,
): Promise<{ startMiB: number; rssMiB: number; peakRssMiB: number; parts: MemoryParts }> {
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
