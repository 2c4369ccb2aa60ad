// jest-light-runner runs a test without a time limit; this gives every test and hook the limit
// jest's own runner would (testTimeout, or the number passed after the function), so a test that
// hangs fails and the run goes on instead of waiting forever.
import { clearTimeout, setTimeout } from "node:timers";

const DEFAULT_MS = 30_000;

/** `fn` bounded by `ms`: rejects when it has not settled by then. */
function bounded(fn, ms = DEFAULT_MS) {
  return function (...args) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Exceeded timeout of ${ms} ms (test/support/test-timeout.mjs)`)),
        ms,
      );
      Promise.resolve()
        .then(() => fn.apply(this, args))
        .then(resolve, reject)
        .finally(() => clearTimeout(timer));
    });
  };
}

/** A test function (`it`, `it.only`, …) whose body is bounded; `.each` and the modifiers too. */
function boundTest(original) {
  const wrapped = (name, fn, ms) => original(name, fn && bounded(fn, ms), ms);
  wrapped.each =
    (...table) =>
    (name, fn, ms) =>
      original.each(...table)(name, bounded(fn, ms), ms);
  for (const modifier of ["only", "skip", "todo", "failing", "concurrent"]) {
    if (typeof original[modifier] === "function") {
      wrapped[modifier] = modifier === "only" ? boundTest(original[modifier]) : original[modifier];
    }
  }
  return wrapped;
}

for (const name of ["it", "test", "fit"]) globalThis[name] = boundTest(globalThis[name]);
for (const hook of ["beforeAll", "beforeEach", "afterEach", "afterAll"]) {
  const original = globalThis[hook];
  globalThis[hook] = (fn, ms) => original(bounded(fn, ms), ms);
}
