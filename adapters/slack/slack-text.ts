import { unescapeMrkdwn } from "./mrkdwn";

/**
 * Slack sends text with its own markup: links `<https://…|label>`, mentions `<@U1|name>`,
 * channels `<#C1|name>`, broadcasts `<!here>`, and `&amp; &lt; &gt;` for what people typed.
 * The core gets plain text:
 *
 * - **commands** keep user and channel tokens (`<@U1>`, `<#C1|name>`): the port resolves them
 *   exactly, without a name lookup; a link becomes its bare URL, so link checks see a URL.
 * - **messages** (questions, proposals) become readable: `#name`, links as `label (url)` when
 *   the label says something else. User mentions stay `<@U1>` here; the adapter swaps them for
 *   `@Display Name` (see `nameMentions`), which needs a lookup.
 *
 * In both, broadcasts become the plain words "@here", "@channel", "@everyone", "@team":
 * copbot escapes all text it sends, so they never notify anyone again.
 */
export function fromSlackText(raw: string, mode: "command" | "message"): string {
  let out = "";
  let last = 0;
  for (const match of raw.matchAll(/<([^<>]*)>/g)) {
    out += unescapeMrkdwn(raw.slice(last, match.index));
    out += token(match[1] ?? "", mode);
    last = match.index + match[0].length;
  }
  return out + unescapeMrkdwn(raw.slice(last));
}

/** The text that replaces one `<…>` token. */
function token(inner: string, mode: "command" | "message"): string {
  const bar = inner.indexOf("|");
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? undefined : unescapeMrkdwn(inner.slice(bar + 1));
  if (target.startsWith("@")) {
    return mode === "message" && label !== undefined && label !== "" ? `@${label}` : `<${target}>`;
  }
  if (target.startsWith("#")) {
    if (mode === "command") return `<${inner}>`;
    return `#${label !== undefined && label !== "" ? label : target.slice(1)}`;
  }
  if (target.startsWith("!")) return broadcast(target.slice(1), label);
  const url = unescapeMrkdwn(target);
  if (url.toLowerCase().startsWith("mailto:")) return url.slice("mailto:".length);
  if (mode === "command" || label === undefined || label === "" || sameLink(label, url)) return url;
  return `${label} (${url})`;
}

/** `here`, `channel`, `everyone`, `subteam^S1` (label `@team`), `date^…` (label is the fallback text). */
function broadcast(name: string, label: string | undefined): string {
  if (name === "here" || name === "channel" || name === "everyone") return `@${name}`;
  if (name.startsWith("subteam^")) return label !== undefined && label !== "" ? label : "@team";
  return label ?? name;
}

/** Slack labels a pasted link with the URL itself, often without its scheme. */
const sameLink = (label: string, url: string) =>
  label === url || label === url.replace(/^[a-z]+:\/\//i, "") || label === url.replace(/^mailto:/i, "");

/** User mentions left in a message's text by `fromSlackText`. */
const MENTION = /<@([UW][A-Z0-9]+)>/g;

/**
 * Replaces `<@U1>` in a message's text with `@Display Name`, so a question or proposal reads
 * like it does in Slack. A person whose name cannot be found keeps the id (`@U1`).
 */
export async function nameMentions(
  text: string,
  nameOf: (rawUserId: string) => Promise<string | undefined>,
): Promise<string> {
  const ids = [...new Set([...text.matchAll(MENTION)].map((m) => m[1] ?? ""))];
  if (ids.length === 0) return text;
  const names = new Map<string, string>();
  for (const id of ids) names.set(id, (await nameOf(id)) ?? id);
  return text.replace(MENTION, (_all, id: string) => `@${names.get(id) ?? id}`);
}
