import { translator } from "../i18n";
import type { Feature } from "./feature";
import { bold, mention, msg, type Inline, type OutgoingMessage } from "./message";
import type { Services } from "./services";

/** Lines of inline content, one per item. */
export type HomeLines = readonly (readonly Inline[])[];

/** One titled part of a member's home (Slack App Home), contributed by a feature. */
export interface HomeSection {
  readonly title: string;
  /** One line per item; when there are none, `empty` is shown instead. */
  readonly items: HomeLines;
  readonly empty: string;
  /** Paragraphs after the list (e.g. an expert's topics and availability). */
  readonly notes?: HomeLines;
  /** Small print at the end, typically the commands that change what the section shows. */
  readonly hint?: readonly Inline[];
}

/**
 * A member's home: a greeting, each feature's section in feature order, then one settings
 * section that gathers every feature's setting lines. Reads only; opening the home creates
 * no member.
 */
export function buildHome(
  services: Services,
  features: readonly Feature[],
  memberId: string,
): OutgoingMessage {
  const member = services.members.get(memberId);
  const lang = services.langOf(member);
  const t = translator(lang, services.platforms.prefixOf(memberId));
  const home = msg().header(t("core.home.title"));
  // A mention, not the stored name: the platform shows the name people know (Slack `<@U…>`).
  home.context(t("core.home.hello"), " ", mention(memberId), "! ", t("core.home.intro"));
  for (const feature of features) {
    const section = feature.home?.(services, memberId, lang);
    if (!section) continue;
    home.divider().text(bold(section.title));
    if (section.items.length > 0) home.list(section.items);
    else home.context(section.empty);
    for (const note of section.notes ?? []) home.text(...note);
    if (section.hint) home.context(...section.hint);
  }
  const settings = features.flatMap((f) => f.homeSettings?.(services, memberId, lang) ?? []);
  if (settings.length > 0)
    home
      .divider()
      .text(bold(t("core.home.settings")))
      .list(settings);
  return home.build();
}
