/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // jest-light-runner runs the test files in two long-lived Node processes that keep their
  // module cache: copbot's modules (zod schemas, catalogues, SDKs) load once per process instead
  // of once per test file, as jest's own runner does. Test files therefore share module state;
  // what is per test lives in the per-test app and database. Child processes rather than worker
  // threads, because Node 20 applies the TypeScript loader (tsx, test/support/register-ts.mjs)
  // only to the thread that registers it.
  runner: "jest-light-runner/child-process",
  setupFiles: ["<rootDir>/test/support/register-ts.mjs"],
  setupFilesAfterEnv: ["<rootDir>/test/support/test-timeout.mjs"],
  // The transform is for the global setup, which jest itself runs; the test files go through tsx.
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } },
    ],
  },
  // The process suites run the compiled build (dist/), as `npm start` does; built once here.
  globalSetup: "<rootDir>/test/support/build.ts",
  // Two workers, one per core of the 2-core target. The suites that start copbot as a process
  // leave their worker idle while the process works (test/support/copbot-process.ts).
  maxWorkers: 2,
};
