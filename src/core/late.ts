import { translator } from "../i18n";
import { formatDateTime } from "../i18n/format";
import type { MissedEvent, UserEvent } from "./events";
import { splitId } from "./ids";
import { channelRef, link, msg, type Inline, type OutgoingMessage } from "./message";
import type { AnswerNote } from "./outbox";
import type { Services } from "./services";
import { formatAge } from "./status";

/**
 * The first answer to an event the platform delivered late starts with a short sorry, in the
 * language of whoever reads it: the community's in a channel, the person's own in private.
 */
export function lateNote(services: Services, event: UserEvent): AnswerNote {
  return (message: OutgoingMessage, target): OutgoingMessage => {
    const lang =
      target.kind === "channel" ? services.config.lang : services.langOf(services.members.get(event.userId));
    const note = translator(lang)("core.late");
    return { ...message, blocks: [{ kind: "context", content: [note] }, ...message.blocks] };
  };
}

/** Where the oldest missed message is, as a link when the platform has one. */
async function oldestLink(
  services: Services,
  channelId: string,
  messageId: string | undefined,
): Promise<string | undefined> {
  const platform = splitId(channelId)?.platform;
  if (messageId === undefined || platform === undefined || !services.ports.has(platform)) return undefined;
  try {
    return await services.ports.forId(channelId).permalink({ channelId, messageId });
  } catch {
    return undefined;
  }
}

/**
 * Tells every moderator, by DM in their language, where events arrived that copbot did not
 * handle because they were older than the platform's catch-up window: how many per
 * conversation and since when, with a link to the oldest.
 */
export async function noteMissed(services: Services, event: MissedEvent): Promise<void> {
  const total = event.conversations.reduce((sum, c) => sum + c.count, 0);
  services.log.warn({ platform: event.platform, events: total }, "events too old to handle after an outage");
  const moderators = services.moderatorIds();
  if (moderators.length === 0 || total === 0) return;
  const links = await Promise.all(
    event.conversations.map((c) => oldestLink(services, c.channelId, c.oldestMessageId)),
  );
  for (const moderatorId of moderators) {
    const lang = services.langOf(services.members.get(moderatorId));
    const t = translator(lang);
    const lines = event.conversations.map((c, i): Inline[] => {
      const url = links[i];
      const oldest = formatDateTime(c.oldest, services.config.timeZone, lang);
      return [
        channelRef(c.channelId),
        ": ",
        t("ops.missed.line", { count: c.count, oldest }),
        ...(url !== undefined ? [" · ", link(url, t("ops.missed.look"))] : []),
      ];
    });
    const note = msg()
      .text(t("ops.missed.title", { count: total, age: formatAge(event.olderThanMs, t) }))
      .list(lines)
      .build();
    services.outbox.enqueue({ kind: "dm", userId: moderatorId }, note);
  }
}
