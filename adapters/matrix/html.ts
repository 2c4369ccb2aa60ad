import sanitizeHtml from "sanitize-html";

/**
 * Text safety for Matrix: every piece of user text is escaped once, `@room` loses its power
 * in both bodies, and the finished HTML passes a strict allowlist as a second line of defence.
 */

const WORD_JOINER = "\u2060";

/** Breaks `@room` so clients do not treat it as a room-wide mention. */
export function neutralizeRoomMention(text: string): string {
  return text.replace(/@(room)\b/gi, `@${WORD_JOINER}$1`);
}

/** Escapes text for HTML and neutralizes `@room`. */
export function escapeHtml(text: string): string {
  return neutralizeRoomMention(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Undoes the entity escaping of an HTML text node or attribute (for reading pills). */
export function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Only links a reader can safely open. */
export function isSafeUrl(url: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(url);
}

/** The subset of the Matrix-recommended HTML that copbot emits. */
const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "code", "a", "ul", "li", "h4", "hr", "font"],
  allowedAttributes: { a: ["href"], font: ["data-mx-color"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
};

/** Runs finished HTML through the allowlist. */
export function sanitize(html: string): string {
  return sanitizeHtml(html, ALLOWED);
}

const MATRIX_TO = "https://matrix.to/#/";

/** A matrix.to link for a user, room or event, in the readable form clients produce. */
export function matrixTo(...ids: string[]): string {
  return MATRIX_TO + ids.map((id) => id.replace(/[^\w@:!#$.=~+-]/g, (c) => encodeURIComponent(c))).join("/");
}

/** The Matrix id a matrix.to link points at (`@user:server`, `!room:server`, `#alias:server`). */
export function parseMatrixTo(href: string): string | undefined {
  if (!href.startsWith(MATRIX_TO)) return undefined;
  const first = href.slice(MATRIX_TO.length).split(/[/?]/)[0] ?? "";
  let id: string;
  try {
    id = decodeURIComponent(first);
  } catch {
    return undefined;
  }
  return /^[@!#][^:\s]+:\S+$/.test(id) ? id : undefined;
}

/** The pills (`<a href="https://matrix.to/#/…">label</a>`) of an inbound formatted body. */
export function pillsOf(formattedBody: string): { id: string; label: string }[] {
  const pills: { id: string; label: string }[] = [];
  for (const m of formattedBody.matchAll(/<a\s+[^>]*href\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>/gi)) {
    const id = parseMatrixTo(unescapeHtml(m[1] ?? ""));
    const label = unescapeHtml((m[2] ?? "").replace(/<[^>]*>/g, "")).trim();
    if (id !== undefined && label !== "") pills.push({ id, label });
  }
  return pills;
}

/**
 * The plain text of an inbound message with each pill's label replaced by the id it points at,
 * so `!cop mod add Ben` typed with a pill reads `!cop mod add @ben:example.org`.
 */
export function textWithPills(body: string, formattedBody: string | undefined): string {
  if (formattedBody === undefined) return body;
  let text = body;
  let from = 0;
  for (const pill of pillsOf(formattedBody.replace(/<mx-reply>[\s\S]*?<\/mx-reply>/gi, ""))) {
    const at = text.indexOf(pill.label, from);
    if (at < 0) continue;
    text = text.slice(0, at) + pill.id + text.slice(at + pill.label.length);
    from = at + pill.id.length;
  }
  return text;
}

/** Removes the quoted fallback (`> <@user> …` lines and a blank line) a rich reply starts with. */
export function stripReplyFallback(body: string): string {
  const lines = body.split("\n");
  if (!lines[0]?.startsWith("> ")) return body;
  let i = 0;
  while (i < lines.length && lines[i]?.startsWith(">")) i += 1;
  if (lines[i] === "") i += 1;
  return lines.slice(i).join("\n");
}
