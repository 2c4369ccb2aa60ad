import type { CommandDef } from "../src/core/commands/command";
import { coreCommands } from "./core";
import { digestCommands } from "./digest";
import { groupsCommands } from "./groups";
import { impactCommands } from "./impact";
import { introsCommands } from "./intros";
import { knowledgeExportCommands } from "./knowledge-export";
import { meetingsCommands } from "./meetings";
import { privacyCommands } from "./privacy";
import { qaCommands } from "./qa";

/** Every `/cop` subcommand; the composition root (`src/app.ts`) hands them to the bot. */
export const commands: readonly CommandDef[] = [
  ...coreCommands,
  ...qaCommands,
  ...groupsCommands,
  ...meetingsCommands,
  ...privacyCommands,
  ...introsCommands,
  ...digestCommands,
  ...impactCommands,
  ...knowledgeExportCommands,
];
