import type { Block, Button, OutgoingMessage } from "../../src/core/message";
import { inlinesToMrkdwn } from "./mrkdwn";

/** Slack Block Kit limits we must respect, or the whole post is rejected with `invalid_blocks`. */
const SECTION_TEXT_MAX = 3000;
const HEADER_TEXT_MAX = 150;
const BUTTON_TEXT_MAX = 75;
const BUTTONS_PER_ACTIONS = 25;
const BLOCKS_MAX = 50;
const FALLBACK_TEXT_MAX = 3000;
/** Slack refuses a message whose blocks hold much more text (`msg_blocks_too_long`). */
const MESSAGE_TEXT_BUDGET = 12_000;

/** A Block Kit block as we send it; kept loose because Slack's own types are a wide union. */
export type SlackBlock = { type: string } & Record<string, unknown>;

/** What `chat.postMessage` / `chat.update` / `response_url` need. */
export interface RenderedMessage {
  readonly text: string;
  readonly blocks: SlackBlock[];
}

const mrkdwn = (text: string) => ({ type: "mrkdwn", text, verbatim: true });
const plain = (text: string, max: number) => ({ type: "plain_text", text: clip(text, max), emoji: true });

/**
 * A safe place to cut escaped mrkdwn at or before `max`: never inside an entity (`&lt;`) or a
 * surrogate pair, so the cut text stays valid.
 */
function safeCut(text: string, max: number): number {
  let at = max;
  const entity = /&[a-z]{0,4}$/.exec(text.slice(0, at));
  if (entity) at -= entity[0].length;
  const code = text.charCodeAt(at - 1);
  if (code >= 0xd800 && code <= 0xdbff) at -= 1;
  return at;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, safeCut(text, max - 1))}…`;
}

/** Splits long mrkdwn at line breaks (else at spaces) so each section stays under Slack's limit. */
function chunks(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const line = rest.lastIndexOf("\n", max);
    const space = rest.lastIndexOf(" ", max);
    const at = line > 0 ? line : space > 0 ? space : safeCut(rest, max);
    out.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^[\n ]/, "");
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

function textLength(block: SlackBlock): number {
  return JSON.stringify(block).length;
}

/**
 * Keeps a message under Slack's limits on block count and total text: content blocks are kept
 * in order while they fit, the buttons always survive, and a "…" marks what was cut.
 */
function capBlocks(content: SlackBlock[], actions: SlackBlock[]): SlackBlock[] {
  const room = BLOCKS_MAX - actions.length - 1;
  const kept: SlackBlock[] = [];
  let used = 0;
  for (const block of content) {
    used += textLength(block);
    if (kept.length >= room || used > MESSAGE_TEXT_BUDGET) {
      return [...kept, { type: "context", elements: [mrkdwn("…")] }, ...actions];
    }
    kept.push(block);
  }
  return [...kept, ...actions];
}

/** Renders a platform-neutral message as Block Kit plus the notification fallback text. */
export function renderMessage(message: OutgoingMessage): RenderedMessage {
  const content = message.blocks.flatMap(renderBlock);
  const actions = renderButtons(message.buttons ?? []);
  const text = message.blocks
    .map(blockText)
    .filter((line) => line !== "")
    .join("\n");
  return {
    text: clip(text === "" ? " " : text, FALLBACK_TEXT_MAX),
    blocks: capBlocks(content, actions),
  };
}
