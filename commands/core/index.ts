import { auditCommand } from "./audit";
import { helpCommand } from "./help";
import { langCommand } from "./lang";
import { modCommand } from "./mod";
import { profileCommand } from "./profile";
import { statusCommand } from "./status";

/** The basics every copbot has: help, language, profiles, moderators, audit log, status. */
export const coreCommands = [
  helpCommand,
  langCommand,
  profileCommand,
  modCommand,
  auditCommand,
  statusCommand,
];
