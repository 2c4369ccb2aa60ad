import { readFileSync, writeFileSync } from "node:fs";
import { arch, cpus, loadavg, platform, totalmem } from "node:os";
import { join } from "node:path";

/** One line of the benchmark report. A row with a `limit` is a target that passes or fails. */
export interface Row {
  /** What is measured, e.g. "question path p50". */
  readonly metric: string;
  /** The knowledge-base size the row belongs to, e.g. "100k" (none for size-independent rows). */
  readonly size?: string;
  readonly value: number;
  readonly unit: string;
  /** The row passes when `value <= limit`. */
  readonly limit?: number;
  readonly pass?: boolean;
}

export interface Results {
  readonly machine: string;
  readonly node: string;
  /** The machine's 1-minute load average at the start and the end of the run (2 cores). */
  readonly load?: readonly [number, number];
  readonly rows: readonly Row[];
}

export const RESULTS_FILE = join(__dirname, "results.json");
const README = join(__dirname, "..", "README.md");
const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

/** A row, checked against its limit when it has one. */
export function row(
  metric: string,
  value: number,
  unit: string,
  opts: { size?: string; limit?: number } = {},
): Row {
  const rounded = Math.round(value * 1000) / 1000;
  return {
    metric,
    ...(opts.size !== undefined ? { size: opts.size } : {}),
    value: rounded,
    unit,
    ...(opts.limit !== undefined ? { limit: opts.limit, pass: rounded <= opts.limit } : {}),
  };
}

/** The 1-minute load average, rounded: other work on the machine slows every figure. */
export function load(): number {
  return Math.round((loadavg()[0] ?? 0) * 10) / 10;
}

export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()}/${arch()}`;
}

const fmt = (value: number): string =>
  value >= 100 ? Math.round(value).toLocaleString("en") : String(Math.round(value * 100) / 100);

function target(r: Row): string {
  return r.limit === undefined ? "" : `≤ ${fmt(r.limit)} ${r.unit}`;
}

function verdict(r: Row): string {
  return r.pass === undefined ? "" : r.pass ? "PASS" : "FAIL";
}

/** One printed line per row: what, size, value, target, PASS/FAIL. */
export function printRow(r: Row): string {
  const name = `${r.metric}${r.size ? ` @${r.size}` : ""}`;
  return `${name.padEnd(58)} ${`${fmt(r.value)} ${r.unit}`.padStart(14)}   ${target(r).padEnd(14)} ${verdict(r)}`;
}

export function writeResults(results: Results): void {
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
}

export function readResults(): Results {
  return JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as Results;
}

/** The README's benchmark section, built from the results: sized rows side by side, then the rest. */
export function readmeSection(results: Results): string {
  const sizes = [...new Set(results.rows.flatMap((r) => (r.size ? [r.size] : [])))];
  const metrics = [...new Set(results.rows.filter((r) => r.size).map((r) => r.metric))];
  const busy = results.load
    ? ` (load average ${results.load[0]} at the start, ${results.load[1]} at the end)`
    : "";
  const lines = [
    `Measured by \`npm run bench\` on ${results.machine}, Node ${results.node}${busy}; the table is`,
    "generated from [`bench/results.json`](bench/results.json).",
    "",
    `| benchmark | ${sizes.map((s) => `${s} solved`).join(" | ")} | target | result |`,
    `| --- | ${sizes.map(() => "---:").join(" | ")} | --- | --- |`,
  ];
  for (const metric of metrics) {
    const cells = sizes.map((size) => results.rows.find((r) => r.metric === metric && r.size === size));
    const gated = cells.filter((c): c is Row => c?.pass !== undefined);
    const unit = cells.find((c) => c)?.unit ?? "";
    const targets = [...new Set(gated.map((c) => target(c)))].join(", ");
    const result = gated.map((c) => `${verdict(c)} (${c.size ?? ""})`).join(", ");
    lines.push(
      `| ${metric} | ${cells.map((c) => (c ? `${fmt(c.value)} ${unit}` : "–")).join(" | ")} | ${targets} | ${result} |`,
    );
  }
  lines.push("", "| benchmark | figure | target | result |", "| --- | ---: | --- | --- |");
  for (const r of results.rows.filter((x) => !x.size)) {
    lines.push(`| ${r.metric} | ${fmt(r.value)} ${r.unit} | ${target(r)} | ${verdict(r)} |`);
  }
  return lines.join("\n");
}

/** Rewrites the marked benchmark section of the README from the results. */
export function updateReadme(results: Results): void {
  const readme = readFileSync(README, "utf8");
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} section`);
  const next = `${readme.slice(0, start + START.length)}\n${readmeSection(results)}\n${readme.slice(end)}`;
  writeFileSync(README, next);
}
