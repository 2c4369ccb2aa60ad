import type { z } from "zod";
import type { CommandEvent } from "../events";
import type { EventContext } from "../feature";
import type { Role } from "../roles";
import type { MessageKey } from "../../i18n";
import { requiredRole } from "../../permissions";

/**
 * One `/cop` subcommand. `name` may have several words (`qa channel`, `meeting add`); the
 * registry matches the longest name. `args` parses the remaining tokens (quotes already
 * removed); a zod issue whose message is a message key is shown translated, any other issue
 * shows the usage line.
 */
export interface CommandDef<A = unknown> {
  readonly name: string;
  readonly summary: MessageKey;
  /** Usage line(s) without the `/cop` prefix, e.g. `mod add|remove @user`. */
  readonly usage: MessageKey;
  /** Key of a complete example without the `/cop` prefix (`mod add @ben`), shown in the reader's language. */
  readonly example: MessageKey;
  /** More to know, shown by `help <command>` after the example (e.g. what copbot stores). */
  readonly details?: MessageKey;
  /** The weakest role that may run it, from the permission table (`src/permissions.ts`). */
  readonly permission: Role;
  /** When true, `args` receives one token: the untokenized rest of the line (free text keeps its quotes). */
  readonly raw?: boolean;
  /** True (or true for these arguments) when the command only reads: the audit log skips it. */
  readonly readOnly?: boolean | ((args: A) => boolean);
  readonly args: z.ZodType<A, readonly string[]>;
  run(ctx: EventContext<CommandEvent>, args: A): Promise<void> | void;
}

/**
 * Defines a command; its permission comes from the permission table by name, so a command
 * without a row there cannot be defined. Also helps TypeScript infer `A` from the schema while
 * keeping the registry's list homogeneous.
 */
export function defineCommand<A>(def: Omit<CommandDef<A>, "permission">): CommandDef {
  const full: CommandDef<A> = { ...def, permission: requiredRole(def.name) };
  return full as unknown as CommandDef;
}
