import { splitId } from "../../src/core/ids";
import type { Block, Inline, OutgoingMessage } from "../../src/core/message";
import type { Lang } from "../../src/i18n";
import { matrixText } from "./messages";
import { BUTTONS_KEY, buttonRows, type ButtonRow } from "./buttons";
import { escapeHtml, isSafeUrl, matrixTo, neutralizeRoomMention, sanitize } from "./html";

/** Names the renderer shows for mentioned users and referenced rooms (Matrix ids as keys). */
export interface RenderNames {
  readonly users: ReadonlyMap<string, string>;
  readonly rooms: ReadonlyMap<string, string>;
}

export interface Rendered {
  /** The `m.room.message` content: plain body, sanitized HTML, `m.mentions`, the button table. */
  readonly content: Record<string, unknown>;
  /** Reactions copbot adds to its message so people can click the choices. */
  readonly buttons: readonly ButtonRow[];
}

interface Parts {
  html: string;
  text: string;
}

const CONTEXT_COLOR = "#6b6f76";

/** The Matrix ids of the users and rooms a message refers to, so their names can be looked up first. */
export function referencedIds(message: OutgoingMessage): { users: string[]; rooms: string[] } {
  const users = new Set<string>();
  const rooms = new Set<string>();
  const visit = (inline: Inline): void => {
    if (typeof inline === "string") return;
    const id = "mention" in inline ? inline.mention : "channel" in inline ? inline.channel : undefined;
    const split = id === undefined ? undefined : splitId(id);
    if (split?.platform !== "matrix") return;
    if ("mention" in inline) users.add(split.raw);
    else rooms.add(split.raw);
  };
  for (const block of message.blocks) {
    if (block.kind === "text" || block.kind === "context") block.content.forEach(visit);
    if (block.kind === "list") block.items.forEach((item) => item.forEach(visit));
  }
  return { users: [...users], rooms: [...rooms] };
}

/** Inline code spans in text: a backtick pair on one line (copbot's texts write `!cop help` so). */
const BACKTICK_SPAN = /`([^`\n]+)`/g;

/**
 * Escapes text for HTML, with backtick spans as `<code>`: Matrix HTML would show the backticks
 * literally. The plain body keeps them, which is how people read code in plain text.
 */
function escapeWithCode(text: string): string {
  let html = "";
  let from = 0;
  for (const m of text.matchAll(BACKTICK_SPAN)) {
    html += escapeHtml(text.slice(from, m.index)) + `<code>${escapeHtml(m[1] ?? "")}</code>`;
    from = m.index + m[0].length;
  }
  return html + escapeHtml(text.slice(from));
}

/** Plain and HTML forms of one piece of text. */
function both(text: string, wrap: (html: string) => string = (html) => html): Parts {
  return { html: wrap(escapeHtml(text)), text: neutralizeRoomMention(text) };
}

/** Plain and HTML forms of a plain-string inline, whose backtick spans become code in HTML. */
function plainInline(text: string): Parts {
  return { html: escapeWithCode(text), text: neutralizeRoomMention(text) };
}

function renderInline(inline: Inline, names: RenderNames, mentions: Set<string>): Parts {
  if (typeof inline === "string") return plainInline(inline);
  if ("mention" in inline) {
    const split = splitId(inline.mention);
    const raw = split?.raw ?? inline.mention;
    const name = names.users.get(raw) ?? raw;
    if (split?.platform !== "matrix") return both(`@${name}`);
    mentions.add(raw);
    return {
      html: `<a href="${escapeHtml(matrixTo(raw))}">${escapeHtml(name)}</a>`,
      text: neutralizeRoomMention(name),
    };
  }
  if ("channel" in inline) {
    const split = splitId(inline.channel);
    const raw = split?.raw ?? inline.channel;
    const label = `#${names.rooms.get(raw) ?? raw}`;
    if (split?.platform !== "matrix") return both(label);
    return {
      html: `<a href="${escapeHtml(matrixTo(raw))}">${escapeHtml(label)}</a>`,
      text: neutralizeRoomMention(label),
    };
  }
  if ("link" in inline) {
    const label = inline.label ?? inline.link;
    const text = inline.label ? `${inline.label} (${inline.link})` : inline.link;
    if (!isSafeUrl(inline.link)) return both(text);
    return {
      html: `<a href="${escapeHtml(inline.link)}">${escapeHtml(label)}</a>`,
      text: neutralizeRoomMention(text),
    };
  }
  if ("bold" in inline) return both(inline.bold, (html) => `<strong>${html}</strong>`);
  if ("italic" in inline) return both(inline.italic, (html) => `<em>${html}</em>`);
  return both(inline.code, (html) => `<code>${html}</code>`);
}

function renderInlines(content: readonly Inline[], names: RenderNames, mentions: Set<string>): Parts {
  const parts = content.map((inline) => renderInline(inline, names, mentions));
  return { html: parts.map((p) => p.html).join(""), text: parts.map((p) => p.text).join("") };
}

function renderBlock(block: Block, names: RenderNames, mentions: Set<string>): Parts {
  switch (block.kind) {
    case "text": {
      const inner = renderInlines(block.content, names, mentions);
      return { html: `<p>${inner.html.replace(/\n/g, "<br>")}</p>`, text: inner.text };
    }
    case "header":
      return both(block.text, (html) => `<h4>${html}</h4>`);
    case "context": {
      const inner = renderInlines(block.content, names, mentions);
      return { html: `<p><font data-mx-color="${CONTEXT_COLOR}">${inner.html}</font></p>`, text: inner.text };
    }
    case "list": {
      const items = block.items.map((item) => renderInlines(item, names, mentions));
      return {
        html: `<ul>${items.map((i) => `<li>${i.html}</li>`).join("")}</ul>`,
        text: items.map((i) => `• ${i.text}`).join("\n"),
      };
    }
    case "divider":
      return { html: "<hr>", text: "―――" };
  }
}

/**
 * Renders an outgoing message as `m.room.message` content: the plain `body` and the HTML
 * `formatted_body` come from the same structure, mentions become pills listed in `m.mentions`
 * (so exactly those users are notified), and buttons become numbered reaction choices. It is
 * an `m.notice`, as bots post: clients show it as the bot's, other bots do not answer it, and
 * the pills in `m.mentions` still notify.
 */
export function renderMessage(message: OutgoingMessage, opts: { lang: Lang; names: RenderNames }): Rendered {
  const mentions = new Set<string>();
  const parts = message.blocks.map((block) => renderBlock(block, opts.names, mentions));
  const rows = buttonRows(message.buttons ?? []);
  if (rows.length > 0) {
    const choices = rows.map(({ row, label }) => `${row.key} ${label}`).join(" · ");
    const hint = matrixText(opts.lang)("matrix.buttons.hint", { choices });
    parts.push(both(hint, (html) => `<p><em>${html}</em></p>`));
  }
  const content: Record<string, unknown> = {
    msgtype: "m.notice",
    body: parts.map((p) => p.text).join("\n\n"),
    format: "org.matrix.custom.html",
    formatted_body: sanitize(parts.map((p) => p.html).join("")),
    "m.mentions": mentions.size > 0 ? { user_ids: [...mentions] } : {},
  };
  if (rows.length > 0) content[BUTTONS_KEY] = rows.map(({ row }) => row);
  return { content, buttons: rows.map(({ row }) => row) };
}
