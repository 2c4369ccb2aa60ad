import { privacyExportCommand } from "./privacy-export";
import { privacyForgetCommand } from "./privacy-forget";

/** Data protection: a member's own data export and erasure. */
export const privacyCommands = [privacyExportCommand, privacyForgetCommand];
