import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchCore } from "./core";
import { referenceWorkloadMs } from "./host-speed";
import { openCommunity } from "./community";
import { preparedDataset, workingCopy } from "./dataset/cache";
import { percentile } from "./measure";
import { measureRss } from "./memory";
import { benchQuestionParts, benchQuestionPath, GAP_MS } from "./question-path";
import {
  load,
  machine,
  printRow,
  readResults,
  row,
  updateReadme,
  writeResults,
  type Results,
  type Row,
} from "./results";
import { benchRuntime, benchSlackHttpAlone, printRow as printRuntimeRow, recordRuntime } from "./runtime";
import { benchScheduler } from "./scheduler";
import { benchSearch, benchSimilar, compactAtStart, recordFtsQueries } from "./search";

/** `--name=value` options: sizes to run, how many questions and searches, README only. */
function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

const SIZES = (option("sizes") ?? "1000,10000,100000").split(",").map(Number);
const QUESTIONS = Number(option("questions") ?? 1000);
const SEARCHES = Number(option("searches") ?? 500);
const ONLY = option("only");
/**
 * The size issue #12 sets its targets at (question path p50 and p99, longest step, search); the
 * other sizes are shown for comparison, and the growth row compares the smallest with it.
 */
const TARGET_SIZE = 100_000;
const label = (n: number): string => (n >= 1000 ? `${n / 1000}k` : String(n));
const log = (line: string): void => void process.stderr.write(`${line}\n`);

async function benchSize(solved: number, dir: string, emit: (r: Row) => void): Promise<number> {
  const dataset = preparedDataset(solved, log);
  const bytes = statSync(dataset.path).size;
  const size = label(solved);
  // The host's speed drifts within minutes: measured before each size's rows.
  emit(
    row("host speed: a fixed reference workload, before these rows", referenceWorkloadMs(), "ms", { size }),
  );
  const path = workingCopy(dataset, dir, `community-${solved}`);
  let fts: ReturnType<typeof recordFtsQueries> | undefined;
  const { app, port, checkpoints } = openCommunity(path, { onOpen: (db) => (fts = recordFtsQueries(db)) });
  const compaction = compactAtStart(app);
  emit(row("knowledge index compaction at the first maintenance", compaction.ms, "ms", { size }));
  emit(row("  CPU time of its longest slice", compaction.longestSliceCpuMs, "ms", { size }));
  let median = 0;
  const gated = solved === TARGET_SIZE;
  const target = (limit: number): { limit?: number } => (gated ? { limit } : {});
  if (ONLY !== "search") {
    const path_ = await benchQuestionPath(app, port, { count: QUESTIONS, warmup: 50, checkpoints });
    median = percentile(path_.latencies, 50);
    emit(row("question path p50", median, "ms", { size, ...target(2) }));
    emit(row("question path p99", percentile(path_.latencies, 99), "ms", { size, ...target(10) }));
    emit(row("  CPU time of this process per question p50", percentile(path_.cpu, 50), "ms", { size }));
    emit(row("  CPU time of this process per question p99", percentile(path_.cpu, 99), "ms", { size }));
    emit(
      row("longest synchronous step on the question path", path_.longestStepMs, "ms", { size, ...target(5) }),
    );
    emit(row("  longest synchronous step per question p50", percentile(path_.steps, 50), "ms", { size }));
    emit(row("  longest synchronous step per question p99", percentile(path_.steps, 99), "ms", { size }));
    emit(row(`  event-loop gaps over ${GAP_MS} ms`, path_.gaps.over, "gaps", { size }));
    emit(row("    of which held a garbage collection", path_.gaps.withGc, "gaps", { size }));
    emit(row("    of which, without one, fell in a checkpoint", path_.gaps.withCheckpoint, "gaps", { size }));
    emit(row("  longest gap without a garbage collection", path_.gaps.longestWithoutGcMs, "ms", { size }));
    emit(row("  longest garbage-collection pause", path_.gaps.longestGcMs, "ms", { size }));
    const parts = benchQuestionParts(app, Math.min(300, QUESTIONS));
    emit(row("  of which expert ranking p50", percentile(parts.ranking, 50), "ms", { size }));
    emit(row("  expert ranking, CPU time p50", percentile(parts.rankingCpu, 50), "ms", { size }));
    emit(row("  expert ranking, CPU time p99", percentile(parts.rankingCpu, 99), "ms", { size }));
    emit(row("  of which similar solved questions p50", percentile(parts.similar, 50), "ms", { size }));
  }
  const similar = benchSimilar(app, Math.min(1000, QUESTIONS));
  emit(row("similar solved questions, CPU time p50", percentile(similar, 50), "ms", { size }));
  emit(row("similar solved questions, CPU time p99", percentile(similar, 99), "ms", { size }));
  const search = await benchSearch(app, port, fts, { count: SEARCHES, warmup: 20 });
  // At 1k and 10k a fixed cost (the command, its reply through the outbox) outweighs FTS5
  // queries of a tenth of a millisecond: the ratio is a target at 100,000 only, as the issue says.
  const p50 = percentile(search.search, 50);
  const p99 = percentile(search.search, 99);
  const rawP50 = percentile(search.raw, 50);
  const rawP99 = percentile(search.raw, 99);
  emit(row("/cop search p50", p50, "ms", { size }));
  emit(row("/cop search p99", p99, "ms", { size, ...target(5) }));
  emit(row("raw FTS5 of the same queries p50", rawP50, "ms", { size }));
  emit(row("raw FTS5 of the same queries p99", rawP99, "ms", { size }));
  emit(row("/cop search ÷ raw FTS5, p50", p50 / Math.max(0.001, rawP50), "×", { size }));
  emit(
    row("/cop search ÷ raw FTS5, p99", p99 / Math.max(0.001, rawP99), "×", {
      size,
      ...target(3),
    }),
  );
  emit(row("  CPU time of this process per /cop search p50", percentile(search.cpu, 50), "ms", { size }));
  emit(row("  CPU time of this process per /cop search p99", percentile(search.cpu, 99), "ms", { size }));
  emit(
    row("  CPU time of the raw FTS5 queries per search p50", percentile(search.rawCpu, 50), "ms", { size }),
  );
  emit(
    row("  CPU time of the raw FTS5 queries per search p99", percentile(search.rawCpu, 99), "ms", { size }),
  );
  emit(row("database file", bytes / 2 ** 20, "MiB", { size }));
  emit(row("upgrade of the generated database to the current schema", dataset.migrateMs, "ms", { size }));
  app.db.close();
  return median;
}

/** 10,000 schedules: start-up, idle tick, catch-up after a weekend down. */
async function benchSchedulerRows(dir: string, emit: (r: Row) => void): Promise<void> {
  const scheduler = await benchScheduler(dir);
  emit(
    row(`start-up with ${scheduler.schedules.toLocaleString("en")} schedules`, scheduler.startupMs, "ms", {
      limit: 500,
    }),
  );
  emit(row("  CPU time of that start-up", scheduler.startupCpuMs, "ms"));
  emit(
    row(
      `idle tick, ${scheduler.pendingJobs.toLocaleString("en")} pending jobs, p99`,
      percentile(scheduler.idleTicks, 99),
      "ms",
      { limit: 1 },
    ),
  );
  emit(row("  CPU time of an idle tick p50", percentile(scheduler.idleTicksCpu, 50), "ms"));
  emit(row("  CPU time of an idle tick p99", percentile(scheduler.idleTicksCpu, 99), "ms"));
  emit(row("hourly maintenance in those hours: ticks", scheduler.maintenanceTicks.length, "ticks"));
  emit(
    row("  its tick, batches and turns between them, p50", percentile(scheduler.maintenanceTicks, 50), "ms"),
  );
  emit(row("  its longest synchronous slice", scheduler.maintenanceSlices.at(-1) ?? 0, "ms"));
  emit(
    row(
      `catch-up of ${scheduler.dueJobs.toLocaleString("en")} due jobs: longest event wait`,
      scheduler.eventWaits[scheduler.eventWaits.length - 1] ?? 0,
      "ms",
      { limit: 50 },
    ),
  );
  emit(row("catch-up: events handled meanwhile", scheduler.eventWaits.length, "events"));
  emit(
    row(
      "catch-up: longest wait until a reply was delivered (behind queued reminders)",
      scheduler.deliveryWaits[scheduler.deliveryWaits.length - 1] ?? 0,
      "ms",
    ),
  );
  emit(row("catch-up: duration", scheduler.catchUpMs, "ms"));
  emit(
    row(
      "catch-up: CPU time per due job (commands meanwhile included)",
      scheduler.catchUpCpuMs / Math.max(1, scheduler.dueJobs),
      "ms",
    ),
  );
  emit(row("catch-up: longest blocked event loop", scheduler.longestBlockMs, "ms"));
  emit(
    row(
      "  most CPU time of this process between two turns of the event loop",
      scheduler.longestBlockCpuMs,
      "ms",
    ),
  );
}

/** Resident memory of copbot, started like `npm start`, serving the largest community. */
async function benchMemoryRows(dir: string, emit: (r: Row) => void, largest: number): Promise<void> {
  const full = preparedDataset(largest);
  const memory = await measureRss(workingCopy(full, dir, "memory"));
  const serving = `copbot serving the ${label(largest)} community (compiled, as \`npm start\` runs it)`;
  emit(row(`resident memory, ${serving}`, memory.rssMiB, "MiB", { limit: 120 }));
  emit(row("  of which before the first event (code and libraries)", memory.startMiB, "MiB"));
  emit(row("  peak resident memory of that process", memory.peakRssMiB, "MiB"));
  emit(row("  of the resident memory: file pages (node binary, libraries)", memory.parts.fileMiB, "MiB"));
  emit(
    row(
      "  of the resident memory: malloc's main heap (SQLite's page cache, native code)",
      memory.parts.mallocMiB,
      "MiB",
    ),
  );
  emit(
    row(
      "  of the resident memory: other anonymous (V8's heap and code, helper threads)",
      memory.parts.otherAnonMiB,
      "MiB",
    ),
  );
}

/** The scale benchmarks: every figure with its target; results.json; the README table. */
async function benchScale(): Promise<void> {
  if (process.argv.includes("--readme")) {
    updateReadme(readResults());
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "copbot-bench-"));
  const loadAtStart = load();
  const rows: Row[] = [];
  const emit = (r: Row): void => {
    rows.push(r);
    process.stdout.write(`${printRow(r)}\n`);
  };
  try {
    const medians = new Map<number, number>();
    const bytes = new Map<number, number>();
    for (const solved of SIZES) {
      medians.set(solved, await benchSize(solved, dir, emit));
      bytes.set(solved, statSync(preparedDataset(solved).path).size);
    }
    // The search rows alone are a partial run: printed, not recorded.
    if (ONLY === "search") return;
    const smallest = Math.min(...SIZES);
    const largest = Math.max(...SIZES);
    if (largest > smallest) {
      const growth = (medians.get(largest) ?? 0) / Math.max(0.001, medians.get(smallest) ?? 0);
      emit(row(`question path p50 growth ${label(smallest)} → ${label(largest)}`, growth, "×", { limit: 2 }));
      const perQuestion = ((bytes.get(largest) ?? 0) - (bytes.get(smallest) ?? 0)) / (largest - smallest);
      emit(row("database size per solved question", perQuestion / 1024, "KiB"));
    }
    await benchSchedulerRows(dir, emit);
    await benchMemoryRows(dir, emit, largest);
    for (const figure of await benchCore()) emit(row(figure.name, figure.value, figure.unit));
    emit(row("host speed: a fixed reference workload, at the end of the run", referenceWorkloadMs(), "ms"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const results: Results = {
    machine: machine(),
    node: process.versions.node,
    load: [loadAtStart, load()],
    rows,
  };
  writeResults(results);
  updateReadme(results);
  const failed = rows.filter((r) => r.pass === false);
  process.stdout.write(
    `\n${failed.length === 0 ? "all targets met" : `${failed.length} target(s) missed`}\n`,
  );
}

/**
 * `--only=scheduler` or `--only=memory`: those rows alone, printed, written nowhere (a partial
 * run must not replace the full results the README's table comes from).
 */
async function benchPart(part: "scheduler" | "memory"): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "copbot-bench-"));
  const emit = (r: Row): void => void process.stdout.write(`${printRow(r)}\n`);
  try {
    if (part === "scheduler") await benchSchedulerRows(dir, emit);
    else await benchMemoryRows(dir, emit, Math.max(...SIZES));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `npm run bench`: the scale benchmarks (bench/results.json), then the runtime's (start-up,
 * memory, the Slack HTTP path, the rate-limited fan-out; bench/runtime-results.json), each with
 * its README table. `--only=runtime` runs the runtime's alone, `--only=scale` the others,
 * `--only=search` only the search rows of each size; `--only=scheduler`, `--only=memory` and
 * `--only=slack-http` those rows alone (all printed, not recorded).
 */
async function main(): Promise<void> {
  // `--readme` only rewrites the scale table from its results.
  if (process.argv.includes("--readme")) return benchScale();
  if (ONLY === "scheduler" || ONLY === "memory") return benchPart(ONLY);
  if (ONLY === "slack-http") {
    for (const r of await benchSlackHttpAlone()) process.stdout.write(`${printRuntimeRow(r)}\n`);
    return;
  }
  if (ONLY !== "runtime") await benchScale();
  if (ONLY === undefined || ONLY === "runtime") {
    const rows = await benchRuntime((r) =>
      process.stdout.write(`${"runtime".padEnd(10)} ${printRuntimeRow(r)}\n`),
    );
    recordRuntime(rows);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
