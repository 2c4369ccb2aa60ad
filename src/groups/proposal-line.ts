import type { Result } from "../core/errors";
import { fail, ok } from "../core/errors";

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

/**
 * Parses `title="…" problem="…" deliverable=Leitfaden due=2027-02-15 size=3-6 topics="E-Akte, Archiv"
 * facilitator=@anna` from the untokenized command text. A field runs until the next `name=`,
 * so quotes are optional; a short `x=5` inside free text stays text, a longer unknown name is
 * reported (most likely a typo of a field name).
 */
export function parseProposalLine(text: string): Result<ProposalFields> {
  const starts = [...text.matchAll(/(^|\s)([\p{L}]+)=/gu)].filter((m) => (m[2] ?? "").length >= 3);
  const unknown = starts.find((m) => !FIELD_NAMES[(m[2] ?? "").toLowerCase()]);
  if (unknown) return fail("group.form.unknownField", { field: unknown[2] ?? "" });
  const before = text.slice(0, starts[0]?.index ?? text.length).trim();
  if (before !== "") return fail("group.form.unnamed", { text: before });
  const fields: ProposalFields = {};
  starts.forEach((match, index) => {
    const field = FIELD_NAMES[(match[2] ?? "").toLowerCase()];
    const from = (match.index ?? 0) + match[0].length;
    const to = starts[index + 1]?.index ?? text.length;
    if (field) fields[field] = unquote(text.slice(from, to));
  });
  return ok(fields);
}

function unquote(value: string): string {
  return value
    .trim()
    .replace(/^["“„'«]+|["”“'»]+$/g, "")
    .trim();
}
