import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { addMeetingOrOpenForm } from "../../src/meetings/api";

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
  args: z.array(z.string()),
  run: (ctx, tokens) => addMeetingOrOpenForm(ctx, tokens),
});
