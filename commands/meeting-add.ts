import { z } from "zod";
import { code, msg } from "../src/core/message";
import { formatLocal } from "../src/checkins/format";
import {
  checkFuture,
  createMeeting,
  DEFAULT_DURATION_MINUTES,
  DEFAULT_REMIND_MINUTES,
  scheduleFrom,
} from "../src/checkins/meeting-ops";
import { upcoming } from "../src/checkins/occurrences";
import { EXAMPLES, parseSpec } from "../src/checkins/parse-spec";
import { replyError, resolveSpecChannel, today } from "./meeting-common";
import { commandPrefix } from "./registry";
import { defineCommand } from "./types";

/** `/cop meeting add "Titel" weekly mon 10:00 in #kanal [options]`: a recurring meeting with reminders. */
export const meetingAddCommand = defineCommand({
  name: "meeting add",
  summary: "meeting.add.summary",
  usage: "meeting.add.usage",
  example: EXAMPLES.meeting,
  permission: "moderator",
  args: z.array(z.string()),
  async run(ctx, tokens) {
    const { services, t } = ctx;
    const parsed = parseSpec(tokens, "meeting", "add", services.clock.now());
    if (!parsed.ok) return replyError(ctx, parsed.error);
    const parts = parsed.value;
    const zone = parts.zone ?? services.config.timeZone;
    const schedule = scheduleFrom(parts, undefined, { zone, today: today(ctx, zone) });
    if (!schedule)
      return ctx.reply(
        t("meeting.error.title", { example: `${commandPrefix(ctx.event.platform)} ${EXAMPLES.meeting}` }),
      );
    const future = checkFuture(services, schedule);
    if (!future.ok) return replyError(ctx, future.error);
    const channelId = await resolveSpecChannel(ctx, parts.channelRef, "meeting");
    if (channelId === undefined) return;
    const meeting = createMeeting(services, {
      title: parts.title ?? "",
      channelId,
      schedule,
      durationMinutes: parts.durationMinutes ?? DEFAULT_DURATION_MINUTES,
      remindMinutes: parts.remindMinutes ?? DEFAULT_REMIND_MINUTES,
      link: parts.link ?? undefined,
      createdBy: ctx.actor.id,
    });
    const lang = services.langOf(ctx.actor);
    const next = upcoming(schedule, services.clock.now(), { count: 3, skips: new Set(), lang });
    const prefix = commandPrefix(ctx.event.platform);
    ctx.reply(
      msg()
        .text(t("meeting.add.done", { id: meeting.id, title: meeting.title }))
        .list(next.map((o) => [formatLocal(o.local, zone, lang)]))
        .context(
          t("meeting.add.hint"),
          " ",
          code(`${prefix} meeting preview ${meeting.id}`),
          " · ",
          code(`${prefix} meeting ics ${meeting.id}`),
        )
        .build(),
    );
  },
});
