import { z } from "zod";
import { userToken } from "../../src/core/commands/args";
import { defineCommand } from "../../src/core/commands/command";
import { PROFILE_FIELDS, setProfileField, showProfile } from "../../src/core/profile";

/**
 * `[]`, `[@user]` or `[field, value]`, with messages that say what is missing: a union of
 * tuples would report "expected a person" for `profile name`.
 */
const profileArgs = z.array(z.string()).transform((tokens, ctx) => {
  const [first, second, ...rest] = tokens;
  if (first === undefined) return { kind: "show" as const };
  const field = PROFILE_FIELDS.find((f) => f === first.toLowerCase());
  if (field === undefined) {
    if (tokens.length === 1 && userToken.safeParse(first).success)
      return { kind: "other" as const, user: first };
    ctx.addIssue({
      code: "custom",
      message: tokens.length === 1 ? "core.err.user_expected" : "core.err.bad_args",
    });
    return z.NEVER;
  }
  if (second === undefined || second.trim() === "") {
    ctx.addIssue({ code: "custom", message: "core.profile.value_missing", params: { field } });
    return z.NEVER;
  }
  if (rest.length > 0) {
    ctx.addIssue({ code: "custom", message: "core.profile.one_field" });
    return z.NEVER;
  }
  return { kind: "set" as const, field, value: second.trim() };
});

/** `/cop profile [@user]` shows a profile; `/cop profile name|org|bio "…"` sets the caller's own. */
export const profileCommand = defineCommand({
  name: "profile",
  summary: "core.profile.summary",
  usage: "core.profile.usage",
  example: "core.profile.example",
  details: "core.profile.stored",
  args: profileArgs,
  run(ctx, args) {
    if (args.kind === "set") return setProfileField(ctx, args.field, args.value);
    return showProfile(ctx, args.kind === "other" ? args.user : undefined);
  },
});
