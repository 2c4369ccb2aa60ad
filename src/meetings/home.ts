import type { HomeSection } from "../core/home";
import { bold, channelRef, code, type Inline } from "../core/message";
import type { Services } from "../core/services";
import { translator, type Lang } from "../i18n";
import { MeetingRepo } from "./meeting-repo";
import { upcoming } from "../schedule/occurrences";
import { formatLocal } from "../schedule/local-time";

/** How many dates the home shows, across all series; a weekly series must not crowd out the rest. */
const MAX_DATES = 5;
const MAX_PER_SERIES = 2;

/** "Next meetings": the next dates of the active series, soonest first, in each series' local time. */
export function meetingsHome(services: Services, memberId: string, lang: Lang): HomeSection {
  const t = translator(lang, services.platforms.prefixOf(memberId));
  const prefix = services.platforms.prefixOf(memberId);
  const repo = new MeetingRepo(services.db);
  const now = services.clock.now();
  const dates = repo
    .list()
    .filter((meeting) => meeting.state === "active")
    .flatMap((meeting) =>
      upcoming(meeting.schedule, now, { count: MAX_PER_SERIES, skips: repo.skips(meeting.id), lang }).map(
        (occurrence) => ({ meeting, occurrence }),
      ),
    )
    .sort((a, b) => a.occurrence.at.getTime() - b.occurrence.at.getTime() || a.meeting.id - b.meeting.id)
    .slice(0, MAX_DATES);
  const items = dates.map(({ meeting, occurrence }): Inline[] => [
    formatLocal(occurrence.local, meeting.schedule.zone, lang),
    " · ",
    bold(meeting.title),
    " · ",
    channelRef(meeting.channelId),
  ]);
  return {
    title: t("meeting.home.title"),
    items,
    empty: t("meeting.home.none"),
    hint: [
      t("meeting.home.hint"),
      " ",
      code(`${prefix} meeting list`),
      " · ",
      code(`${prefix} ${t("meeting.ics.usage")}`),
    ],
  };
}
