import type { Translate } from "../i18n";
import { channelRef, inlineToPlain, mention, type Inline, type OutgoingMessage } from "./message";
import { OutgoingMessageSchema, TargetSchema } from "./message-schema";
import type { OutboxRow } from "./outbox-row";

const SNIPPET = 80;

/** The start of a message's text, on one line. */
export function messageSnippet(message: OutgoingMessage, max = SNIPPET): string {
  const parts = message.blocks.flatMap((block) => {
    switch (block.kind) {
      case "text":
      case "context":
        return [block.content.map((i) => inlineToPlain(i)).join("")];
      case "header":
        return [block.text];
      case "list":
        return block.items.map((item) => item.map((i) => inlineToPlain(i)).join(""));
      case "divider":
        return [];
    }
  });
  const text = parts.join(" ").replace(/\s+/g, " ").trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * What an outbox item is and where it goes, for moderators: the start of the message (or
 * what the change was) and the conversation, as inline content the platform renders.
 */
export function describeItem(row: OutboxRow, t: Translate): { what: string; where: Inline[] } {
  if (row.op !== "post") {
    return { what: t(row.op === "update" ? "ops.what.update" : "ops.what.pin"), where: [] };
  }
  const message = OutgoingMessageSchema.safeParse(JSON.parse(row.message));
  const what = message.success ? messageSnippet(message.data) : "?";
  const target = TargetSchema.safeParse(JSON.parse(row.target ?? "null"));
  if (!target.success) return { what, where: [] };
  const to = target.data;
  switch (to.kind) {
    case "channel":
      return { what, where: [channelRef(to.channelId)] };
    case "dm":
      return { what, where: [t("ops.where.dm"), " ", mention(to.userId)] };
    case "ephemeral":
      return {
        what,
        where: [t("ops.where.private"), " ", mention(to.userId), " · ", channelRef(to.channelId)],
      };
  }
}
