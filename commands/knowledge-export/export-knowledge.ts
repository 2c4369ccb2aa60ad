import { defineCommand } from "../../src/core/commands/command";
import { noArgs } from "../../src/core/commands/args";
import { exportKnowledge } from "../../src/knowledge-export/api";

/** `/cop export knowledge` (moderators). */
export const exportKnowledgeCommand = defineCommand({
  name: "export knowledge",
  summary: "export.summary",
  usage: "export.usage",
  example: "export.example",
  args: noArgs,
  run: (ctx) => exportKnowledge(ctx),
});
