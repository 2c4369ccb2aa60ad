import type { HomeLines, HomeSection } from "../core/home";
import { bold, channelRef, code, type Inline } from "../core/message";
import type { Services } from "../core/services";
import { translator, type Lang } from "../i18n";
import { groupRepo } from "./context";
import { invitationsOn } from "./invitation-repo";
import type { GroupState } from "./group-repo";
import { formatIsoDate } from "../i18n/format";

/** Groups a member still works in or waits for; closed and expired ones are history. */
const ACTIVE: readonly GroupState[] = ["proposed", "forming", "running"];

/** "My groups": every active group the member holds a seat in, with state and due date. */
export function groupsHome(services: Services, memberId: string, lang: Lang): HomeSection {
  const t = translator(lang, services.platforms.prefixOf(memberId));
  const prefix = services.platforms.prefixOf(memberId);
  const items = groupRepo(services)
    .listFor(memberId, ACTIVE)
    .map((group): Inline[] => [
      bold(`#${group.id} ${group.title}`),
      " · ",
      t(`group.state.${group.state}`),
      " · ",
      t("group.agenda.due", { due: formatIsoDate(group.due, lang) }),
      ...(group.spaceId !== undefined ? [" · ", channelRef(group.spaceId)] : []),
    ]);
  return {
    title: t("group.home.title"),
    items,
    empty: t("group.home.none"),
    hint: [
      t("group.home.hint"),
      " ",
      code(`${prefix} ${t("group.cmd.list.usage")}`),
      " · ",
      code(`${prefix} group propose`),
    ],
  };
}

/** Whether the member gets DMs about new groups on their topics, and how to switch. */
export function groupsHomeSettings(services: Services, memberId: string, lang: Lang): HomeLines {
  const t = translator(lang, services.platforms.prefixOf(memberId));
  const on = invitationsOn(services.db, memberId);
  return [
    [
      t(on ? "group.home.invitationsOn" : "group.home.invitationsOff"),
      " · ",
      code(`${services.platforms.prefixOf(memberId)} group invitations ${on ? "off" : "on"}`),
    ],
  ];
}
