import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { sendMeetingIcs } from "../../src/meetings/api";

/** `/cop meeting ics <id>`: the series as an RFC 5545 calendar file (RRULE, EXDATE, TZID). */
export const meetingIcsCommand = defineCommand({
  name: "meeting ics",
  summary: "meeting.ics.summary",
  usage: "meeting.ics.usage",
  example: "meeting.ics.example",
  args: z.array(z.string()).max(1),
  run: (ctx, [raw]) => sendMeetingIcs(ctx, raw),
});
