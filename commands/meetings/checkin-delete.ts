import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { deleteCheckin } from "../../src/meetings/api";

/** `/cop checkin delete <id>`: ends a check-in; moderators or its creator. */
export const checkinDeleteCommand = defineCommand({
  name: "checkin delete",
  summary: "checkin.delete.summary",
  usage: "checkin.delete.usage",
  example: "checkin.delete.example",
  args: z.array(z.string()).max(1),
  run: (ctx, [raw]) => deleteCheckin(ctx, raw),
});
