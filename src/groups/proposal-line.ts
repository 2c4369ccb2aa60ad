import type { Result } from "../core/errors";
import { fail, ok } from "../core/errors";
import { ownValue } from "../core/own";

/** The raw fields of the one-line form; `facilitator` is still what the user typed (`@anna`). */
export interface ProposalFields {
  title?: string;
  problem?: string;
  deliverable?: string;
  due?: string;
  size?: string;
  topics?: string;
  facilitator?: string;
}

/** Field names in German and English. */
const FIELD_NAMES: Readonly<Record<string, keyof ProposalFields>> = {
  title: "title",
  titel: "title",
  problem: "problem",
  problemstellung: "problem",
  deliverable: "deliverable",
  ergebnis: "deliverable",
  due: "due",
  bis: "due",
  faellig: "due",
  fällig: "due",
  size: "size",
  groesse: "size",
  größe: "size",
  topics: "topics",
  themen: "topics",
  facilitator: "facilitator",
  moderation: "facilitator",
};

/** A field start: a name and `=` at the start or after whitespace. */
const FIELD_START = /(^|\s)([\p{L}]+)=/gu;
const OPENING_QUOTES = "\"“„'«";
/** A closing quote ends a quoted value only before whitespace or the end. */
const CLOSING_QUOTE = /["”“'»](?=\s|$)/g;

/**
 * Parses `title="…" problem="…" deliverable=Leitfaden due=2027-02-15 size=3-6 topics="E-Akte, Archiv"
 * facilitator=@anna` from the untokenized command text. An unquoted value runs until the next
 * `name=`; a quoted value runs to its closing quote, so `a=b` inside quotes stays text. Every
 * other `name=` is a field, so an unknown or repeated one is reported instead of silently
 * swallowed or overwritten.
 */
export function parseProposalLine(text: string): Result<ProposalFields> {
  const fields: ProposalFields = {};
  const seen = new Map<keyof ProposalFields, string>();
  let start = nextFieldStart(text, 0);
  const before = text.slice(0, start?.index ?? text.length).trim();
  if (before !== "") return fail("group.form.unnamed", { text: before });
  while (start) {
    const field = ownValue(FIELD_NAMES, start.name.toLowerCase());
    if (!field) return fail("group.form.unknownField", { field: start.name });
    const earlier = seen.get(field);
    if (earlier !== undefined) return fail("group.form.duplicateField", { field: start.name, earlier });
    seen.set(field, start.name);
    const valueStart = start.index + start.length;
    const next = nextFieldStart(text, valueEnd(text, valueStart));
    fields[field] = unquote(text.slice(valueStart, next?.index ?? text.length));
    start = next;
  }
  return ok(fields);
}

/** Where a value's own text ends at the earliest: after its closing quote when it is quoted. */
function valueEnd(text: string, from: number): number {
  if (!OPENING_QUOTES.includes(text.charAt(from))) return from;
  CLOSING_QUOTE.lastIndex = from + 1;
  const close = CLOSING_QUOTE.exec(text);
  return close ? close.index + 1 : text.length;
}

function nextFieldStart(
  text: string,
  from: number,
): { index: number; length: number; name: string } | undefined {
  FIELD_START.lastIndex = from;
  const match = FIELD_START.exec(text);
  if (!match) return undefined;
  const lead = match[1] ?? "";
  return { index: match.index + lead.length, length: match[0].length - lead.length, name: match[2] ?? "" };
}

function unquote(value: string): string {
  return value
    .trim()
    .replace(/^["“„'«]+|["”“'»]+$/g, "")
    .trim();
}
