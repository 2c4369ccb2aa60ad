import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openCommunity } from "../../bench/community";
import { generateDataset } from "../../bench/dataset/generate";
import { benchQuestionParts, benchQuestionPath, gapCauses } from "../../bench/question-path";
import { readmeSection, row } from "../../bench/results";
import { referenceWorkloadMs } from "../../bench/host-speed";
import { benchScheduler } from "../../bench/scheduler";
import { benchSearch, benchSimilar, compactAtStart, recordFtsQueries } from "../../bench/search";

/**
 * `npm run bench` measures a 5,000-member community with up to 100,000 solved questions; here
 * the same code runs on a tiny one, so the benchmark keeps working. Nothing is timed.
 */
describe("benchmark (smoke run on a tiny community)", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "copbot-bench-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("generates a community, answers questions through bot.handle(), searches and catches up jobs", async () => {
    const path = join(dir, "community.db");
    generateDataset(path, 120, () => {}, {
      members: 60,
      organisations: 5,
      experts: 25,
      schedules: 6,
      groups: 3,
    });
    let fts: ReturnType<typeof recordFtsQueries> | undefined;
    const { app, port } = openCommunity(path, { onOpen: (db) => (fts = recordFtsQueries(db)) });
    expect(compactAtStart(app).ms).toBeGreaterThanOrEqual(0);
    const questions = await benchQuestionPath(app, port, { count: 6, warmup: 1 });
    expect(questions.latencies).toHaveLength(6);
    expect(questions.cpu).toHaveLength(6);
    expect(benchQuestionParts(app, 3).ranking).toHaveLength(3);
    expect(benchSimilar(app, 3)).toHaveLength(3);
    const search = await benchSearch(app, port, fts, { count: 4, warmup: 1 });
    expect(search.raw).toHaveLength(4);
    // The floor runs the search's own statements: the very SQL text, with its parameters.
    expect(fts?.calls.length).toBeGreaterThan(0);
    expect(fts?.calls.every((c) => /\sMATCH\s/.test(c.sql) && c.args.length > 0)).toBe(true);
    app.db.close();
    const scheduler = await benchScheduler(dir, 30);
    expect(scheduler.dueJobs).toBeGreaterThan(0);
    expect(scheduler.eventWaits.length).toBeGreaterThan(0);
    // The hourly maintenance's ticks are timed apart from the idle ones (one a minute, 500).
    expect(scheduler.maintenanceTicks.length).toBeGreaterThan(0);
    expect(scheduler.idleTicks.length + scheduler.maintenanceTicks.length).toBe(500);
    const section = readmeSection({
      machine: "test",
      node: process.versions.node,
      rows: [
        row("question path p50", 1.5, "ms", { size: "1k", limit: 2 }),
        row("start-up", 900, "ms", { limit: 500 }),
      ],
    });
    expect(section).toContain("| question path p50 | 1.5 ms | ≤ 2 ms | PASS (1k) |");
    expect(section).toContain("| start-up | 900 ms | ≤ 500 ms | FAIL |");
  });

  it("tells the long gaps of the event loop by what overlapped them: a garbage collection, else a checkpoint", () => {
    const gaps = [
      { start: 100, ms: 6 },
      { start: 200, ms: 9 },
      { start: 300, ms: 7 },
    ];
    // One collection inside the first gap, one overlapping the third's start, one in no gap.
    const collections = [
      { startTime: 102, duration: 3 },
      { startTime: 298, duration: 4 },
      { startTime: 250, duration: 1 },
    ];
    // A checkpoint over the second gap (no collection there) and over the first (it held one).
    const checkpoints = [
      { start: 95, ms: 10 },
      { start: 205, ms: 20 },
    ];
    expect(gapCauses(gaps, collections, checkpoints)).toEqual({
      over: 3,
      withGc: 2,
      withCheckpoint: 1,
      longestWithoutGcMs: 9,
      longestGcMs: 4,
    });
    expect(gapCauses(gaps, collections).withCheckpoint).toBe(0);
    expect(gapCauses([], [])).toEqual({
      over: 0,
      withGc: 0,
      withCheckpoint: 0,
      longestWithoutGcMs: 0,
      longestGcMs: 0,
    });
  });

  it("times the fixed reference workload that tells a slow hour of the host from a slow change", () => {
    const ms = referenceWorkloadMs();
    expect(Number.isFinite(ms)).toBe(true);
    expect(ms).toBeGreaterThan(0);
  });
});
