import { z } from "zod";
import { checkFuture, editMeeting, scheduleFrom } from "../src/meetings/meeting-ops";
import { describeSchedule } from "../src/schedule/describe";
import { parseSpec } from "../src/meetings/parse-spec";
import {
  auditForeign,
  findMeeting,
  mayChange,
  replyError,
  resolveSpecChannel,
  today,
} from "./meeting-common";
import { commandPrefix } from "./registry";
import { defineCommand } from "./types";

/** `/cop meeting edit <id> [recurrence] [options]`: changes a series; moderators or its creator. */
export const meetingEditCommand = defineCommand({
  name: "meeting edit",
  summary: "meeting.edit.summary",
  usage: "meeting.edit.usage",
  example: "meeting.edit.example",
  permission: "member",
  args: z.array(z.string()),
  async run(ctx, [raw, ...tokens]) {
    const { services, t } = ctx;
    const meeting = findMeeting(ctx, raw, "edit");
    if (!meeting || !mayChange(ctx, meeting.createdBy)) return;
    // Errors show an edit line for this meeting, not the `meeting add` example.
    const example = `meeting edit ${meeting.id} weekly tue 09:30`;
    if (tokens.length === 0) {
      return ctx.reply(
        t("meeting.edit.nothing", { example: `${commandPrefix(ctx.event.platform)} ${example}` }),
      );
    }
    const parsed = parseSpec(tokens, "meeting", "edit", services.clock.now(), example);
    if (!parsed.ok) return replyError(ctx, parsed.error);
    const parts = parsed.value;
    const zone = parts.zone ?? meeting.schedule.zone;
    const schedule =
      scheduleFrom(parts, meeting.schedule, { zone, today: today(ctx, zone) }) ?? meeting.schedule;
    const future = checkFuture(services, schedule, example);
    if (!future.ok) return replyError(ctx, future.error);
    const channelId =
      parts.channelRef === undefined
        ? meeting.channelId
        : await resolveSpecChannel(ctx, parts.channelRef, "meeting");
    if (channelId === undefined) return;
    const { meeting: edited, changed } = editMeeting(services, meeting, parts, schedule, channelId);
    if (!changed) return ctx.reply(t("meeting.edit.unchanged", { id: edited.id, title: edited.title }));
    auditForeign(ctx, meeting.createdBy, "meeting.edit", meeting.id);
    ctx.reply(
      t("meeting.edit.done", {
        id: edited.id,
        title: edited.title,
        rule: describeSchedule(t, edited.schedule, services.langOf(ctx.actor)),
      }),
    );
  },
});
