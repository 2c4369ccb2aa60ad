import { translator, type Lang } from "../i18n";
import type { HomeLines } from "./home";
import { defaultName } from "./member-repo";
import { code } from "./message";
import type { Services } from "./services";

/** The member's language and profile on the home, each with the command that changes it. */
export function coreHomeSettings(services: Services, memberId: string, lang: Lang): HomeLines {
  const prefix = services.platforms.prefixOf(memberId);
  const t = translator(lang, prefix);
  const member = services.members.get(memberId);
  const other = lang === "de" ? "en" : "de";
  const profile = [member?.displayName ?? defaultName(memberId), member?.organisation]
    .filter((part): part is string => part !== undefined && part !== "")
    .join(", ");
  return [
    [t("core.home.lang", { lang: t(`core.home.lang.${lang}`) }), " · ", code(`${prefix} lang ${other}`)],
    [
      t("core.home.profile"),
      " ",
      profile,
      member?.bio ? "" : ` (${t("core.home.noBio")})`,
      " · ",
      code(`${prefix} profile name|org|bio "…"`),
    ],
  ];
}
