import { readFileSync } from "node:fs";
import { withReference } from "../src/core/commands/reference";
import { startConsole } from "./support/console-harness";

describe("README", () => {
  it("documents every command and the permission table exactly as the code defines them (npm run docs regenerates them)", async () => {
    const h = await startConsole();
    const readme = readFileSync("README.md", "utf8");
    expect(withReference(readme, h.app.bot.registry)).toBe(readme);
    h.close();
  });

  it("lists every variable of .env.example in the configuration section", () => {
    const example = readFileSync(".env.example", "utf8");
    const names = [...example.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(15);
    // The core reads its variables in src/config.ts, each platform in its adapter's config.ts.
    const config = ["src/config.ts", "adapters/slack/config.ts", "adapters/matrix/config.ts"]
      .map((path) => readFileSync(path, "utf8"))
      .join("\n");
    for (const name of names) expect(config).toContain(name);
    // … and every variable the code reads is in .env.example.
    const read = [...config.matchAll(/^\s+((?:COPBOT|SLACK|MATRIX)_[A-Z0-9_]+): /gm)].map((m) => m[1]);
    expect(read.length).toBeGreaterThan(15);
    expect(names).toEqual(expect.arrayContaining(read));
  });
});
