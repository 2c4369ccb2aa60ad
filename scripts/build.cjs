// @ts-check
/*
 * Builds the JavaScript that `npm start` runs: `tsc -p tsconfig.build.json` into dist/, plus the
 * SQL migrations next to the compiled db/open.js. npm runs it on `npm install` / `npm ci`
 * (`prepare`) and before `npm start` (`prestart`, with --if-stale); the test suite runs it once
 * before the suites that start copbot as a process.
 *
 * --if-stale skips the build when dist/ was built from exactly the current sources: a
 * fingerprint of every input's path, size and modification time, written last, so an
 * interrupted build is never taken for a finished one. Checking costs a few milliseconds;
 * building about 6 s of CPU (types are checked by `npm run typecheck`, not here).
 */
const { spawnSync } = require("node:child_process");
const { createHash } = require("node:crypto");
const {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} = require("node:fs");
const { dirname, join, relative } = require("node:path");

const ROOT = join(__dirname, "..");
const DIST = join(ROOT, "dist");
const STAMP = join(DIST, ".build-fingerprint");
const SOURCE_DIRS = ["src", "adapters", "commands", "db"];
const CONFIG_FILES = ["tsconfig.json", "tsconfig.build.json", "scripts/build.cjs"];
const SKIP = new Set(["node_modules", "crypto-stub"]);

/**
 * Every file under `dir` the build reads: sources, and assets it copies as they are.
 * @param {string} dir @param {string[]} into
 */
function inputsUnder(dir, into) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name)) inputsUnder(path, into);
    } else if (!entry.name.endsWith(".d.ts")) {
      into.push(path);
    }
  }
  return into;
}

/** What the build reads, as one hash: a file added, removed or touched changes it. */
function fingerprint() {
  const files = SOURCE_DIRS.flatMap((dir) => inputsUnder(join(ROOT, dir), []))
    .concat(CONFIG_FILES.map((file) => join(ROOT, file)))
    .sort();
  const hash = createHash("sha256");
  for (const file of files) {
    const stat = statSync(file);
    hash.update(`${relative(ROOT, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest("hex");
}

function readStamp() {
  try {
    return readFileSync(STAMP, "utf8").trim();
  } catch {
    return undefined;
  }
}

function build() {
  let tsc;
  try {
    tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
  } catch {
    process.stderr.write(
      "copbot: dist/ is missing or older than the sources, and TypeScript is not installed to build it (run `npm install`)\n",
    );
    process.exit(1);
  }
  // A clean dist/: a removed source (a migration above all) must not linger as compiled output.
  rmSync(DIST, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json"), "--noCheck"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (result.status !== 0) {
    process.stderr.write("copbot: the build (tsc -p tsconfig.build.json) failed\n");
    process.exit(result.status ?? 1);
  }
  const assets = SOURCE_DIRS.flatMap((dir) => inputsUnder(join(ROOT, dir), [])).filter(
    (file) => !file.endsWith(".ts"),
  );
  for (const file of assets) {
    const target = join(DIST, relative(ROOT, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
}

const wanted = fingerprint();
if (!process.argv.includes("--if-stale") || readStamp() !== wanted) {
  build();
  writeFileSync(STAMP, `${wanted}\n`);
}
