/** A group number as typed: `12` or `#12`. */
export const GROUP_REF = /^#?(\d{1,9})$/;

/** Splits an optional leading `#12` off free text. */
export function splitRawGroupRef(text: string): { id?: number; rest: string } {
  const match = /^#(\d{1,9})(?:\s+|$)/.exec(text.trim());
  return match
    ? { id: Number(match[1]), rest: text.trim().slice(match[0].length).trim() }
    : { rest: text.trim() };
}

/**
 * Splits a leading group number off text that never is a bare number itself (a link, a
 * duration, a date, a person): `12` or `#12`, as join and confirm take it (`close 1 https://…`,
 * `time 1 2h`).
 */
export function splitLeadingGroupRef(text: string): { id?: number; rest: string } {
  const trimmed = text.trim();
  const match = /^#?(\d{1,9})(?:\s+|$)/.exec(trimmed);
  return match ? { id: Number(match[1]), rest: trimmed.slice(match[0].length).trim() } : { rest: trimmed };
}
