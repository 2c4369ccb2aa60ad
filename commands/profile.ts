import { z } from "zod";
import { bold, mention, msg } from "../src/core/message";
import type { Member } from "../src/core/members";
import type { Translate } from "../src/i18n";
import { userToken } from "./args";
import { commandPrefix } from "./registry";
import { resolveMember } from "./resolve";
import { defineCommand } from "./types";

const LIMITS = { name: 80, org: 120, bio: 500 } as const;
const CLEAR = "-";

const FIELDS = ["name", "org", "bio"] as const;

/**
 * `[]`, `[@user]` or `[field, value]`, with messages that say what is missing: a union of
 * tuples would report "expected a person" for `profile name`.
 */
const profileArgs = z.array(z.string()).transform((tokens, ctx) => {
  const [first, second, ...rest] = tokens;
  if (first === undefined) return { kind: "show" as const };
  const field = FIELDS.find((f) => f === first.toLowerCase());
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
  permission: "member",
  args: profileArgs,
  async run(ctx, args) {
    const { t, services } = ctx;
    const prefix = commandPrefix(ctx.event.platform);
    if (args.kind === "show") {
      ctx.reply(renderProfile(t, prefix, ctx.actor));
      return;
    }
    if (args.kind === "other") {
      ctx.reply(renderProfile(t, prefix, await resolveMember(ctx, args.user)));
      return;
    }
    const { field, value } = args;
    if (value.length > LIMITS[field]) {
      ctx.reply(t("core.profile.too_long", { field, max: LIMITS[field] }));
      return;
    }
    if (field === "name" && value === CLEAR) {
      ctx.reply(t("core.profile.name_required"));
      return;
    }
    const cleared = value === CLEAR ? null : value;
    const updated = services.members.update(
      ctx.actor.id,
      field === "name"
        ? { displayName: value }
        : field === "org"
          ? { organisation: cleared }
          : { bio: cleared },
    );
    if (updated) ctx.reply(renderProfile(t, prefix, updated, t("core.profile.saved")));
  },
});

function renderProfile(t: Translate, prefix: string, member: Member, intro?: string) {
  const message = msg();
  if (intro) message.text(intro);
  return message
    .text(bold(member.displayName), " (", mention(member.id), ")")
    .list([
      [t("core.profile.org"), ": ", member.organisation ?? t("core.profile.empty")],
      [t("core.profile.bio"), ": ", member.bio ?? t("core.profile.empty")],
    ])
    .context(t("core.profile.hint", { prefix }))
    .build();
}
