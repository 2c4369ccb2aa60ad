import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { previewMeeting } from "../../src/meetings/api";

/** `/cop meeting preview <id>`: the next 5 dates in local time, holidays and skipped dates marked. */
export const meetingPreviewCommand = defineCommand({
  name: "meeting preview",
  summary: "meeting.preview.summary",
  usage: "meeting.preview.usage",
  example: "meeting.preview.example",
  args: z.array(z.string()).max(1),
  run: (ctx, [raw]) => previewMeeting(ctx, raw),
});
