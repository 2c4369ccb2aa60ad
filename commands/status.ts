import { z } from "zod";
import { statusMessage } from "../src/ops/status";
import { commandPrefix } from "./registry";
import { defineCommand } from "./types";

/** `/cop status`: connections, outbox, failed deliveries and overdue jobs, for moderators. */
export const statusCommand = defineCommand({
  name: "status",
  summary: "ops.status.summary",
  usage: "ops.status.usage",
  example: "ops.status.example",
  permission: "moderator",
  readOnly: true,
  args: z.tuple([]),
  run(ctx) {
    ctx.reply(statusMessage(ctx.services, ctx.t, commandPrefix(ctx.event.platform)));
  },
});
