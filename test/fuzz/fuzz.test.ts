import { properties } from "./properties";

/** A short share of the fuzzing in every `npm test`; `npm run fuzz` runs 100,000+ cases. */
const RUNS = 40;

describe("hostile input (property-based, fast-check)", () => {
  it.each(properties.map((p) => [p.name, p] as const))(
    "%s: no crash, friendly failures, consistent data",
    async (_name, property) => {
      const outcome = await property.check(RUNS);
      if (outcome.failed) throw new Error(outcome.report ?? "failed");
      expect(outcome.runs).toBe(RUNS);
    },
  );
});
