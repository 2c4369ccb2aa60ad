import type { HomeLines, HomeSection } from "../core/home";
import { code, type Inline } from "../core/message";
import type { Services } from "../core/services";
import { translator, type Lang, type Translate } from "../i18n";
import { openQuestionLine } from "./agenda";
import { topicsOf } from "./expert-repo";
import { inQuietHours } from "./expert-settings";
import { expertSettings, type ExpertSettings } from "./expert-settings-repo";
import { QuestionRepo } from "./question-repo";
import { formatDay } from "../i18n/format";

/** Enough to see what is pending; the rest is one `search` away. */
const MAX_QUESTIONS = 10;

const day = (at: Date, services: Services, lang: Lang) => formatDay(at, services.config.timeZone, lang);

/** Whether copbot would tag the expert right now, and why not. */
function availability(
  t: Translate,
  services: Services,
  lang: Lang,
  settings: ExpertSettings,
  memberId: string,
): string {
  const now = services.clock.now();
  const zone = services.members.get(memberId)?.timeZone ?? services.config.timeZone;
  if (settings.optedOut) return t("qa.home.paused");
  if (settings.awayUntil && now < settings.awayUntil)
    return t("qa.home.away", { date: day(settings.awayUntil, services, lang) });
  if (inQuietHours(settings.quiet, now, zone)) return t("qa.home.quietNow");
  return t("qa.home.available");
}

/** "My open questions": what the member asked that is still open; for experts, topics and availability. */
export function qaHome(services: Services, memberId: string, lang: Lang): HomeSection {
  const t = translator(lang, services.platforms.prefixOf(memberId));
  const prefix = services.platforms.prefixOf(memberId);
  const questions = new QuestionRepo(services.db).openBy(memberId, MAX_QUESTIONS);
  const topics = topicsOf(services.db, memberId);
  const notes: Inline[][] = [];
  if (topics.length > 0) {
    notes.push([t("qa.home.topics"), " ", topics.map((topic) => topic.label).join(", ")]);
    const settings = expertSettings(services.db, memberId);
    notes.push([t("qa.home.availability"), " ", availability(t, services, lang, settings, memberId)]);
  }
  return {
    title: t("qa.home.title"),
    items: questions.map((q) => openQuestionLine(services, lang, q)),
    empty: t("qa.home.none"),
    notes,
    hint: [t("qa.home.hint"), " ", code(`${prefix} ${t("qa.search.usage")}`)],
  };
}

/** The expert settings (cap, quiet hours, away) with their commands; for non-experts how to become one. */
export function qaHomeSettings(services: Services, memberId: string, lang: Lang): HomeLines {
  const t = translator(lang, services.platforms.prefixOf(memberId));
  const prefix = services.platforms.prefixOf(memberId);
  const command = (usage: string): Inline => code(`${prefix} ${usage}`);
  if (topicsOf(services.db, memberId).length === 0)
    return [[t("qa.home.noExpert"), " · ", command(t("qa.expert.add.usage"))]];
  const settings = expertSettings(services.db, memberId);
  const awayUntil =
    settings.awayUntil && services.clock.now() < settings.awayUntil ? settings.awayUntil : undefined;
  // The usage reads "away until <date> · away off": offer the half that changes the state.
  const [goAway = "", comeBack = ""] = t("qa.away.usage").split(" · ");
  return [
    [t("qa.home.cap", { n: settings.weeklyCap }), " · ", command(t("qa.settings.cap.usage"))],
    [
      settings.quiet ? t("qa.home.quiet", settings.quiet) : t("qa.home.noQuiet"),
      " · ",
      command(t("qa.settings.quiet.usage")),
    ],
    [
      awayUntil ? t("qa.home.awayUntil", { date: day(awayUntil, services, lang) }) : t("qa.home.notAway"),
      " · ",
      command(awayUntil ? comeBack : goAway),
    ],
    [
      settings.optedOut ? t("qa.home.pausedSetting") : t("qa.home.active"),
      " · ",
      command(t(settings.optedOut ? "qa.settings.resume.usage" : "qa.settings.pause.usage")),
    ],
  ];
}
