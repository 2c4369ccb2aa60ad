import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { deleteMeeting, pauseMeeting, resumeMeeting } from "../../src/meetings/api";

const idArg = z.array(z.string()).max(1);

/** `/cop meeting pause <id>`: no reminders until resumed. */
export const meetingPauseCommand = defineCommand({
  name: "meeting pause",
  summary: "meeting.pause.summary",
  usage: "meeting.pause.usage",
  example: "meeting.pause.example",
  args: idArg,
  run: (ctx, [raw]) => pauseMeeting(ctx, raw),
});

/** `/cop meeting resume <id>`: reminders again, from the next date on. */
export const meetingResumeCommand = defineCommand({
  name: "meeting resume",
  summary: "meeting.resume.summary",
  usage: "meeting.resume.usage",
  example: "meeting.resume.example",
  args: idArg,
  run: (ctx, [raw]) => resumeMeeting(ctx, raw),
});

/** `/cop meeting delete <id>`: ends the series; pending reminders are cancelled. */
export const meetingDeleteCommand = defineCommand({
  name: "meeting delete",
  summary: "meeting.delete.summary",
  usage: "meeting.delete.usage",
  example: "meeting.delete.example",
  args: idArg,
  run: (ctx, [raw]) => deleteMeeting(ctx, raw),
});
