import { z } from "zod";
import { setMeetingState } from "../src/meetings/meeting-ops";
import { findMeeting, mayChange } from "./meeting-common";
import { commandPrefix } from "./registry";
import { defineCommand } from "./types";

const idArg = z.array(z.string()).max(1);

/** `/cop meeting pause <id>`: no reminders until resumed. */
export const meetingPauseCommand = defineCommand({
  name: "meeting pause",
  summary: "meeting.pause.summary",
  usage: "meeting.pause.usage",
  example: "meeting.pause.example",
  permission: "moderator",
  args: idArg,
  run(ctx, [raw]) {
    const meeting = findMeeting(ctx, raw, "pause");
    if (!meeting || !mayChange(ctx, meeting.createdBy)) return;
    const already = meeting.state === "paused";
    if (!already) setMeetingState(ctx.services, meeting.id, "paused");
    ctx.reply(
      ctx.t(already ? "meeting.pause.already" : "meeting.pause.done", {
        id: meeting.id,
        title: meeting.title,
        cmd: commandPrefix(ctx.event.platform),
      }),
    );
  },
});

/** `/cop meeting resume <id>`: reminders again, from the next date on. */
export const meetingResumeCommand = defineCommand({
  name: "meeting resume",
  summary: "meeting.resume.summary",
  usage: "meeting.resume.usage",
  example: "meeting.resume.example",
  permission: "moderator",
  args: idArg,
  run(ctx, [raw]) {
    const meeting = findMeeting(ctx, raw, "resume");
    if (!meeting || !mayChange(ctx, meeting.createdBy)) return;
    const already = meeting.state === "active";
    if (!already) setMeetingState(ctx.services, meeting.id, "active");
    ctx.reply(
      ctx.t(already ? "meeting.resume.already" : "meeting.resume.done", {
        id: meeting.id,
        title: meeting.title,
      }),
    );
  },
});

/** `/cop meeting delete <id>`: ends the series; pending reminders are cancelled. */
export const meetingDeleteCommand = defineCommand({
  name: "meeting delete",
  summary: "meeting.delete.summary",
  usage: "meeting.delete.usage",
  example: "meeting.delete.example",
  permission: "moderator",
  args: idArg,
  run(ctx, [raw]) {
    const meeting = findMeeting(ctx, raw, "delete");
    if (!meeting || !mayChange(ctx, meeting.createdBy)) return;
    setMeetingState(ctx.services, meeting.id, "deleted");
    ctx.reply(ctx.t("meeting.delete.done", { id: meeting.id, title: meeting.title }));
  },
});
