import { properties } from "./properties";

/**
 * `npm run fuzz`: every hostile-input property with many more cases than `npm test` runs
 * (default 100,000 in all, shared by weight; `FUZZ_CASES` and `FUZZ_SEED` change that), then
 * how many cases were tried and how long it took. Exits 1 on the first failing property, with
 * fast-check's report (seed, path and shrunk counterexample, to replay it).
 */
async function main(): Promise<void> {
  const total = Number(process.env["FUZZ_CASES"] ?? 100_000);
  const seed = process.env["FUZZ_SEED"] === undefined ? undefined : Number(process.env["FUZZ_SEED"]);
  const weights = properties.reduce((sum, p) => sum + p.weight, 0);
  const started = Date.now();
  let tried = 0;
  for (const property of properties) {
    const runs = Math.ceil((total * property.weight) / weights);
    const began = Date.now();
    const outcome = await property.check(runs, seed);
    tried += outcome.runs;
    const seconds = ((Date.now() - began) / 1000).toFixed(1);
    process.stdout.write(
      `${outcome.failed ? "FAIL" : "ok  "} ${outcome.runs.toLocaleString("en")} cases in ${seconds} s – ${property.name}\n`,
    );
    if (outcome.failed) {
      process.stdout.write(`${outcome.report ?? ""}\n`);
      process.exitCode = 1;
      return;
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`fuzz: ${tried.toLocaleString("en")} cases, 0 failures, ${seconds} s\n`);
}

void main();
