import type { Logger } from "pino";
import type { CommandEvent, FormSubmitEvent } from "../../src/core/events";
import { qualify } from "../../src/core/ids";
import {
  channelRef,
  textMessage,
  type Inline,
  type OutgoingMessage,
  type Target,
} from "../../src/core/message";
import type { Lang } from "../../src/i18n";
import { slackText, type SlackText } from "./messages";
import type { SlackPort } from "./port";

/** Slack's answers to a post into a conversation copbot is not a member of (or cannot see). */
export const UNREACHABLE = new Set(["not_in_channel", "channel_not_found"]);

const KEEP = 100;

/**
 * Channels a post could not reach because copbot is no member there. Slack drops such posts
 * for good, so the adapter looks here after an event and tells the person who caused the
 * post how to fix it (invite copbot). Numbered, so "since this event started" is exact.
 */
export class UnreachableChannels {
  private seq = 0;
  private readonly notes: { readonly seq: number; readonly channel: string }[] = [];

  /** A position to ask `since` about later. */
  mark(): number {
    return this.seq;
  }

  /** Notes a raw channel id a post could not reach. */
  note(channel: string): void {
    this.seq += 1;
    this.notes.push({ seq: this.seq, channel });
    if (this.notes.length > KEEP) this.notes.shift();
  }

  /** Raw channel ids noted after `mark`, each once. */
  since(mark: number): string[] {
    return [...new Set(this.notes.filter((n) => n.seq > mark).map((n) => n.channel))];
  }
}

/** Tells a person which channels copbot could not post to, and how to let it in. */
export function unreachableNote(t: SlackText, channels: readonly string[]): OutgoingMessage {
  const refs = channels.flatMap((c, i): Inline[] => [
    ...(i > 0 ? [", "] : []),
    channelRef(qualify("slack", c)),
  ]);
  return textMessage(t("slack.unreachable"), " ", ...refs, " ", t("slack.unreachable.fix"));
}

/**
 * Slack drops a post into a channel copbot is not in for good. When the event a person just
 * caused led to such a post (noted after `mark`) in a channel it names (`where`: the command's
 * channel and text, a form's channel), tells that person privately how to fix it.
 */
export async function explainUnreachable(
  { port, lang, log }: { port: SlackPort; lang: Lang; log: Logger },
  { event, mark, where }: { event: CommandEvent | FormSubmitEvent; mark: number; where: readonly string[] },
): Promise<void> {
  const channels = port.unreachable.since(mark).filter((c) => where.some((w) => w.includes(c)));
  if (channels.length === 0) return;
  const note = unreachableNote(slackText(lang), channels);
  const target: Target =
    event.kind === "command"
      ? {
          kind: "ephemeral",
          channelId: event.channelId,
          userId: event.userId,
          ...(event.replyToken !== undefined ? { replyToken: event.replyToken } : {}),
        }
      : { kind: "dm", userId: event.userId };
  try {
    await port.post(target, note);
  } catch (err) {
    log.warn({ err, event: event.id }, "slack: telling about an unreachable channel failed");
  }
}
