import { z } from "zod";
import { stopCheckin } from "../src/meetings/api";
import { auditForeign, findCheckin, mayChange } from "./meeting-common";
import { defineCommand } from "./types";

/** `/cop checkin delete <id>`: ends a check-in; moderators or its creator. */
export const checkinDeleteCommand = defineCommand({
  name: "checkin delete",
  summary: "checkin.delete.summary",
  usage: "checkin.delete.usage",
  example: "checkin.delete.example",
  permission: "member",
  args: z.array(z.string()).max(1),
  run(ctx, [raw]) {
    const checkin = findCheckin(ctx, raw, "delete");
    if (!checkin || !mayChange(ctx, checkin.createdBy, "checkin.error.notOwner")) return;
    stopCheckin(ctx.services, checkin.id);
    auditForeign(ctx, checkin.createdBy, "checkin.delete", checkin.id);
    ctx.reply(ctx.t("checkin.delete.done", { id: checkin.id, title: checkin.title }));
  },
});
