import { translator } from "../i18n";
import { msg } from "./message";
import { describeItem } from "./outbox-describe";
import type { OutboxRow } from "./outbox-row";
import type { Services } from "./services";

const LISTED = 5;

/**
 * Tells the moderators, by DM and in their language, which messages copbot dropped because
 * they could not be delivered while they still made sense (a reminder for a meeting that is
 * over). Nothing vanishes in silence; the note itself is not noted again if it expires too.
 */
export function noteExpired(services: Services, rows: readonly OutboxRow[]): void {
  const noted = rows.filter((r) => r.notifyExpiry);
  services.log.warn({ items: rows.length }, "outbox: messages expired undelivered");
  if (noted.length === 0) return;
  const moderators = services.moderatorIds();
  if (moderators.length === 0) {
    services.log.error({ items: noted.length }, "outbox: messages expired and there is no moderator to tell");
    return;
  }
  for (const moderatorId of moderators) {
    const t = translator(services.langOf(services.members.get(moderatorId)));
    const note = msg()
      .text(t("ops.expired.title", { count: noted.length }))
      .list(
        noted.slice(0, LISTED).map((row) => {
          const { what, where } = describeItem(row, t);
          return [`„${what}“`, ...(where.length > 0 ? [" → ", ...where] : [])];
        }),
      );
    if (noted.length > LISTED) note.context(t("ops.expired.more", { count: noted.length - LISTED }));
    services.outbox.enqueue({ kind: "dm", userId: moderatorId }, note.build(), { notifyExpiry: false });
  }
}
