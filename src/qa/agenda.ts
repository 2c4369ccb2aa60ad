import { channelRef, type Inline } from "../core/message";
import type { Services } from "../core/services";
import { translator, type Lang } from "../i18n";
import { followerCount } from "./follower-repo";
import { QuestionRepo, type Question } from "./question-repo";
import { shortLine } from "./text";
import { formatShortDayTime } from "../i18n/format";

const MAX_TEXT = 80;

/** One line about an open question: number, text, channel, age, answered or not, who waits too. */
export function openQuestionLine(services: Services, lang: Lang, q: Question): Inline[] {
  const t = translator(lang);
  const since = formatShortDayTime(q.askedAt, services.config.timeZone, lang);
  const state = q.firstAnswerAt ? t("qa.open.answered") : t("qa.open.unanswered");
  const n = followerCount(services.db, q.id);
  const waiting: Inline[] = n > 0 ? [" · ", t("qa.open.followers", { n })] : [];
  return [
    `#${q.id} `,
    shortLine(q.text, MAX_TEXT),
    " · ",
    channelRef(q.channelId),
    " · ",
    t("qa.open.since", { since }),
    " · ",
    state,
    ...waiting,
  ];
}

/** The Q&A contribution to the meeting agenda: open questions, most followed then oldest first, at most 5. */
export function qaAgenda(services: Services, lang: Lang): Inline[][] {
  return new QuestionRepo(services.db).open(5).map((q) => openQuestionLine(services, lang, q));
}
