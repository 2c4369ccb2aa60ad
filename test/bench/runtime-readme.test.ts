import { readFileSync } from "node:fs";
import { passes } from "../../bench/runtime/support";
import { readmeTable, recordedRuntime, withReadmeTable } from "../../bench/runtime";

describe("the runtime benchmarks in the README", () => {
  it("are the figures of bench/runtime-results.json, each target with its verdict", () => {
    const results = recordedRuntime();
    const readme = readFileSync("README.md", "utf8");
    expect(withReadmeTable(readme, readmeTable(results))).toBe(readme);
    const targets = results.rows.filter((row) => passes(row) !== undefined);
    expect(targets.map((row) => row.metric)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^cold start to ready: console/),
        expect.stringMatching(/^cold start to ready: Matrix/),
        expect.stringMatching(/^idle resident memory: Slack/),
        expect.stringMatching(/^Slack HTTP: copbot ÷ bare Bolt, throughput/),
        expect.stringMatching(/^Slack HTTP: copbot, ack p99/),
        expect.stringMatching(/^5,000 reminder DMs: total ÷ least allowed/),
      ]),
    );
  });
});
