import { spawnSync } from "node:child_process";
import { openCommunity } from "./community";
import { benchQuestionPath } from "./question-path";
import { benchSearch, recordFtsQueries } from "./search";

/**
 * Peak resident memory of a fresh copbot process (started like `npm start`, through tsx) that
 * opens the full community and answers questions and searches. Runs in a child process so
 * the generator and the other benchmarks do not count.
 */
export function measurePeakRss(dbPath: string): number {
  const child = spawnSync(process.execPath, ["--import", "tsx", __filename, dbPath], {
    encoding: "utf8",
    env: { ...process.env, COPBOT_BENCH_CHILD: "memory" },
  });
  if (child.status !== 0) throw new Error(`memory benchmark failed: ${child.stderr}`);
  const parsed = JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}") as { peakRssMiB?: number };
  if (parsed.peakRssMiB === undefined) throw new Error(`memory benchmark printed nothing: ${child.stdout}`);
  return parsed.peakRssMiB;
}

async function child(dbPath: string): Promise<void> {
  const { app, port } = openCommunity(dbPath);
  await benchQuestionPath(app, port, { count: 300, warmup: 0 });
  await benchSearch(app, port, recordFtsQueries(app.db), { count: 100, warmup: 0 });
  app.db.close();
  // maxRSS is in KiB.
  process.stdout.write(`${JSON.stringify({ peakRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
}

if (process.env.COPBOT_BENCH_CHILD === "memory" && process.argv[2]) {
  child(process.argv[2]).catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  });
}
