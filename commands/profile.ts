import { z } from "zod";
import { bold, mention, msg } from "../src/core/message";
import type { Member } from "../src/core/members";
import type { Translate } from "../src/i18n";
import { userToken } from "./args";
import { resolveMember } from "./resolve";
import { defineCommand } from "./types";

const LIMITS = { name: 80, org: 120, bio: 500 } as const;
const CLEAR = "-";

const setField = z.tuple([
  z.enum(["name", "org", "bio"]),
  z.string().trim().min(1, { message: "core.err.text_empty" }),
]);

/** `/cop profile [@user]` shows a profile; `/cop profile name|org|bio "…"` sets the caller's own. */
export const profileCommand = defineCommand({
  name: "profile",
  summary: "core.profile.summary",
  usage: "core.profile.usage",
  example: 'profile org "Stadt Musterhausen"',
  permission: "member",
  args: z.union([z.tuple([]), z.tuple([userToken]), setField]),
  async run(ctx, args) {
    const { t, services } = ctx;
    if (args.length === 0) {
      ctx.reply(renderProfile(t, ctx.actor));
      return;
    }
    if (args.length === 1) {
      ctx.reply(renderProfile(t, await resolveMember(ctx, args[0])));
      return;
    }
    const [field, value] = args;
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
    if (updated) ctx.reply(renderProfile(t, updated, t("core.profile.saved")));
  },
});

function renderProfile(t: Translate, member: Member, intro?: string) {
  const message = msg();
  if (intro) message.text(intro);
  return message
    .text(bold(member.displayName), " (", mention(member.id), ")")
    .list([
      [t("core.profile.org"), ": ", member.organisation ?? t("core.profile.empty")],
      [t("core.profile.bio"), ": ", member.bio ?? t("core.profile.empty")],
    ])
    .context(t("core.profile.hint"))
    .build();
}
