import { z } from "zod";
import { bold, channelRef, msg, type Inline } from "../src/core/message";
import { describeSchedule } from "../src/schedule/describe";
import { formatLocal } from "../src/meetings/format";
import { MeetingRepo } from "../src/meetings/meeting-repo";
import { upcoming } from "../src/schedule/occurrences";
import { commandPrefix } from "./registry";
import { defineCommand } from "./types";

/** `/cop meeting list`: every meeting with its rule, channel and next date. */
export const meetingListCommand = defineCommand({
  name: "meeting list",
  summary: "meeting.list.summary",
  usage: "meeting.list.usage",
  example: "meeting.list.example",
  permission: "member",
  args: z.tuple([]),
  run(ctx) {
    const { services, t } = ctx;
    const repo = new MeetingRepo(services.db);
    const meetings = repo.list();
    if (meetings.length === 0)
      return ctx.reply(t("meeting.list.empty", { cmd: commandPrefix(ctx.event.platform) }));
    const lang = services.langOf(ctx.actor);
    const items = meetings.map((m): Inline[] => {
      const next = upcoming(m.schedule, services.clock.now(), { count: 1, skips: repo.skips(m.id) })[0];
      const state =
        m.state === "paused"
          ? t("meeting.list.paused")
          : next
            ? t("meeting.list.next", { when: formatLocal(next.local, m.schedule.zone, lang) })
            : "";
      return [
        bold(`#${m.id} ${m.title}`),
        ` · ${describeSchedule(t, m.schedule, lang)} · `,
        channelRef(m.channelId),
        ` · ${state}`,
      ];
    });
    ctx.reply(msg().header(t("meeting.list.header")).list(items).build());
  },
});
