import type { Services } from "../core/services";
import { upcoming } from "../schedule/occurrences";
import { MeetingRepo } from "./meeting-repo";

/** A meeting date as a digest lists it. */
export interface MeetingDate {
  readonly title: string;
  readonly channelId: string;
  readonly at: Date;
  readonly zone: string;
  readonly link: string | undefined;
}

/** The dates of active meetings in [from, to), skips and holidays applied, by time. */
export function meetingDatesBetween(services: Services, from: Date, to: Date): MeetingDate[] {
  const repo = new MeetingRepo(services.db);
  const dates = repo
    .list()
    .filter((m) => m.state === "active")
    .flatMap((m) =>
      upcoming(m.schedule, new Date(from.getTime() - 1), { until: to, skips: repo.skips(m.id) })
        .filter((o) => o.at.getTime() < to.getTime())
        .map((o) => ({
          title: m.title,
          channelId: m.channelId,
          at: o.at,
          zone: m.schedule.zone,
          link: m.link,
        })),
    );
  return dates.sort((a, b) => a.at.getTime() - b.at.getTime());
}
