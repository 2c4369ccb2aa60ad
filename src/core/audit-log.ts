import { z } from "zod";
import type { CommandEvent } from "./events";
import type { EventContext } from "./feature";
import { formatStamp } from "../i18n/format";
import { code, msg } from "./message";
import { memberRef } from "./privacy";

/** The latest `count` moderator actions, newest first, in the community's time zone. */
export function showAuditLog(ctx: EventContext<CommandEvent>, count: number): void {
  const { t, services } = ctx;
  const entries = services.audit.recent(count);
  if (entries.length === 0) {
    ctx.reply(t("core.audit.empty"));
    return;
  }
  ctx.reply(
    msg()
      .text(t("core.audit.title", { zone: services.config.timeZone }))
      .list(
        entries.map((e) => [
          `${formatStamp(e.at, services.config.timeZone)} · `,
          memberRef(t, e.actorId),
          " · ",
          code(e.action),
          ...(e.target ? [" · ", e.target] : []),
          ...(e.details ? [" · ", detailText(e.details)] : []),
        ]),
      )
      .build(),
  );
}

/** The command line of a recorded command, or the raw details. */
function detailText(details: string): string {
  const parsed = z.object({ text: z.string() }).safeParse(JSON.parse(details));
  return parsed.success ? parsed.data.text : details;
}
