import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/** The repository root. */
export const ROOT = join(__dirname, "..", "..");

export const read = (path: string): string => readFileSync(join(ROOT, path), "utf8");

/** `npm start`'s command line as words: `["node", …flags, "dist/src/main.js"]`. */
export function startArgv(): string[] {
  const pkg = z.object({ scripts: z.object({ start: z.string() }) }).parse(JSON.parse(read("package.json")));
  return pkg.scripts.start.split(/\s+/);
}

/** The npm commands CI runs, in order (`.ci/run`: install, then the tests). */
export function ciCommands(): string[] {
  return read(".ci/run")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("npm "));
}
