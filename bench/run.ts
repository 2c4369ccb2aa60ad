import { benchCore } from "./core";
import { benchQaSearch } from "./qa-search";
import { benchScheduler } from "./scheduler";
import type { Figure } from "./measure";

/** `npm run bench`: runs every benchmark and prints one line per figure. */
async function main(): Promise<void> {
  const suites: [string, () => Promise<Figure[]>][] = [
    ["core", benchCore],
    ["qa", benchQaSearch],
    ["scheduler", benchScheduler],
  ];
  for (const [name, run] of suites) {
    for (const figure of await run()) {
      process.stdout.write(
        `${name.padEnd(10)} ${figure.name.padEnd(48)} ${String(figure.value).padStart(10)} ${figure.unit}\n`,
      );
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
