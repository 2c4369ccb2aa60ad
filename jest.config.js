/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } },
    ],
  },
  testTimeout: 30000,
  // The process suites run the compiled build (dist/), as `npm start` does; built once here.
  globalSetup: "<rootDir>/test/support/build.ts",
  // Two workers, one per core of the 2-core target: per-file module loading happens in either
  // case (jest gives each test file a fresh module registry), so two workers cost no more CPU
  // than one runner in band, and halve the wall time. The suites that start copbot as a process
  // leave their worker idle while the process works (test/support/copbot-process.ts).
  maxWorkers: 2,
};
