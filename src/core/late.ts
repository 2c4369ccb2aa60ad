import { translator } from "../i18n";
import { formatDateTime } from "../i18n/format";
import type { TooLate, UserEvent } from "./events";
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

/** Missed events of one conversation: how many, and the oldest. */
interface MissedHere {
  readonly channelId: string;
  count: number;
  oldest: TooLate;
}

function byConversation(events: readonly TooLate[]): MissedHere[] {
  const here = new Map<string, MissedHere>();
  for (const e of events) {
    const known = here.get(e.channelId);
    if (!known) here.set(e.channelId, { channelId: e.channelId, count: 1, oldest: e });
    else {
      known.count += 1;
      if (e.at < known.oldest.at) known.oldest = e;
    }
  }
  return [...here.values()];
}

/**
 * Tells every moderator, by DM in their language, where events arrived that copbot did not
 * handle because they were older than the platform's catch-up window (`olderThanMs`): how
 * many per conversation and since when, with a link to the oldest.
 */
export async function noteMissed(
  services: Services,
  olderThanMs: number,
  events: readonly TooLate[],
): Promise<void> {
  services.log.warn({ events: events.length }, "events too old to handle after an outage");
  const moderators = services.moderatorIds();
  if (moderators.length === 0) return;
  const conversations = byConversation(events);
  const links = await Promise.all(
    conversations.map((c) => oldestLink(services, c.channelId, c.oldest.messageId)),
  );
  for (const moderatorId of moderators) {
    const lang = services.langOf(services.members.get(moderatorId));
    const t = translator(lang);
    const lines = conversations.map((c, i): Inline[] => {
      const url = links[i];
      const oldest = formatDateTime(c.oldest.at, services.config.timeZone, lang);
      return [
        channelRef(c.channelId),
        ": ",
        t("ops.missed.line", { n: c.count, oldest }),
        ...(url !== undefined ? [" · ", link(url, t("ops.missed.look"))] : []),
      ];
    });
    const note = msg()
      .text(t("ops.missed.title", { n: events.length, age: formatAge(olderThanMs, t) }))
      .list(lines)
      .build();
    services.outbox.enqueue({ kind: "dm", userId: moderatorId }, note);
  }
}
