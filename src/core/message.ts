/**
 * Platform-neutral outgoing messages. The core never builds platform markup: it builds
 * structured content, and each adapter renders it (Block Kit + escaped mrkdwn on Slack,
 * sanitized HTML + pills on Matrix, plain lines on the console). User-provided text is
 * always a plain `string` inline, so every adapter escapes it in exactly one place.
 */

/** A piece of inline content. Plain strings are untrusted text and get escaped on render. */
export type Inline =
  | string
  | { readonly mention: string }
  | { readonly channel: string }
  | { readonly link: string; readonly label?: string }
  | { readonly bold: string }
  | { readonly italic: string }
  | { readonly code: string };

export type Block =
  | { readonly kind: "text"; readonly content: readonly Inline[] }
  | { readonly kind: "header"; readonly text: string }
  | { readonly kind: "context"; readonly content: readonly Inline[] }
  | { readonly kind: "list"; readonly items: readonly (readonly Inline[])[] }
  | { readonly kind: "divider" };

/** A button. `action` is routed back to the core as a `button` event; `value` travels with it. */
export interface Button {
  readonly action: string;
  readonly label: string;
  readonly value?: string;
  readonly style?: "primary" | "danger";
}

/**
 * A file sent with a message (calendar files, confirmations, report charts and tables). Text
 * files carry their text in `content`; binary files (a PNG chart) carry base64 and say so in
 * `encoding`, so a message stays plain JSON in the outbox.
 */
export interface Attachment {
  readonly name: string;
  readonly mime: string;
  readonly content: string;
  readonly encoding?: "utf8" | "base64";
}

export interface OutgoingMessage {
  readonly blocks: readonly Block[];
  readonly buttons?: readonly Button[];
  /** Files sent along, in order; each platform uploads them next to the message. */
  readonly attachments?: readonly Attachment[];
}

/** The bytes of an attachment, decoded from text or base64. */
export function attachmentBytes(file: Attachment): Buffer {
  return Buffer.from(file.content, file.encoding === "base64" ? "base64" : "utf8");
}

/** True when the attachment is text a person can read in a terminal. */
export function isTextAttachment(file: Attachment): boolean {
  return file.encoding !== "base64";
}

/** Where a message goes. Ids are copbot ids (platform-qualified, see `core/ids.ts`). */
export type Target =
  | { readonly kind: "channel"; readonly channelId: string; readonly threadId?: string }
  | { readonly kind: "dm"; readonly userId: string }
  | {
      readonly kind: "ephemeral";
      readonly channelId: string;
      readonly userId: string;
      readonly threadId?: string;
      /** Adapter-specific token for answering a command (Slack `response_url`). */
      readonly replyToken?: string;
    };

/** What the platform returns for a posted message, so it can be updated, pinned or threaded. */
export interface PostedRef {
  readonly channelId: string;
  readonly messageId: string;
}

/** Small fluent builder so feature code reads like the message it produces. */
export class MessageBuilder {
  private readonly blocks: Block[] = [];
  private readonly buttons: Button[] = [];
  private readonly attachments: Attachment[] = [];

  /** A paragraph of inline content. */
  text(...content: Inline[]): this {
    this.blocks.push({ kind: "text", content });
    return this;
  }

  header(text: string): this {
    this.blocks.push({ kind: "header", text });
    return this;
  }

  /** Small print: reasons, hints, footers. */
  context(...content: Inline[]): this {
    this.blocks.push({ kind: "context", content });
    return this;
  }

  list(items: readonly (readonly Inline[])[]): this {
    if (items.length > 0) this.blocks.push({ kind: "list", items });
    return this;
  }

  divider(): this {
    this.blocks.push({ kind: "divider" });
    return this;
  }

  button(action: string, label: string, value?: string, style?: Button["style"]): this {
    // Optional fields are left out, not undefined (a message is stored as JSON), and without
    // a spread object each: a question's reply has three buttons.
    const button: { action: string; label: string; value?: string; style?: Button["style"] } = {
      action,
      label,
    };
    if (value !== undefined) button.value = value;
    if (style) button.style = style;
    this.buttons.push(button);
    return this;
  }

  /** Adds a file; several files go out in the order they were attached. */
  attach(file: Attachment): this {
    this.attachments.push(file);
    return this;
  }

  build(): OutgoingMessage {
    const message: { blocks: Block[]; buttons?: Button[]; attachments?: Attachment[] } = {
      blocks: this.blocks.slice(),
    };
    if (this.buttons.length > 0) message.buttons = this.buttons.slice();
    if (this.attachments.length > 0) message.attachments = this.attachments.slice();
    return message;
  }
}

/** Starts a message. */
export function msg(): MessageBuilder {
  return new MessageBuilder();
}

/** A one-paragraph message. */
export function textMessage(...content: Inline[]): OutgoingMessage {
  return msg()
    .text(...content)
    .build();
}

export const mention = (userId: string): Inline => ({ mention: userId });
export const channelRef = (channelId: string): Inline => ({ channel: channelId });
export const bold = (text: string): Inline => ({ bold: text });
export const italic = (text: string): Inline => ({ italic: text });
export const code = (text: string): Inline => ({ code: text });
export const link = (url: string, label?: string): Inline =>
  label === undefined ? { link: url } : { link: url, label };

/** Plain text of inline content, for logs, search and the console. */
export function inlineToPlain(inline: Inline, name: (userId: string) => string = (id) => id): string {
  if (typeof inline === "string") return inline;
  if ("mention" in inline) return `@${name(inline.mention)}`;
  if ("channel" in inline) return `#${inline.channel}`;
  if ("link" in inline) return inline.label ? `${inline.label} (${inline.link})` : inline.link;
  if ("bold" in inline) return inline.bold;
  if ("italic" in inline) return inline.italic;
  return inline.code;
}
