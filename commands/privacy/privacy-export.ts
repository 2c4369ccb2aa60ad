import { noArgs } from "../../src/core/commands/args";
import { defineCommand } from "../../src/core/commands/command";
import { exportOwnData } from "../../src/privacy/api";

/** `/cop privacy export`: everything copbot stores about the caller, as a file by DM. */
export const privacyExportCommand = defineCommand({
  name: "privacy export",
  summary: "privacy.export.summary",
  usage: "privacy.export.usage",
  example: "privacy.export.example",
  details: "core.profile.stored",
  readOnly: true,
  args: noArgs,
  run: (ctx) => exportOwnData(ctx),
});
