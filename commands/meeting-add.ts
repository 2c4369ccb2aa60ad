import { z } from "zod";
import { code, msg } from "../src/core/message";
import { meetingForm } from "./meeting-add-form";
import { replyError } from "./meeting-common";
import { addMeeting, MEETING_ADD_PERMISSION } from "./meeting-create";
import { commandPrefix } from "./registry";
import { defineCommand } from "./types";

/**
 * `/cop meeting add "Titel" weekly mon 10:00 in #kanal [options]`: a recurring meeting with
 * reminders. Without arguments it opens a form where the platform has forms (Slack), else it
 * shows the usage line and an example.
 */
export const meetingAddCommand = defineCommand({
  name: "meeting add",
  summary: "meeting.add.summary",
  usage: "meeting.add.usage",
  example: "meeting.add.example",
  permission: MEETING_ADD_PERMISSION,
  args: z.array(z.string()),
  async run(ctx, tokens) {
    const { services, t, event, actor } = ctx;
    if (tokens.length === 0) {
      const form = meetingForm(t, event.isDm ? undefined : event.channelId);
      if (await services.ports.forId(actor.id).openForm(event.triggerId, actor.id, form)) return;
      const prefix = commandPrefix(event.platform);
      return ctx.reply(
        msg()
          .text(t("core.usage"), " ", code(`${prefix} ${t("meeting.add.usage")}`))
          .text(t("core.example"), " ", code(`${prefix} ${t("meeting.add.example")}`))
          .build(),
      );
    }
    const added = await addMeeting(ctx, tokens);
    if (!added.ok) replyError(ctx, added.problem.error);
  },
});
