import { PerformanceObserver, type PerformanceEntry } from "node:perf_hooks";
import type { MessageEvent } from "../src/core/events";
import type { App } from "../src/app";
import { findExperts } from "../src/qa/experts";
import { similarSolved } from "../src/qa/similar";
import { COMMUNITY, memberId, QA_CHANNELS } from "./dataset/generate";
import { DOMAINS } from "./dataset/lexicon";
import { Dice, pickDomain, questionText } from "./dataset/text";
import { virtualClock, type BenchPort, type CheckpointSpan } from "./community";
import { longestBlock, seeded, turn, type Gap } from "./measure";

const MINUTE = 60_000;

/** New questions as members would ask them: seeded, different from the stored history. */
export function benchQuestions(count: number, seed = 99): { asker: string; channel: string; text: string }[] {
  const dice = new Dice(seeded(seed));
  return Array.from({ length: count }, () => {
    const domain = DOMAINS[pickDomain(dice)] ?? DOMAINS[0];
    return {
      asker: memberId(COMMUNITY.experts + 1 + dice.int(COMMUNITY.members - COMMUNITY.experts)),
      channel: QA_CHANNELS[dice.int(QA_CHANNELS.length)] ?? QA_CHANNELS[0],
      text: domain ? questionText(dice, domain) : "Wie geht ihr mit der E-Akte um?",
    };
  });
}

export interface QuestionPathResult {
  /** Whole `bot.handle()` per question, sorted, in milliseconds. */
  readonly latencies: number[];
  /**
   * The CPU time this process spent on each question, sorted, in milliseconds: on a machine
   * shared with other work, wall time also counts the time other processes had the core.
   */
  readonly cpu: number[];
  /** The longest the event loop was blocked while questions were handled. */
  readonly longestStepMs: number;
  /** Per question, the longest the event loop was blocked while it was handled, sorted. */
  readonly steps: number[];
  /** What the long gaps held (`GAP_MS`): what to look at when the longest step is too long. */
  readonly gaps: GapCauses;
}

/** Gaps of the event loop longer than this are looked at one by one (the 5 ms). */
export const GAP_MS = 5;

/** The event loop's gaps over `GAP_MS` while questions were handled, and the garbage collections then. */
export interface GapCauses {
  readonly over: number;
  /** Gaps with a garbage collection inside (V8 stops the thread for part of each). */
  readonly withGc: number;
  /** Gaps without one that overlapped a checkpoint of the worker (its file-system syncs). */
  readonly withCheckpoint: number;
  /** The longest gap without a collection: file-system waits, the machine's other work, or our own code. */
  readonly longestWithoutGcMs: number;
  /** The longest garbage-collection pause, of any kind. */
  readonly longestGcMs: number;
}

/**
 * Sorts the gaps by what overlapped them: a garbage collection (its performance entry), else a
 * checkpoint of the worker.
 */
export function gapCauses(
  gaps: readonly Gap[],
  collections: readonly Pick<PerformanceEntry, "startTime" | "duration">[],
  checkpoints: readonly CheckpointSpan[] = [],
): GapCauses {
  const overlaps = (gap: Gap, start: number, ms: number): boolean =>
    start < gap.start + gap.ms && start + ms > gap.start;
  const held = (gap: Gap): boolean => collections.some((gc) => overlaps(gap, gc.startTime, gc.duration));
  const duringCheckpoint = (gap: Gap): boolean => checkpoints.some((c) => overlaps(gap, c.start, c.ms));
  const withGc = gaps.filter(held);
  const withoutGc = gaps.filter((gap) => !held(gap));
  return {
    over: gaps.length,
    withGc: withGc.length,
    withCheckpoint: withoutGc.filter(duringCheckpoint).length,
    longestWithoutGcMs: Math.max(0, ...withoutGc.map((gap) => gap.ms)),
    longestGcMs: Math.max(0, ...collections.map((gc) => gc.duration)),
  };
}

/**
 * Members ask in Q&A channels; each question goes through `bot.handle()` exactly as an adapter
 * delivers it: detection, similar solved questions, expert ranking, the reply queued and
 * delivered in the thread. The clock moves three minutes per question (a busy community).
 */
export async function benchQuestionPath(
  app: App,
  port: BenchPort,
  opts: { count: number; warmup: number; checkpoints?: readonly CheckpointSpan[] },
): Promise<QuestionPathResult> {
  const questions = benchQuestions(opts.count + opts.warmup);
  const clock = virtualClock(app);
  const latencies: number[] = [];
  const cpu: number[] = [];
  const steps: number[] = [];
  const before = port.threadPosts;
  const ask = async (i: number): Promise<void> => {
    const q = questions[i];
    if (!q) return;
    clock.advance(3 * MINUTE);
    const event: MessageEvent = {
      kind: "message",
      id: `bench:q${i}`,
      platform: "console",
      at: clock.now(),
      userId: q.asker,
      channelId: q.channel,
      isDm: false,
      messageId: `bench-q${i}`,
      text: q.text,
      mentionsBot: false,
    };
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await app.bot.handle(event);
    const used = process.cpuUsage(cpuBefore);
    if (i >= opts.warmup) {
      latencies.push(performance.now() - started);
      cpu.push((used.user + used.system) / 1000);
    }
    await turn();
  };
  // The first questions warm caches and prepare statements (start-up); they are not measured.
  for (let i = 0; i < opts.warmup; i++) await ask(i);
  // Each question is watched on its own (its longest step), and the whole run as well, with
  // the garbage collections meanwhile: they explain most long gaps.
  const collections: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => void collections.push(...list.getEntries()));
  observer.observe({ entryTypes: ["gc"] });
  const { longestMs, gaps } = await longestBlock(
    async () => {
      for (let i = opts.warmup; i < questions.length; i++)
        steps.push((await longestBlock(() => ask(i))).longestMs);
    },
    { gapsOverMs: GAP_MS },
  );
  // The last collections' entries arrive after a turn.
  await turn();
  collections.push(...observer.takeRecords());
  observer.disconnect();
  // Every question must have had its reply delivered in its thread, or the path measured nothing.
  const replies = port.threadPosts - before;
  if (replies < questions.length) {
    throw new Error(`only ${replies} of ${questions.length} questions got a reply in their thread`);
  }
  return {
    latencies: latencies.sort((a, b) => a - b),
    cpu: cpu.sort((a, b) => a - b),
    longestStepMs: longestMs,
    steps: steps.sort((a, b) => a - b),
    gaps: gapCauses(gaps, collections, opts.checkpoints),
  };
}

/**
 * The two expensive parts of the path on their own (each call rolled back, so nothing
 * accumulates), in wall time, and expert ranking also in CPU time of this process.
 */
export function benchQuestionParts(
  app: App,
  count: number,
): { similar: number[]; ranking: number[]; rankingCpu: number[] } {
  const { db } = app.bot.services;
  const questions = benchQuestions(count, 7);
  const similar: number[] = [];
  const ranking: number[] = [];
  const rankingCpu: number[] = [];
  for (const q of questions) {
    db.exec("SAVEPOINT bench");
    let started = performance.now();
    similarSolved(db, q.text, 3);
    similar.push(performance.now() - started);
    started = performance.now();
    const cpuBefore = process.cpuUsage();
    findExperts(app.bot.services, {
      text: q.text,
      exclude: [q.asker],
      limit: 3,
      purpose: "question",
      includeQuiet: true,
    });
    ranking.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    rankingCpu.push((used.user + used.system) / 1000);
    db.exec("ROLLBACK TO bench");
    db.exec("RELEASE bench");
  }
  const sorted = (values: number[]): number[] => values.sort((a, b) => a - b);
  return { similar: sorted(similar), ranking: sorted(ranking), rankingCpu: sorted(rankingCpu) };
}
