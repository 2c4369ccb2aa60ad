import { ESLint } from "eslint";
import config from "../eslint.config.cjs";

/**
 * The lint rules that keep the architecture (eslint.config.mjs): each deliberate violation
 * below must fail `npm run check`, and the allowed counterpart must pass.
 */
const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: true, overrideConfig: config });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? "parse"}: ${m.message}`);
}

describe("architecture boundaries in npm run check", () => {
  it("refuses src/ importing adapters/ or commands/, except in the composition root", async () => {
    expect(
      await problems(
        "src/qa/x.ts",
        'import { slackPlatform } from "../../adapters/slack";\nexport { slackPlatform };\n',
      ),
    ).toEqual([expect.stringContaining("src/ never imports adapters/ or commands/")]);
    expect(
      await problems(
        "src/core/commands/x.ts",
        'import { commands } from "../../../commands";\nexport { commands };\n',
      ),
    ).toEqual([expect.stringContaining("src/ never imports adapters/ or commands/")]);
    expect(
      await problems("src/app.ts", 'import { commands } from "../commands";\nexport { commands };\n'),
    ).toEqual([]);
  });

  it("refuses a feature reaching into another feature, and allows its api.ts", async () => {
    expect(
      await problems(
        "src/groups/x.ts",
        'import { findExperts } from "../qa/experts";\nexport { findExperts };\n',
      ),
    ).toEqual([expect.stringContaining("only through that feature's api.ts")]);
    expect(
      await problems(
        "src/groups/x.ts",
        'import { findExperts } from "../qa/api";\nexport { findExperts };\n',
      ),
    ).toEqual([]);
  });

  it("refuses the core or the schedule engine depending on a feature", async () => {
    expect(
      await problems("src/core/x.ts", 'import { qaFeature } from "../qa/feature";\nexport { qaFeature };\n'),
    ).toEqual([expect.stringContaining("know no feature")]);
    expect(
      await problems(
        "src/schedule/x.ts",
        'import { MeetingRepo } from "../meetings/meeting-repo";\nexport { MeetingRepo };\n',
      ),
    ).toEqual([expect.stringContaining("know no feature")]);
  });

  it("refuses a command going past its feature's api.ts", async () => {
    expect(
      await problems(
        "commands/qa/x.ts",
        'import { QuestionRepo } from "../../src/qa/question-repo";\nexport { QuestionRepo };\n',
      ),
    ).toEqual([expect.stringContaining("calls its feature's api.ts")]);
    expect(
      await problems(
        "commands/qa/x.ts",
        'import { askInChannel } from "../../src/qa/api";\nexport { askInChannel };\n',
      ),
    ).toEqual([]);
  });

  it("refuses an adapter using a feature", async () => {
    expect(
      await problems(
        "adapters/slack/x.ts",
        'import { joinGroup } from "../../src/groups/api";\nexport { joinGroup };\n',
      ),
    ).toEqual([expect.stringContaining("Adapters translate")]);
  });

  it("refuses SQL outside a *-repo.ts file", async () => {
    const sql = 'export const n = (db: { prepare(s: string): unknown }) => db.prepare("SELECT 1");\n';
    expect(await problems("src/qa/x.ts", sql)).toEqual([
      expect.stringContaining("SQL belongs in a *-repo.ts"),
      expect.stringContaining("SQL belongs in a *-repo.ts"),
    ]);
    expect(await problems("src/qa/x-repo.ts", sql)).toEqual([]);
  });
});
