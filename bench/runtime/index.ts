import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { arch, cpus, platform, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { benchReminderFanOut } from "./fan-out";
import { benchSlackHttp } from "./slack-http";
import { benchStart } from "./start";
import { passes, type Row } from "./support";

const RESULTS = join(__dirname, "..", "runtime-results.json");
const README = join(__dirname, "..", "..", "README.md");
const START = "<!-- bench-runtime:start -->";
const END = "<!-- bench-runtime:end -->";

const fmt = (value: number): string =>
  value >= 100 ? Math.round(value).toLocaleString("en") : String(Math.round(value * 100) / 100);

const target = (row: Row): string =>
  row.max !== undefined
    ? `≤ ${fmt(row.max)} ${row.unit}`
    : row.min !== undefined
      ? `≥ ${fmt(row.min)} ${row.unit}`
      : "";

const verdict = (row: Row): string =>
  ({ true: "PASS", false: "FAIL", undefined: "" })[String(passes(row))] ?? "";

/** One printed line: what, figure, target, PASS/FAIL. */
export function printRow(row: Row): string {
  return `${row.metric.padEnd(64)} ${`${fmt(row.value)} ${row.unit}`.padStart(14)}   ${target(row).padEnd(14)} ${verdict(row)}`;
}

/** The runtime benchmarks (start, memory, Slack HTTP path, rate-limited fan-out), each row printed as it comes. */
export async function benchRuntime(emit: (row: Row) => void): Promise<Row[]> {
  const rows: Row[] = [];
  const add = (row: Row) => {
    rows.push(row);
    emit(row);
  };
  const dir = mkdtempSync(join(tmpdir(), "copbot-bench-runtime-"));
  try {
    for (const row of await benchStart()) add(row);
    for (const row of await benchSlackHttp(dir)) add(row);
    for (const row of await benchReminderFanOut(dir)) add(row);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** The Slack HTTP rows alone (`npm run bench -- --only=slack-http`), for work on that path. */
export async function benchSlackHttpAlone(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), "copbot-bench-slack-"));
  try {
    return await benchSlackHttp(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${platform()}/${arch()}`;
}

/** What `npm run bench` records: where it ran and every row with its verdict. */
export interface Results {
  readonly machine: string;
  readonly node: string;
  readonly rows: readonly Row[];
}

/** The README's runtime benchmark table, from the recorded results. */
export function readmeTable(results: Results): string {
  return [
    `Measured by \`npm run bench\` on ${results.machine}, Node ${results.node}, from`,
    "[`bench/runtime-results.json`](bench/runtime-results.json):",
    "",
    "| benchmark | figure | target | result |",
    "| --- | ---: | --- | --- |",
    ...results.rows.map(
      (row) => `| ${row.metric} | ${fmt(row.value)} ${row.unit} | ${target(row)} | ${verdict(row)} |`,
    ),
  ].join("\n");
}

/** The README with its runtime benchmark section replaced by `table`. */
export function withReadmeTable(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} section`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

/** Writes the rows to bench/runtime-results.json (with the machine, the Node version and each verdict) and the README table. */
export function recordRuntime(rows: readonly Row[]): void {
  const results: Results = {
    machine: machine(),
    node: process.versions.node,
    rows: rows.map((row) => ({ ...row, ...(passes(row) !== undefined ? { pass: passes(row) } : {}) })),
  };
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(README, withReadmeTable(readFileSync(README, "utf8"), readmeTable(results)));
}

/** The results last recorded. */
export function recordedRuntime(): Results {
  return JSON.parse(readFileSync(RESULTS, "utf8")) as Results;
}
