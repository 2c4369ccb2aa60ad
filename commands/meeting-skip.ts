import { z } from "zod";
import { formatLocal } from "../src/meetings/format";
import { skipMeetingDate } from "../src/meetings/meeting-ops";
import { MeetingRepo } from "../src/meetings/meeting-repo";
import { upcoming } from "../src/schedule/occurrences";
import { parseFutureDate } from "../src/meetings/parse-fields";
import { findMeeting, mayChange, replyError, today } from "./meeting-common";
import { commandPrefix } from "./registry";
import { defineCommand } from "./types";

/** `/cop meeting skip <id> <yyyy-mm-dd>`: cancels one date; the series goes on. */
export const meetingSkipCommand = defineCommand({
  name: "meeting skip",
  summary: "meeting.skip.summary",
  usage: "meeting.skip.usage",
  example: "meeting.skip.example",
  permission: "moderator",
  args: z.array(z.string()).max(2),
  run(ctx, [raw, dateRaw]) {
    const { services, t } = ctx;
    const meeting = findMeeting(ctx, raw, "skip");
    if (!meeting || !mayChange(ctx, meeting.createdBy)) return;
    const zone = meeting.schedule.zone;
    const skips = new MeetingRepo(services.db).skips(meeting.id);
    // The example names this series' next real date, so it works as typed.
    const next = upcoming(meeting.schedule, services.clock.now(), { count: 1, skips })[0];
    const exampleDate = next?.local.slice(0, 10) ?? today(ctx, zone);
    const date = parseFutureDate(
      dateRaw,
      zone,
      services.clock.now(),
      `meeting skip ${meeting.id} ${exampleDate}`,
    );
    if (!date.ok) return replyError(ctx, date.error);
    const until = new Date(Date.parse(`${date.value}T00:00:00Z`) + 2 * 86_400_000);
    const occurrence = upcoming(meeting.schedule, services.clock.now(), { skips, until }).find(
      (o) => o.local.slice(0, 10) === date.value,
    );
    if (!occurrence) {
      const prefix = commandPrefix(ctx.event.platform);
      return ctx.reply(
        t("meeting.error.notOccurrence", {
          date: date.value,
          title: meeting.title,
          preview: `${prefix} meeting preview ${meeting.id}`,
        }),
      );
    }
    skipMeetingDate(services, meeting, occurrence.local);
    ctx.reply(
      t("meeting.skip.done", {
        title: meeting.title,
        when: formatLocal(occurrence.local, zone, services.langOf(ctx.actor)),
      }),
    );
  },
});
