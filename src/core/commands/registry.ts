import { closest, distance } from "fastest-levenshtein";
import type { z } from "zod";
import type { CommandEvent } from "../events";
import type { EventContext } from "../feature";
import { code, msg, type OutgoingMessage } from "../message";
import { hasRole, type Role } from "../roles";
import { isMessageKey, type Translate } from "../../i18n";
import { MAX_TEXT } from "./args";
import { textAfterWords, tokenize } from "./tokenize";
import type { CommandDef } from "./command";

const ROLE_KEYS = {
  member: "core.role.member",
  moderator: "core.role.moderator",
  admin: "core.role.admin",
} as const;

/** The role name in the reader's language. */
export function roleName(t: Translate, role: Role): string {
  return t(ROLE_KEYS[role]);
}

/**
 * All `/cop` subcommands. Finds the command (longest multi-word name first), checks the
 * permission in one place, parses the arguments with the command's zod schema, records
 * moderator actions in the audit log, then runs it.
 */
export class CommandRegistry {
  private readonly byName = new Map<string, CommandDef>();

  constructor(commands: readonly CommandDef[]) {
    for (const command of commands) {
      if (this.byName.has(command.name)) throw new Error(`command ${command.name} defined twice`);
      this.byName.set(command.name, command);
    }
  }

  /** Commands sorted by name. */
  list(): CommandDef[] {
    return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  get(name: string): CommandDef | undefined {
    return this.byName.get(name.trim().toLowerCase().replace(/\s+/g, " "));
  }

  /** The command named by the first words of `tokens`, longest name first. */
  match(tokens: readonly string[]): { def: CommandDef; words: number } | undefined {
    for (let words = Math.min(3, tokens.length); words > 0; words--) {
      // An empty quoted argument (`meeting add "" …`) is an argument, never part of a name.
      if (tokens.slice(0, words).some((word) => word.trim() === "")) continue;
      const def = this.get(tokens.slice(0, words).join(" "));
      if (def) return { def, words };
    }
    return undefined;
  }

  /** The known name closest to what was typed, for "did you mean". */
  suggest(typed: readonly string[], role: Role = "admin"): string | undefined {
    const names = this.list()
      .filter((c) => hasRole(role, c.permission))
      .map((c) => c.name);
    const guess = typed.slice(0, 2).join(" ").toLowerCase();
    if (names.length === 0 || guess === "") return undefined;
    const best = closest(guess, names);
    const first = closest(typed[0]?.toLowerCase() ?? "", names);
    const pick = distance(guess, best) <= distance(typed[0]?.toLowerCase() ?? "", first) ? best : first;
    // Only near misses (typos), so a random word is not "corrected" into an unrelated command.
    const d = distance(pick, guess);
    return d <= Math.max(2, Math.floor(guess.length / 3)) && d < guess.length - 1 ? pick : undefined;
  }

  async dispatch(ctx: EventContext<CommandEvent>): Promise<void> {
    const { t, event } = ctx;
    const prefix = ctx.prefix;
    if (event.text.length > MAX_TEXT + 200) {
      ctx.reply(t("core.err.command_too_long", { max: MAX_TEXT }));
      return;
    }
    const tokens = tokenize(event.text);
    if (!tokens.ok) {
      ctx.reply(t(tokens.error.key, tokens.error.params));
      return;
    }
    const found = this.match(tokens.value.length === 0 ? ["help"] : tokens.value);
    if (!found) {
      const suggestion = this.suggest(tokens.value, ctx.actor.role);
      // `/cop meeting` alone, or with a second word that is no near miss: list the family.
      const family = this.family(tokens.value[0] ?? "", ctx.actor.role);
      if (family.length > 0 && (tokens.value.length === 1 || !suggestion)) {
        ctx.reply(this.familyHelp(t, prefix, tokens.value.slice(0, 2).join(" "), family));
        return;
      }
      const typed = tokens.value.slice(0, 2).join(" ");
      ctx.reply(
        suggestion
          ? t("core.err.unknown_command_suggest", { typed, suggestion: `${prefix} ${suggestion}` })
          : t("core.err.unknown_command", { typed, help: `${prefix} help` }),
      );
      return;
    }
    const { def, words } = found;
    if (!hasRole(ctx.actor.role, def.permission)) {
      ctx.reply(
        t("core.err.permission", {
          command: `${prefix} ${def.name}`,
          required: roleName(t, def.permission),
          role: roleName(t, ctx.actor.role),
        }),
      );
      return;
    }
    const input = def.raw ? [textAfterWords(event.text, words)] : tokens.value.slice(words);
    const parsed = def.args.safeParse(input);
    if (!parsed.success) {
      ctx.reply(this.usageError(t, prefix, def, parsed.error));
      return;
    }
    await def.run(ctx, parsed.data);
    if (def.permission !== "member" && !isReadOnly(def, parsed.data)) {
      ctx.services.audit.record(ctx.actor.id, `command:${def.name}`, event.channelId, { text: event.text });
    }
  }

  /** The commands of one family (`meeting add`, `meeting list` … for `meeting`) `role` may use. */
  private family(first: string, role: Role): CommandDef[] {
    const word = first.toLowerCase();
    return this.list().filter((c) => c.name.startsWith(`${word} `) && hasRole(role, c.permission));
  }

  /** `/cop meeting` alone (or with an unknown second word): the family's commands, one a line. */
  private familyHelp(
    t: Translate,
    prefix: string,
    typed: string,
    family: readonly CommandDef[],
  ): OutgoingMessage {
    return msg()
      .text(t("core.err.command_family", { typed }))
      .list(family.map((c) => [code(`${prefix} ${c.name}`), " – ", t(c.summary)]))
      .context(t("core.err.command_family_hint", { help: `${prefix} help ${family[0]?.name ?? ""}`.trim() }))
      .build();
  }

  /** What was wrong, then the usage line and an example. */
  private usageError(t: Translate, prefix: string, def: CommandDef, error: z.ZodError): OutgoingMessage {
    const issue = error.issues.find((i) => isMessageKey(i.message));
    const problem =
      issue && isMessageKey(issue.message) ? t(issue.message, issueParams(issue)) : t("core.err.bad_args");
    return msg()
      .text(problem)
      .text(t("core.usage"), " ", code(`${prefix} ${t(def.usage)}`))
      .text(t("core.example"), " ", code(`${prefix} ${t(def.example)}`))
      .build();
  }
}

function issueParams(issue: z.core.$ZodIssue): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  if ("maximum" in issue) params["max"] = Number(issue.maximum);
  if ("minimum" in issue) params["min"] = Number(issue.minimum);
  if ("params" in issue && issue.params) {
    for (const [k, v] of Object.entries(issue.params)) {
      if (typeof v === "string" || typeof v === "number") params[k] = v;
    }
  }
  return params;
}

/** Read-only commands (lists, the audit log itself) are not moderator actions worth logging. */
function isReadOnly(def: CommandDef, args: unknown): boolean {
  return typeof def.readOnly === "function" ? def.readOnly(args) : def.readOnly === true;
}
