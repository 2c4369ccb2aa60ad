import { bold, type Inline } from "../core/message";
import type { Services } from "../core/services";
import { type Lang, translator } from "../i18n";
import { groupRepo } from "./context";
import { formatIsoDate } from "../i18n/format";

/**
 * One line per running group for the community meeting agenda: "Titel · fällig am …". The
 * status stays inside the group (only its members and the moderators see it).
 */
export function groupsAgenda(services: Services, lang: Lang): Inline[][] {
  const t = translator(lang);
  return groupRepo(services)
    .list(["running"])
    .map((group) => [
      bold(group.title),
      " · ",
      t("group.agenda.due", { due: formatIsoDate(group.due, lang) }),
    ]);
}
