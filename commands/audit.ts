import { z } from "zod";
import { code, mention, msg } from "../src/core/message";
import { defineCommand } from "./types";

/** `/cop audit [n]`: the latest moderator actions, newest first. */
export const auditCommand = defineCommand({
  name: "audit",
  summary: "core.audit.summary",
  usage: "core.audit.usage",
  example: "audit 20",
  permission: "admin",
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
  run(ctx, args) {
    const { t, services } = ctx;
    const entries = services.audit.recent(args[0] ?? 10);
    if (entries.length === 0) {
      ctx.reply(t("core.audit.empty"));
      return;
    }
    ctx.reply(
      msg()
        .text(t("core.audit.title"))
        .list(
          entries.map((e) => [
            `${e.at.toISOString().slice(0, 16).replace("T", " ")} UTC · `,
            mention(e.actorId),
            " · ",
            code(e.action),
            ...(e.target ? [" · ", e.target] : []),
          ]),
        )
        .build(),
    );
  },
});
