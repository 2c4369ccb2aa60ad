import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { editMeetingByText } from "../../src/meetings/api";

/** `/cop meeting edit <id> [recurrence] [options]`: changes a series; moderators or its creator. */
export const meetingEditCommand = defineCommand({
  name: "meeting edit",
  summary: "meeting.edit.summary",
  usage: "meeting.edit.usage",
  example: "meeting.edit.example",
  args: z.array(z.string()),
  run: (ctx, [raw, ...tokens]) => editMeetingByText(ctx, raw, tokens),
});
