import { spawnSync } from "node:child_process";
import { openCommunity } from "./community";
import { benchQuestionPath } from "./question-path";
import { benchSearch, recordFtsQueries } from "./search";

/**
 * Resident memory of a fresh copbot process (started like `npm start`, through tsx) that opens
 * the full community and answers questions and searches: afterwards, and at its peak. Runs in
 * a child process so the generator and the other benchmarks do not count.
 */
export function measureRss(dbPath: string): { startMiB: number; rssMiB: number; peakRssMiB: number } {
  const child = spawnSync(process.execPath, ["--import", "tsx", __filename, dbPath], {
    encoding: "utf8",
    env: { ...process.env, COPBOT_BENCH_CHILD: "memory" },
  });
  if (child.status !== 0) throw new Error(`memory benchmark failed: ${child.stderr}`);
  const parsed = JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}") as {
    startMiB?: number;
    rssMiB?: number;
    peakRssMiB?: number;
  };
  if (parsed.startMiB === undefined || parsed.rssMiB === undefined || parsed.peakRssMiB === undefined)
    throw new Error(`memory benchmark printed nothing: ${child.stdout}`);
  return { startMiB: parsed.startMiB, rssMiB: parsed.rssMiB, peakRssMiB: parsed.peakRssMiB };
}

async function child(dbPath: string): Promise<void> {
  const { app, port } = openCommunity(dbPath);
  const startMiB = process.memoryUsage().rss / 2 ** 20;
  await benchQuestionPath(app, port, { count: 300, warmup: 0 });
  await benchSearch(app, port, recordFtsQueries(app.db), { count: 100, warmup: 0 });
  const rssMiB = process.memoryUsage().rss / 2 ** 20;
  app.db.close();
  // maxRSS is in KiB.
  process.stdout.write(
    `${JSON.stringify({ startMiB, rssMiB, peakRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
}

if (process.env.COPBOT_BENCH_CHILD === "memory" && process.argv[2]) {
  child(process.argv[2]).catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  });
}
