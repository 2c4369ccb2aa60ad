import { z } from "zod";
import { msg } from "../src/core/message";
import { meetingIcs } from "../src/meetings/meeting-ics";
import { MeetingRepo } from "../src/meetings/meeting-repo";
import { findMeeting } from "./meeting-common";
import { commandPrefix } from "./registry";
import { defineCommand } from "./types";

/** `/cop meeting ics <id>`: the series as an RFC 5545 calendar file (RRULE, EXDATE, TZID). */
export const meetingIcsCommand = defineCommand({
  name: "meeting ics",
  summary: "meeting.ics.summary",
  usage: "meeting.ics.usage",
  example: "meeting.ics.example",
  permission: "member",
  args: z.array(z.string()).max(1),
  run(ctx, [raw]) {
    const { services, t } = ctx;
    const meeting = findMeeting(ctx, raw, "ics");
    if (!meeting) return;
    const content = meetingIcs(meeting, new MeetingRepo(services.db).skips(meeting.id), services.clock.now());
    const name = `${
      meeting.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "meeting"
    }.ics`;
    ctx.reply(
      msg()
        .text(
          t("meeting.ics.done", {
            title: meeting.title,
            cmd: `${commandPrefix(ctx.event.platform)} meeting ics ${meeting.id}`,
          }),
        )
        .attach({ name, mime: "text/calendar", content })
        .build(),
    );
  },
});
