import { bold, mention, msg, type Inline, type OutgoingMessage } from "../core/message";
import type { Services } from "../core/services";
import { translator, type Lang, type Translate } from "../i18n";
import type { IntroMatch } from "./match-repo";

const STARTERS = ["intros.starter.1", "intros.starter.2", "intros.starter.3", "intros.starter.4"] as const;

/** `@anna (Stadt Musterhausen)`, the people of a match one after another. */
export function peopleLine(services: Services, memberIds: readonly string[]): Inline[] {
  return memberIds.flatMap((id, i) => {
    const org = services.members.get(id)?.organisation;
    return [...(i > 0 ? [", "] : []), mention(id), ...(org ? [` (${org})`] : [])];
  });
}

/** The plain names of people, for a room name. */
export function plainNames(services: Services, memberIds: readonly string[]): string {
  return memberIds.map((id) => services.members.get(id)?.displayName ?? id).join(", ");
}

function starter(t: Translate, match: IntroMatch): string {
  const topic = match.topics[match.id % match.topics.length] ?? match.topics[0] ?? "";
  return t(STARTERS[match.id % STARTERS.length] ?? "intros.starter.1", { topic });
}

/**
 * The introduction: who (with their organisations), why they were matched, a conversation
 * starter and what happens next. `for` is the reader of a DM (the others are introduced to
 * them); without it the message goes to everyone at once in a group conversation.
 */
export function introMessage(
  services: Services,
  match: IntroMatch,
  lang: Lang,
  prefix: string,
  reader?: string,
): OutgoingMessage {
  const t = translator(lang, prefix);
  const ids = match.members.map((m) => m.memberId);
  const others = reader === undefined ? ids : ids.filter((id) => id !== reader);
  return msg()
    .text(
      t(reader === undefined ? "intros.intro.hello" : "intros.intro.hello_dm"),
      " ",
      ...peopleLine(services, others),
    )
    .text(t("intros.intro.why", { topics: match.topics.join(", ") }))
    .text(bold(t("intros.intro.starter", { starter: starter(t, match) })))
    .context(t(reader === undefined ? "intros.intro.plan" : "intros.intro.plan_dm"))
    .build();
}

/** The private follow-up a week later, with the two answers as buttons. */
export function followUpMessage(
  services: Services,
  match: IntroMatch,
  reader: string,
  lang: Lang,
  prefix: string,
): OutgoingMessage {
  const t = translator(lang, prefix);
  const others = match.members.map((m) => m.memberId).filter((id) => id !== reader);
  const names = others.map((id) => `@${services.members.get(id)?.displayName ?? id}`).join(", ");
  return msg()
    .text(t("intros.followup.ask", { names }))
    .button("intros.met", t("intros.button.met"), `${match.id}:met`, "primary")
    .button("intros.met", t("intros.button.not_yet"), `${match.id}:not_yet`)
    .build();
}
