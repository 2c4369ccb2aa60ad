import {
  isTextAttachment,
  type Block,
  type Button,
  type Inline,
  type OutgoingMessage,
} from "../../src/core/message";
import { rawId } from "../../src/core/ids";

/** Renders inline content as plain terminal text. */
export function renderInline(inline: Inline, nameOf: (userId: string) => string): string {
  if (typeof inline === "string") return inline;
  if ("mention" in inline) return `@${nameOf(inline.mention)}`;
  if ("channel" in inline) return `#${rawId(inline.channel)}`;
  if ("link" in inline) return inline.label ? `${inline.label} <${inline.link}>` : inline.link;
  if ("bold" in inline) return `*${inline.bold}*`;
  if ("italic" in inline) return `_${inline.italic}_`;
  return `\`${inline.code}\``;
}

function renderBlock(block: Block, nameOf: (userId: string) => string): string[] {
  const line = (content: readonly Inline[]) => content.map((i) => renderInline(i, nameOf)).join("");
  switch (block.kind) {
    case "text":
      return line(block.content).split("\n");
    case "header":
      return [`*${block.text}*`];
    case "context":
      return line(block.content)
        .split("\n")
        .map((l) => `  · ${l}`);
    case "list":
      return block.items.map((item) => `  • ${line(item)}`);
    case "divider":
      return ["  ---"];
  }
}

/**
 * The console name of each button: its action when unique in the message, otherwise
 * `action/N`, so `:click REF NAME` always picks exactly one button.
 */
export function buttonNames(buttons: readonly Button[]): string[] {
  return buttons.map((button, index) => {
    const same = buttons.filter((b) => b.action === button.action);
    if (same.length === 1) return button.action;
    return `${button.action}/${buttons.slice(0, index + 1).filter((b) => b.action === button.action).length}`;
  });
}

/**
 * A whole message as terminal lines (without the `[where] (ref) author:` prefix). Text files
 * are shown inline; `savedAs` names where each file was written (by index), if it was.
 */
export function renderMessage(
  message: OutgoingMessage,
  nameOf: (userId: string) => string,
  savedAs: readonly string[] = [],
): string[] {
  const lines = message.blocks.flatMap((block) => renderBlock(block, nameOf));
  const buttons = message.buttons ?? [];
  if (buttons.length > 0) {
    const names = buttonNames(buttons);
    lines.push(buttons.map((b, i) => `[button ${names[i] ?? b.action}: ${b.label}]`).join(" "));
  }
  (message.attachments ?? []).forEach((file, index) => {
    const path = savedAs[index];
    lines.push(path === undefined ? `[file ${file.name}]` : `[file ${file.name} → ${path}]`);
    if (isTextAttachment(file)) lines.push(...file.content.split("\n").map((l) => `  │ ${l}`));
  });
  return lines.length > 0 ? lines : [""];
}
