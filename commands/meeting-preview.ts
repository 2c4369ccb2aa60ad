import { DateTime } from "luxon";
import { z } from "zod";
import { channelRef, msg, type Inline } from "../src/core/message";
import { describeSchedule } from "../src/schedule/describe";
import { formatLeadsShort, formatLocal } from "../src/meetings/format";
import { MeetingRepo } from "../src/meetings/meeting-repo";
import { expand, type Occurrence } from "../src/schedule/occurrences";
import type { Translate } from "../src/i18n";
import { findMeeting } from "./meeting-common";
import { defineCommand } from "./types";

const PREVIEW_COUNT = 5;

function mark(t: Translate, o: Occurrence): string {
  if (o.status === "holiday") return ` – ${t("meeting.preview.holiday", { holiday: o.holiday ?? "" })}`;
  if (o.status === "moved") return ` – ${t("meeting.preview.moved", { holiday: o.holiday ?? "" })}`;
  if (o.status === "skipped") return ` – ${t("meeting.preview.skipped")}`;
  // `monthly 31` and cron rules can land on a Saturday or Sunday: make it visible.
  return DateTime.fromISO(o.local).weekday >= 6 ? ` – ${t("meeting.preview.weekend")}` : "";
}

/** `/cop meeting preview <id>`: the next 5 dates in local time, holidays and skipped dates marked. */
export const meetingPreviewCommand = defineCommand({
  name: "meeting preview",
  summary: "meeting.preview.summary",
  usage: "meeting.preview.usage",
  example: "meeting.preview.example",
  permission: "member",
  args: z.array(z.string()).max(1),
  run(ctx, [raw]) {
    const { services, t } = ctx;
    const meeting = findMeeting(ctx, raw, "preview");
    if (!meeting) return;
    const lang = services.langOf(ctx.actor);
    const zone = meeting.schedule.zone;
    const skips = new MeetingRepo(services.db).skips(meeting.id);
    const entries = expand(meeting.schedule, services.clock.now(), { count: PREVIEW_COUNT, skips, lang });
    const items = entries.map((o): Inline[] =>
      [formatLocal(o.status === "moved" ? o.original : o.local, zone, lang), mark(t, o)].concat(
        o.status === "moved" ? [` → ${formatLocal(o.local, zone, lang)}`] : [],
      ),
    );
    const m = msg()
      .header(t("meeting.preview.header", { id: meeting.id, title: meeting.title }))
      .list(items)
      .context(
        describeSchedule(t, meeting.schedule, lang),
        " · ",
        channelRef(meeting.channelId),
        " · ",
        t("meeting.preview.reminders", { leads: formatLeadsShort(meeting.remindMinutes) || "–" }),
      );
    if (meeting.state === "paused") m.context(t("meeting.list.paused"));
    ctx.reply(m.build());
  },
});
