import { spawnSync } from "node:child_process";
import { join } from "node:path";

/**
 * Jest's global setup: the suites that start copbot as a process run the compiled build, as
 * `npm start` does, so it is brought up to date once per test run (a few milliseconds when
 * nothing changed, e.g. right after `npm ci`, which builds it).
 */
export default function build(): void {
  const result = spawnSync(
    process.execPath,
    [join(__dirname, "..", "..", "scripts", "build.cjs"), "--if-stale"],
    {
      stdio: "inherit",
    },
  );
  if (result.status !== 0) throw new Error("the build for the process tests failed (scripts/build.cjs)");
}
