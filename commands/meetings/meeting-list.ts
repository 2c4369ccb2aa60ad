import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { listMeetings } from "../../src/meetings/api";

/** `/cop meeting list`: every meeting with its rule, channel and next date. */
export const meetingListCommand = defineCommand({
  name: "meeting list",
  summary: "meeting.list.summary",
  usage: "meeting.list.usage",
  example: "meeting.list.example",
  args: z.tuple([]),
  run: (ctx) => listMeetings(ctx),
});
