import type { Block, Button, OutgoingMessage } from "../../src/core/message";
import { inlinesToMrkdwn } from "./mrkdwn";

/** Slack Block Kit limits we must respect, or the whole post is rejected with `invalid_blocks`. */
const SECTION_TEXT_MAX = 3000;
const HEADER_TEXT_MAX = 150;
const BUTTON_TEXT_MAX = 75;
const BUTTONS_PER_ACTIONS = 25;
const BLOCKS_MAX = 50;
const FALLBACK_TEXT_MAX = 3000;

/** A Block Kit block as we send it; kept loose because Slack's own types are a wide union. */
export type SlackBlock = { type: string } & Record<string, unknown>;

/** What `chat.postMessage` / `chat.update` / `response_url` need. */
export interface RenderedMessage {
  readonly text: string;
  readonly blocks: SlackBlock[];
}

const mrkdwn = (text: string) => ({ type: "mrkdwn", text, verbatim: true });
const plain = (text: string, max: number) => ({ type: "plain_text", text: clip(text, max), emoji: true });

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Splits long mrkdwn at line breaks so each section stays under Slack's limit. */
function chunks(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = rest.lastIndexOf("\n", max);
    const at = cut > 0 ? cut : max;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, "");
  }
  out.push(rest);
  return out;
}

/** One block's mrkdwn, also used for the notification fallback text. */
function blockText(block: Block): string {
  switch (block.kind) {
    case "text":
    case "context":
      return inlinesToMrkdwn(block.content);
    case "header":
      return `*${inlinesToMrkdwn([block.text]).replace(/\*/g, "")}*`;
    case "list":
      return block.items.map((item) => `• ${inlinesToMrkdwn(item)}`).join("\n");
    case "divider":
      return "";
  }
}

function renderBlock(block: Block): SlackBlock[] {
  switch (block.kind) {
    case "header":
      return [{ type: "header", text: plain(block.text, HEADER_TEXT_MAX) }];
    case "context":
      return [{ type: "context", elements: [mrkdwn(clip(blockText(block), SECTION_TEXT_MAX))] }];
    case "divider":
      return [{ type: "divider" }];
    case "text":
    case "list": {
      const text = blockText(block);
      if (text.trim() === "") return [];
      return chunks(text, SECTION_TEXT_MAX).map((part) => ({ type: "section", text: mrkdwn(part) }));
    }
  }
}

/**
 * Slack needs unique `action_id`s within a message, but several buttons may share one copbot
 * action (e.g. RSVP choices told apart by `value`). Repeats get a `#n` suffix that
 * `buttonAction` strips again.
 */
function actionIds(buttons: readonly Button[]): string[] {
  const seen = new Map<string, number>();
  return buttons.map((b) => {
    const n = seen.get(b.action) ?? 0;
    seen.set(b.action, n + 1);
    return n === 0 ? b.action : `${b.action}#${n}`;
  });
}

/** The copbot action for a Slack `action_id` produced by `renderMessage`. */
export function buttonAction(actionId: string): string {
  return actionId.replace(/#\d+$/, "");
}

function renderButtons(buttons: readonly Button[]): SlackBlock[] {
  const ids = actionIds(buttons);
  const elements = buttons.map((b, i) => ({
    type: "button",
    action_id: ids[i],
    text: plain(b.label, BUTTON_TEXT_MAX),
    ...(b.value !== undefined ? { value: b.value } : {}),
    ...(b.style ? { style: b.style } : {}),
  }));
  const out: SlackBlock[] = [];
  for (let i = 0; i < elements.length; i += BUTTONS_PER_ACTIONS) {
    out.push({ type: "actions", elements: elements.slice(i, i + BUTTONS_PER_ACTIONS) });
  }
  return out;
}

/** Keeps a message under Slack's block limit; the last block (usually the buttons) survives. */
function capBlocks(blocks: SlackBlock[]): SlackBlock[] {
  if (blocks.length <= BLOCKS_MAX) return blocks;
  return [...blocks.slice(0, BLOCKS_MAX - 1), ...blocks.slice(-1)];
}

/** Renders a platform-neutral message as Block Kit plus the notification fallback text. */
export function renderMessage(message: OutgoingMessage): RenderedMessage {
  const blocks = [...message.blocks.flatMap(renderBlock), ...renderButtons(message.buttons ?? [])];
  const text = message.blocks
    .map(blockText)
    .filter((line) => line !== "")
    .join("\n");
  return {
    text: clip(text === "" ? " " : text, FALLBACK_TEXT_MAX),
    blocks: capBlocks(blocks),
  };
}
