import { rawId } from "../../src/core/ids";
import type { Inline } from "../../src/core/message";

/**
 * Escapes untrusted text for Slack mrkdwn. Slack only treats `&`, `<` and `>` as control
 * characters; escaping them is what stops `<!channel>`, `<!here>` or a fake `<@U…>` link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Inverse of `escapeMrkdwn`, for text Slack sends us. Entity tokens like `<@U1>` stay as they are. */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

const SAFE_URL = /^(https?:\/\/|mailto:)[^\s<>|]+$/i;

/** Formatting markers inside bold/italic/code would end the span early; they are dropped. */
const withoutMarker = (text: string, marker: string): string => text.split(marker).join("");

/** Renders one inline piece as mrkdwn. Every plain string is escaped here and nowhere else. */
function inlineToMrkdwn(inline: Inline): string {
  if (typeof inline === "string") return escapeMrkdwn(inline);
  if ("mention" in inline) return `<@${rawId(inline.mention)}>`;
  if ("channel" in inline) return `<#${rawId(inline.channel)}>`;
  if ("link" in inline) {
    if (!SAFE_URL.test(inline.link)) return escapeMrkdwn(inline.label ?? inline.link);
    const label = inline.label === undefined ? "" : `|${escapeMrkdwn(inline.label.replace(/\|/g, "/"))}`;
    return `<${inline.link.replace(/&/g, "&amp;")}${label}>`;
  }
  if ("bold" in inline) return wrap("*", inline.bold);
  if ("italic" in inline) return wrap("_", inline.italic);
  return wrap("`", inline.code);
}

function wrap(marker: string, text: string): string {
  const inner = escapeMrkdwn(withoutMarker(text, marker)).trim();
  return inner === "" ? "" : `${marker}${inner}${marker}`;
}

/** Renders a run of inline content as one mrkdwn string. */
export function inlinesToMrkdwn(content: readonly Inline[]): string {
  return content.map(inlineToMrkdwn).join("");
}
