import { digestCommand } from "./digest";

/** The weekly digest. */
export const digestCommands = [digestCommand];
