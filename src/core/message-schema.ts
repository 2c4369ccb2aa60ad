import { z } from "zod";
import type { Inline, OutgoingMessage, Target } from "./message";

/** zod schemas for messages and targets, used where they come back from storage. */
export const InlineSchema: z.ZodType<Inline> = z.union([
  z.string(),
  z.object({ mention: z.string() }),
  z.object({ channel: z.string() }),
  z.object({ link: z.string(), label: z.string().optional() }),
  z.object({ bold: z.string() }),
  z.object({ italic: z.string() }),
  z.object({ code: z.string() }),
]);

const Inlines = z.array(InlineSchema);

const BlockSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), content: Inlines }),
  z.object({ kind: z.literal("header"), text: z.string() }),
  z.object({ kind: z.literal("context"), content: Inlines }),
  z.object({ kind: z.literal("list"), items: z.array(Inlines) }),
  z.object({ kind: z.literal("divider") }),
]);

const AttachmentSchema = z.object({
  name: z.string(),
  mime: z.string(),
  content: z.string(),
  encoding: z.enum(["utf8", "base64"]).optional(),
});

/** A message queued by an earlier copbot carried at most one file, as `attachment`. */
function withAttachmentList(stored: unknown): unknown {
  if (typeof stored !== "object" || stored === null || !("attachment" in stored)) return stored;
  const { attachment, ...rest } = stored;
  return attachment === undefined ? rest : { ...rest, attachments: [attachment] };
}

export const OutgoingMessageSchema: z.ZodType<OutgoingMessage> = z.preprocess(
  withAttachmentList,
  z.object({
    blocks: z.array(BlockSchema),
    buttons: z
      .array(
        z.object({
          action: z.string(),
          label: z.string(),
          value: z.string().optional(),
          style: z.enum(["primary", "danger"]).optional(),
        }),
      )
      .optional(),
    attachments: z.array(AttachmentSchema).optional(),
  }),
);

export const TargetSchema: z.ZodType<Target> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("channel"), channelId: z.string(), threadId: z.string().optional() }),
  z.object({ kind: z.literal("dm"), userId: z.string() }),
  z.object({
    kind: z.literal("ephemeral"),
    channelId: z.string(),
    userId: z.string(),
    threadId: z.string().optional(),
    replyToken: z.string().optional(),
  }),
]);
