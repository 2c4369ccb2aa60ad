import { benchCore } from "./core";
import { benchQaSearch } from "./qa-search";
import { benchScheduler } from "./scheduler";
import type { Figure } from "./measure";
import { benchRuntime, printRow, recordRuntime } from "./runtime";

/** `npm run bench`: runs every benchmark and prints one line per figure (`-- --only=runtime` for those rows alone). */
async function main(): Promise<void> {
  const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
  const suites: [string, () => Promise<Figure[]>][] = [
    ["core", benchCore],
    ["qa", benchQaSearch],
    ["scheduler", benchScheduler],
  ];
  for (const [name, run] of suites) {
    if (only !== undefined && only !== name) continue;
    for (const figure of await run()) {
      process.stdout.write(
        `${name.padEnd(10)} ${figure.name.padEnd(48)} ${String(figure.value).padStart(10)} ${figure.unit}\n`,
      );
    }
  }
  if (only === undefined || only === "runtime") {
    const rows = await benchRuntime((row) =>
      process.stdout.write(`${"runtime".padEnd(10)} ${printRow(row)}\n`),
    );
    recordRuntime(rows);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
