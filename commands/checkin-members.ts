import { z } from "zod";
import { CheckinRepo } from "../src/meetings/checkin-repo";
import { findCheckin } from "./meeting-common";
import { defineCommand } from "./types";

/** `/cop checkin join <id>`: get the check-in's questions by DM from the next round on. */
export const checkinJoinCommand = defineCommand({
  name: "checkin join",
  summary: "checkin.join.summary",
  usage: "checkin.join.usage",
  example: "checkin.join.example",
  permission: "member",
  args: z.array(z.string()).max(1),
  run(ctx, [raw]) {
    const checkin = findCheckin(ctx, raw, "join");
    if (!checkin) return;
    const fresh = new CheckinRepo(ctx.services.db).join(checkin.id, ctx.actor.id, ctx.services.clock.now());
    ctx.reply(
      ctx.t(fresh ? "checkin.joined" : "checkin.alreadyIn", { id: checkin.id, title: checkin.title }),
    );
  },
});

/** `/cop checkin leave <id>`: no more prompts from this check-in. */
export const checkinLeaveCommand = defineCommand({
  name: "checkin leave",
  summary: "checkin.leave.summary",
  usage: "checkin.leave.usage",
  example: "checkin.leave.example",
  permission: "member",
  args: z.array(z.string()).max(1),
  run(ctx, [raw]) {
    const checkin = findCheckin(ctx, raw, "leave");
    if (!checkin) return;
    const left = new CheckinRepo(ctx.services.db).leave(checkin.id, ctx.actor.id);
    ctx.reply(ctx.t(left ? "checkin.left" : "checkin.notIn", { id: checkin.id, title: checkin.title }));
  },
});
