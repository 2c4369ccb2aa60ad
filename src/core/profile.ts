import type { CommandEvent } from "./events";
import type { EventContext } from "./feature";
import { resolveMember } from "./commands/resolve";
import { bold, mention, msg, type OutgoingMessage } from "./message";
import type { Credit, Member } from "./member-repo";
import type { Lang, Translate } from "../i18n";
import { translator } from "../i18n";
import { ownValue } from "./own";

/** The profile fields a member sets with `profile <field> "…"`. */
export const PROFILE_FIELDS = ["name", "org", "bio", "credit", "tz"] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

const LIMITS: Readonly<Record<ProfileField, number>> = { name: 80, org: 120, bio: 500, credit: 20, tz: 64 };

/** What people type for each way of being credited, German and English. */
const CREDIT_WORDS: Readonly<Record<string, Credit>> = {
  name: "name",
  org: "org",
  organisation: "org",
  organization: "org",
  anonymous: "anonymous",
  anonym: "anonymous",
};

const CREDIT_KEYS = {
  name: "core.profile.credit.name",
  org: "core.profile.credit.org",
  anonymous: "core.profile.credit.anonymous",
} as const;

/** True for an IANA time zone the runtime knows (`Europe/Vienna`). */
function isTimeZone(zone: string): boolean {
  if (!zone.includes("/") && zone !== "UTC") return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
/** The value that clears a field. */
const CLEAR = "-";

/** Shows the caller's profile, or the profile of the person `user` names. */
export async function showProfile(ctx: EventContext<CommandEvent>, user?: string): Promise<void> {
  const member = user === undefined ? ctx.actor : await resolveMember(ctx, user);
  ctx.reply(renderProfile(ctx.t, member));
}

/** Sets one field of the caller's profile (`-` clears organisation and bio) and shows the result. */
export function setProfileField(ctx: EventContext<CommandEvent>, field: ProfileField, value: string): void {
  const { t, services } = ctx;
  if (value.length > LIMITS[field]) {
    ctx.reply(t("core.profile.too_long", { field, max: LIMITS[field] }));
    return;
  }
  if (field === "name" && value === CLEAR) {
    ctx.reply(t("core.profile.name_required"));
    return;
  }
  if (field === "credit") {
    const credit = ownValue(CREDIT_WORDS, value.toLowerCase());
    if (credit === undefined) return ctx.reply(t("core.profile.credit.invalid", { value }));
    const saved = services.members.update(ctx.actor.id, { credit });
    if (saved) ctx.reply(renderProfile(t, saved, t("core.profile.saved")));
    return;
  }
  if (field === "tz" && value !== CLEAR && !isTimeZone(value)) {
    ctx.reply(t("core.profile.bad_tz", { value }));
    return;
  }
  const cleared = value === CLEAR ? null : value;
  const updated = services.members.update(
    ctx.actor.id,
    field === "name"
      ? { displayName: value }
      : field === "org"
        ? { organisation: cleared }
        : field === "tz"
          ? { timeZone: cleared }
          : { bio: cleared },
  );
  if (updated) ctx.reply(renderProfile(t, updated, t("core.profile.saved")));
}

/** The caller's language for everything copbot says to them; confirmed in the new language. */
export function setLanguage(ctx: EventContext<CommandEvent>, lang: Lang): void {
  ctx.services.members.update(ctx.actor.id, { lang });
  ctx.reply(translator(lang, ctx.prefix)("core.lang.set"));
}

function renderProfile(t: Translate, member: Member, intro?: string): OutgoingMessage {
  const message = msg();
  if (intro) message.text(intro);
  return message
    .text(bold(member.displayName), " (", mention(member.id), ")")
    .list([
      [t("core.profile.org"), ": ", member.organisation ?? t("core.profile.empty")],
      [t("core.profile.bio"), ": ", member.bio ?? t("core.profile.empty")],
      [t("core.profile.credit"), ": ", t(CREDIT_KEYS[member.credit])],
      [t("core.profile.tz"), ": ", member.timeZone ?? t("core.profile.tz_default")],
    ])
    .context(t("core.profile.hint"))
    .context(t("core.profile.stored"))
    .build();
}
