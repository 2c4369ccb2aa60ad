import { z } from "zod";
import { showAuditLog } from "../../src/core/audit-log";
import { defineCommand } from "../../src/core/commands/command";

/** `/cop audit [n]`: the latest moderator actions, newest first. */
export const auditCommand = defineCommand({
  name: "audit",
  summary: "core.audit.summary",
  usage: "core.audit.usage",
  example: "core.audit.example",
  readOnly: true,
  args: z.union([
    z.tuple([]),
    z.tuple([
      z
        .string()
        .regex(/^\d+$/, { message: "core.audit.count" })
        .transform(Number)
        .pipe(
          z.number().int().min(1, { message: "core.audit.count" }).max(100, { message: "core.audit.count" }),
        ),
    ]),
  ]),
  run: (ctx, args) => showAuditLog(ctx, args[0] ?? 10),
});
