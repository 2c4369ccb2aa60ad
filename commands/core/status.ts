import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { showStatus } from "../../src/core/status";

/** `/cop status`: connections, outbox, failed deliveries and overdue jobs, for moderators. */
export const statusCommand = defineCommand({
  name: "status",
  summary: "ops.status.summary",
  usage: "ops.status.usage",
  example: "ops.status.example",
  readOnly: true,
  args: z.tuple([]),
  run: showStatus,
});
