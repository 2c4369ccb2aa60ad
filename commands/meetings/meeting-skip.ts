import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { skipMeetingByText } from "../../src/meetings/api";

/** `/cop meeting skip <id> <Datum>`: cancels one date; the series goes on. */
export const meetingSkipCommand = defineCommand({
  name: "meeting skip",
  summary: "meeting.skip.summary",
  usage: "meeting.skip.usage",
  example: "meeting.skip.example",
  args: z.array(z.string()).max(6),
  run: (ctx, [raw, ...date]) => skipMeetingByText(ctx, raw, date.join(" ")),
});
