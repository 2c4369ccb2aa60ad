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
  // One in-band runner: the suites that start copbot as a process (test/support/copbot-process.ts)
  // keep the second core busy meanwhile, and on the 2-core target this measured faster than two
  // workers (each loading every module again), with no worker processes to shut down at the end.
  maxWorkers: 1,
};
