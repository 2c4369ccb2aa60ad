/** A message as the Slack stand-in keeps it, for `conversations.history` and `.replies`. */
export interface StoredMessage {
  readonly ts: string;
  readonly channel: string;
  readonly text: string;
  readonly threadTs?: string;
  readonly metadata?: unknown;
  readonly files?: readonly { name: string }[];
}

/** The Slack stand-in's conversations: every message posted, by channel, in order. */
export class SlackConversations {
  private readonly byChannel = new Map<string, StoredMessage[]>();

  store(message: StoredMessage): void {
    const list = this.byChannel.get(message.channel) ?? [];
    list.push(message);
    this.byChannel.set(message.channel, list);
  }

  /** The messages in a conversation (a DM by the member's user id), in order. */
  postedIn(channel: string): StoredMessage[] {
    return this.byChannel.get(/^[UW]/.test(channel) ? `D${channel}` : channel) ?? [];
  }

  /** One page of a conversation as Slack pages it (history newest first, replies oldest first). */
  page(
    args: Record<string, unknown>,
    keep: (m: StoredMessage) => boolean,
    newestFirst: boolean,
  ): Record<string, unknown> {
    const oldest = Number(args.oldest ?? 0);
    const all = (this.byChannel.get(String(args.channel)) ?? []).filter(
      (m) => keep(m) && Number(m.ts) >= oldest,
    );
    const ordered = newestFirst ? [...all].reverse() : all;
    const start = Number(args.cursor ?? 0);
    const limit = Number(args.limit ?? 100);
    const slice = ordered.slice(start, start + limit);
    const more = start + limit < ordered.length;
    return {
      ok: true,
      messages: slice.map((m) => ({
        type: "message",
        ts: m.ts,
        text: m.text,
        ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
        ...(m.metadata !== undefined && args.include_all_metadata !== undefined
          ? { metadata: m.metadata }
          : {}),
        ...(m.files ? { files: m.files } : {}),
      })),
      has_more: more,
      response_metadata: { next_cursor: more ? String(start + limit) : "" },
    };
  }
}
