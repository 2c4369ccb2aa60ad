import type { CommandEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { msg } from "../core/message";
import { formatDateTime, formatDay } from "../i18n/format";
import { summaryLines } from "./labels";
import { collectPersonalData, recordCount } from "./personal-data";

/**
 * `privacy export`: everything copbot stores about the caller, as a JSON file with a readable
 * summary, by DM (DSGVO Art. 15 and 20). Only the caller's own data: there is no way to ask for
 * someone else's.
 */
export function exportOwnData(ctx: EventContext<CommandEvent>): void {
  const { services, t, actor } = ctx;
  const data = collectPersonalData(services, actor.id);
  const now = services.clock.now();
  const zone = services.config.timeZone;
  const lang = services.langOf(actor);
  const counts = Object.fromEntries(
    Object.entries(data.parts).map(([part, section]) => [
      part,
      Object.fromEntries(Object.entries(section).map(([kind, value]) => [kind, recordCount(value)])),
    ]),
  );
  const message = msg()
    .header(t("privacy.export.title"))
    .text(t("privacy.export.intro", { when: formatDateTime(now, zone, lang) }))
    .list(summaryLines(t, counts, t("privacy.export.nothing")))
    .context(t("privacy.export.hint"))
    .attach({
      name: `${t("privacy.export.file")}-${formatDay(now, zone, "en")}.json`,
      mime: "application/json",
      content: `${JSON.stringify(data, null, 2)}\n`,
    })
    .build();
  ctx.post({ kind: "dm", userId: actor.id }, message);
  if (!ctx.event.isDm) ctx.reply(t("privacy.export.sent"));
}
