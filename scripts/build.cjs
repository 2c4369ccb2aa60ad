// @ts-check
/*
 * Builds the JavaScript that `npm start` runs: esbuild bundles copbot's code, with the libraries
 * every start needs (zod, luxon, pino, cron-parser, ical-generator, dotenv), into one file per
 * command (dist/src/main.js, dist/src/export.js) and one for the checkpoint worker's thread,
 * plus the files the code reads next to itself.
 * npm runs it on `npm install` / `npm ci` (`prepare`) and before `npm start` (`prestart`, with
 * --if-stale); the test suite runs it once before the suites that start copbot as a process.
 *
 * Why a bundle: Node then finds, reads and compiles one file instead of about 500, and keeps
 * one compact source text in memory instead of each module's own (several of them stored
 * as two bytes a character for one non-Latin-1 character; the bundle is ASCII). Measured in
 * the README's "Benchmarks". Identifiers are kept and a source map is written next to each
 * file (`node --enable-source-maps dist/src/main.js` maps stack traces to the TypeScript).
 *
 * --if-stale skips the build when dist/ was built from exactly the current sources: a
 * fingerprint of every input's path, size and modification time (the lock file stands for the
 * bundled libraries), written last, so an interrupted build is never taken for a finished one.
 * Checking costs a few milliseconds; building about 1 s of CPU (types are checked by
 * `npm run typecheck`, not here).
 */
const { createHash } = require("node:crypto");
const { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } = require("node:fs");
const { builtinModules } = require("node:module");
const { dirname, join, relative, resolve } = require("node:path");

const ROOT = join(__dirname, "..");
const DIST = join(ROOT, "dist");
const STAMP = join(DIST, ".build-fingerprint");
const SOURCE_DIRS = ["src", "adapters", "commands", "db"];
const CONFIG_FILES = ["tsconfig.json", "package-lock.json", "scripts/build.cjs"];
const SKIP = new Set(["node_modules", "crypto-stub"]);

/**
 * The bundles, `dist/<out>.js` from `<source>.ts`: the commands, and the WAL checkpoint
 * worker's thread (db/checkpointer.ts starts it from the file beside the command's bundle).
 */
const ENTRIES = {
  "src/main": "src/main",
  "src/export": "src/export",
  "src/checkpoint-worker": "db/checkpoint-worker",
};

/** The Matrix SDK, bundled on its own (see `matrixSdkBundle`), loaded by the Matrix adapter. */
const MATRIX_SDK = "@vector-im/matrix-bot-sdk";
const MATRIX_SDK_OUT = "src/matrix-sdk";

/**
 * Files the code reads at run time next to its own module (`join(__dirname, …)`): in the
 * bundle `__dirname` is the bundle's directory, dist/src, so they are copied there.
 */
const FILES_BESIDE = { "db/migrations": "src/migrations", "src/knowledge-export/assets": "src/assets" };

/**
 * Packages left to Node to load from node_modules: native ones, those that read their own
 * files, and those copbot loads only when they are needed (a platform's SDK, the chart
 * renderer, the date parser, holidays, metrics, end-to-end encryption) — bundled, their code
 * would weigh on every start. The Matrix SDK has a bundle of its own (`matrixSdkBundle`).
 */
const EXTERNAL = [
  "better-sqlite3",
  "node-cron",
  "@slack/*",
  "@matrix-org/*",
  "sanitize-html",
  "fake-indexeddb",
  "chrono-node",
  "date-holidays",
  "prom-client",
  "vega",
  "vega-lite",
  "@resvg/resvg-js",
  "@expo-google-fonts/inter",
  "minisearch",
  // The TypeScript loader, which only a run from the sources resolves (db/checkpointer.ts).
  "tsx",
];

/**
 * Packages with a CommonJS and an ES module build resolve to the CommonJS one from every
 * importer: otherwise a library's `require` and copbot's `import` would bundle two copies
 * (two DateTime classes in luxon's case).
 * @type {import("esbuild").Plugin}
 */
const oneCopyOfEachPackage = {
  name: "one-copy-of-each-package",
  setup(build) {
    build.onResolve({ filter: /^luxon$/ }, (args) => ({
      path: require.resolve(args.path, { paths: [ROOT] }),
    }));
  },
};

/**
 * Packages the Matrix SDK's client imports when it loads but calls only in methods copbot does
 * not use (the SDK's own HTML-to-text replies).
 */
const MATRIX_SDK_LATE_PACKAGES = ["html-to-text"];

/**
 * The Matrix SDK's entry module loads all of the SDK (541 modules: the appservice's web server,
 * the Postgres store, …), its modules import that entry, and its client imports the parts of
 * every feature (encryption, its stores, identity servers, …), so loaded as it is, all of it
 * loads. In its bundle each module the SDK imports (its own, and `MATRIX_SDK_LATE_PACKAGES`) is
 * a set of getters that load the module when the first of its exports is read: the Matrix
 * adapter then loads the client and what it uses. That is sound for this SDK: its modules
 * (compiled TypeScript) read an import's exports only as `module_1.name`, never import for
 * side effects alone. Its other dependencies stay in node_modules, each resolved as the SDK
 * resolves it.
 */
function matrixSdkBundle() {
  const index = require.resolve(MATRIX_SDK, { paths: [ROOT] });
  const lib = dirname(index);
  const outDir = join(DIST, dirname(MATRIX_SDK_OUT));
  const builtins = new Set(builtinModules);
  const late = new Set(MATRIX_SDK_LATE_PACKAGES);
  /** @type {import("esbuild").Plugin} */
  const plugin = {
    name: "matrix-sdk-when-used",
    setup(build) {
      // The module itself, for its getters (see `whenUsed`).
      build.onResolve({ filter: /^copbot-module-itself:/ }, (args) => ({
        path: args.path.slice("copbot-module-itself:".length),
      }));
      build.onResolve({ filter: /^(\.|@vector-im\/matrix-bot-sdk$)/ }, (args) => {
        const target = args.path === MATRIX_SDK ? lib : resolve(args.resolveDir, args.path);
        if (target === lib) return { path: index, namespace: "matrix-sdk-entry" };
        if (args.namespace !== "file" || !args.importer.startsWith(lib)) return undefined;
        const file = require.resolve(args.path, { paths: [args.resolveDir] });
        return { path: file, namespace: "matrix-sdk-when-used", pluginData: `copbot-module-itself:${file}` };
      });
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        const name = args.path.startsWith("node:") ? args.path.slice(5) : args.path;
        if (builtins.has(name.split("/")[0] ?? name) || builtins.has(name))
          return { path: args.path, external: true };
        const found = require.resolve(args.path, { paths: [args.resolveDir] });
        // A package the SDK requires loads from node_modules, the SDK's nested copy where it has one.
        const topLevel = require.resolve(args.path, { paths: [ROOT] });
        if (late.has(args.path) && args.namespace === "file") {
          if (found !== topLevel) throw new Error(`${args.path}: the SDK has a copy of its own`);
          return { path: found, namespace: "matrix-sdk-when-used", pluginData: args.path };
        }
        if (found === topLevel) return { path: args.path, external: true };
        return { path: relative(outDir, found).split("\\").join("/"), external: true };
      });
      build.onLoad({ filter: /.*/, namespace: "matrix-sdk-entry" }, () => ({
        contents: lazyEntry(index),
        loader: "js",
        resolveDir: lib,
      }));
      build.onLoad({ filter: /.*/, namespace: "matrix-sdk-when-used" }, (args) => ({
        contents: whenUsed(args.path, String(args.pluginData)),
        loader: "js",
        resolveDir: dirname(args.path),
      }));
    },
  };
  return plugin;
}

/** The start of a module of getters: `lazy(load, name)` reads `name` from what `load` loads. */
const GETTERS_PRELUDE = [
  '"use strict";',
  'Object.defineProperty(exports, "__esModule", { value: true });',
  "const lazy = (load, name) => ({ enumerable: true, get: () => load()[name] });",
];

/**
 * A module of getters standing for the module `file` (loaded as `specifier`): each of its
 * exports, read here at build time, loads it when first read.
 * @param {string} file @param {string} specifier
 */
function whenUsed(file, specifier) {
  const names = Object.keys(require(file)).filter((name) => name !== "default");
  const getters = names.map((name) => `${JSON.stringify(name)}: lazy(load, ${JSON.stringify(name)})`);
  return [
    ...GETTERS_PRELUDE,
    `let loaded;`,
    `const load = () => (loaded ??= require(${JSON.stringify(specifier)}));`,
    `Object.defineProperties(exports, { ${getters.join(", ")} });`,
  ].join("\n");
}

/**
 * The SDK's entry module as getters: each `export * from "./part"` of the original becomes one
 * getter per name (the first part to export a name wins, as with `export *`) that loads its part
 * when read. The names are read from the parts themselves, here at build time.
 * @param {string} index
 */
function lazyEntry(index) {
  const parts = [...readFileSync(index, "utf8").matchAll(/__exportStar\(require\("(\.[^"]+)"\), exports\)/g)];
  if (parts.length === 0) throw new Error(`${index}: no \`export *\` found; has the SDK's entry changed?`);
  const seen = new Set();
  const lines = [...GETTERS_PRELUDE];
  parts.forEach(([, part], i) => {
    const file = require.resolve(join(dirname(index), part ?? ""));
    const names = Object.keys(require(file)).filter((name) => name !== "default" && !seen.has(name));
    if (names.length === 0) return;
    lines.push(`const part${i} = () => require(${JSON.stringify(file)});`);
    const getters = names.map((name) => `${JSON.stringify(name)}: lazy(part${i}, ${JSON.stringify(name)})`);
    lines.push(`Object.defineProperties(exports, { ${getters.join(", ")} });`);
    for (const name of names) seen.add(name);
  });
  return lines.join("\n");
}

/**
 * copbot's imports of the Matrix SDK load its bundle, next to the commands' bundles.
 * @type {import("esbuild").Plugin}
 */
const sdkFromItsBundle = {
  name: "matrix-sdk-from-its-bundle",
  setup(build) {
    build.onResolve({ filter: /^@vector-im\/matrix-bot-sdk$/ }, () => ({
      path: `./${MATRIX_SDK_OUT.split("/").pop()}.js`,
      external: true,
    }));
  },
};

/**
 * Rewrites the characters beyond ASCII that esbuild leaves in regular expression literals
 * (`/[äöüß]/`, emoji) as `\uXXXX` escapes, which mean the same there. One such character makes
 * V8 keep the whole source text, the bundle's 1.7 MB, at two bytes a character. (On the few
 * lines rewritten, the source map's columns are off by a few characters.)
 * @param {string} file
 */
function asciiOnly(file) {
  const text = readFileSync(file, "utf8");
  // [^\t-~]: a character beyond ASCII (or a control character, escaped the same way).
  const escaped = /\\[^\t-~]/.exec(text);
  // `\ä` would need to know whether its backslash is itself escaped: not worth guessing.
  if (escaped) throw new Error(`${file}: a backslash before a non-ASCII character: ${escaped[0]}`);
  const ascii = text.replace(/[^\t-~]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (ascii !== text) writeFileSync(file, ascii);
}

/**
 * Every file under `dir` the build reads: sources, and the files it copies as they are.
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

async function build() {
  /** @type {typeof import("esbuild")} */
  let esbuild;
  try {
    esbuild = require(require.resolve("esbuild", { paths: [ROOT] }));
  } catch {
    process.stderr.write(
      "copbot: dist/ is missing or older than the sources, and esbuild is not installed to build it (run `npm install`)\n",
    );
    process.exit(1);
  }
  // A clean dist/: a removed source (a migration above all) must not linger in the output.
  rmSync(DIST, { recursive: true, force: true });
  /** @type {import("esbuild").BuildOptions} */
  const common = {
    outdir: DIST,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // `import()` becomes `require`, as tsc compiles it for CommonJS.
    supported: { "dynamic-import": false },
    // Smaller source, the names as written: stack traces stay readable without the map.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "none",
    sourcemap: "linked",
    logLevel: "warning",
  };
  try {
    await esbuild.build({
      ...common,
      entryPoints: Object.entries(ENTRIES).map(([out, source]) => ({ in: join(ROOT, `${source}.ts`), out })),
      external: EXTERNAL,
      plugins: [oneCopyOfEachPackage, sdkFromItsBundle],
    });
    await esbuild.build({
      ...common,
      entryPoints: [{ in: MATRIX_SDK, out: MATRIX_SDK_OUT }],
      plugins: [matrixSdkBundle()],
    });
  } catch {
    // esbuild has printed what failed.
    process.stderr.write("copbot: the build (esbuild, scripts/build.cjs) failed\n");
    process.exit(1);
  }
  for (const name of [...Object.keys(ENTRIES), MATRIX_SDK_OUT]) asciiOnly(join(DIST, `${name}.js`));
  for (const [from, to] of Object.entries(FILES_BESIDE)) {
    cpSync(join(ROOT, from), join(DIST, to), { recursive: true });
  }
}

const wanted = fingerprint();
if (!process.argv.includes("--if-stale") || readStamp() !== wanted) {
  void build().then(() => writeFileSync(STAMP, `${wanted}\n`));
}
