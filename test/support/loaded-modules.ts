import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Makes a copbot process record the files it loaded: returns the environment that preloads a
 * tiny recorder (written into `dir`) and a reader for what it wrote when the process exited.
 */
export function recordLoadedModules(dir: string): { env: Record<string, string>; loaded: () => string[] } {
  const recorder = join(dir, "record-modules.cjs");
  const out = join(dir, "loaded-modules.json");
  writeFileSync(
    recorder,
    `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(out)}, JSON.stringify(Object.keys(require.cache))));\n`,
  );
  return {
    env: { NODE_OPTIONS: `--require ${recorder}` },
    loaded: () => JSON.parse(readFileSync(out, "utf8")) as string[],
  };
}

/** The build's own bundle of the Matrix SDK (scripts/build.cjs), which stands for the package. */
const MATRIX_SDK_BUNDLE = /dist\/src\/matrix-sdk\.js$/;

/** The npm packages among loaded files (`@slack/bolt`, `better-sqlite3`, …). */
export function packagesOf(files: readonly string[]): Set<string> {
  const names = files.map((file) =>
    MATRIX_SDK_BUNDLE.test(file)
      ? "@vector-im/matrix-bot-sdk"
      : /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1],
  );
  return new Set(names.filter((name): name is string => name !== undefined));
}
