import { DateTime } from "luxon";
import { z } from "zod";
import { code, mention, msg } from "../src/core/message";
import { defineCommand } from "./types";

/** `/cop audit [n]`: the latest moderator actions, newest first. */
export const auditCommand = defineCommand({
  name: "audit",
  summary: "core.audit.summary",
  usage: "core.audit.usage",
  example: "core.audit.example",
  permission: "admin",
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
  run(ctx, args) {
    const { t, services } = ctx;
    const entries = services.audit.recent(args[0] ?? 10);
    if (entries.length === 0) {
      ctx.reply(t("core.audit.empty"));
      return;
    }
    ctx.reply(
      msg()
        .text(t("core.audit.title", { zone: services.config.timeZone }))
        .list(
          entries.map((e) => [
            `${DateTime.fromJSDate(e.at, { zone: services.config.timeZone }).toFormat("yyyy-MM-dd HH:mm")} · `,
            mention(e.actorId),
            " · ",
            code(e.action),
            ...(e.target ? [" · ", e.target] : []),
            ...(e.details ? [" · ", detailText(e.details)] : []),
          ]),
        )
        .build(),
    );
  },
});

/** The command line of a recorded command, or the raw details. */
function detailText(details: string): string {
  const parsed = z.object({ text: z.string() }).safeParse(JSON.parse(details));
  return parsed.success ? parsed.data.text : details;
}
