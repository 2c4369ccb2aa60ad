import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { optIntoCheckin, optOutOfCheckin } from "../../src/meetings/api";

/** `/cop checkin join <id>`: get the check-in's questions by DM from the next round on. */
export const checkinJoinCommand = defineCommand({
  name: "checkin join",
  summary: "checkin.join.summary",
  usage: "checkin.join.usage",
  example: "checkin.join.example",
  args: z.array(z.string()).max(1),
  run: (ctx, [raw]) => optIntoCheckin(ctx, raw),
});

/** `/cop checkin leave <id>`: no more prompts from this check-in. */
export const checkinLeaveCommand = defineCommand({
  name: "checkin leave",
  summary: "checkin.leave.summary",
  usage: "checkin.leave.usage",
  example: "checkin.leave.example",
  args: z.array(z.string()).max(1),
  run: (ctx, [raw]) => optOutOfCheckin(ctx, raw),
});
