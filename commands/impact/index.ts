import { impactCommand, reportCommand } from "./report";

/** Reports for moderators and a member's own impact. */
export const impactCommands = [reportCommand, impactCommand];
