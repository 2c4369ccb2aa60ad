import { normalizeWord } from "./words";

/** A time read at a position: the time, or a time-shaped text that is no valid time. */
export type TimeRead =
  | { readonly kind: "time"; readonly time: string; readonly used: number }
  | { readonly kind: "bad"; readonly value: string; readonly used: number };

/** Words that may stand before a time: `um 10 Uhr`, `at 10am`. */
const BEFORE = new Set(["um", "at", "@", "gegen"]);
/** Words after a number that make it a time: `10 Uhr`, `10 h`, `10 am`, `10 pm`. */
const AFTER = new Set(["uhr", "h", "am", "pm", "a.m.", "p.m."]);

const SUFFIXED = /^(\d{1,2})(?:[:.](\d{2}))?(uhr|h|am|pm|a\.m\.|p\.m\.)$/;
const CLOCK = /^(\d{1,2})(?:[:.](\d{2}))?$/;

/** `HH:MM` from hour, minute and an optional `am`/`pm`; undefined when out of range. */
function clock(hour: number, minute: number, suffix: string | undefined): string | undefined {
  const meridiem = suffix?.replace(/\./g, "");
  if (minute > 59) return undefined;
  if (meridiem === "am" || meridiem === "pm") {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === "pm" ? 12 : 0);
  } else if (hour > 23) return undefined;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/**
 * Reads a time of day at `tokens[at]`: `10:30`, `9:30`, `10 Uhr`, `10.30 Uhr`, `10:30 Uhr`,
 * `10h`, `um 10`, `10am`, `10 pm`, `2:30pm`. A bare number is a time only after `um`/`at`
 * (elsewhere it may be a day of the month). 24-hour times run from 00:00 to 23:59; `24:00`
 * is refused because an occurrence belongs to one calendar day. Undefined when there is no
 * time at `at`.
 */
export function readTimeAt(tokens: readonly string[], at: number): TimeRead | undefined {
  let start = at;
  const leading = BEFORE.has(normalizeWord(tokens[start] ?? ""));
  if (leading) start += 1;
  const word = normalizeWord(tokens[start] ?? "");
  const next = normalizeWord(tokens[start + 1] ?? "");
  let match = SUFFIXED.exec(word);
  let suffix = match?.[3];
  let end = start + 1;
  if (!match) {
    match = CLOCK.exec(word);
    if (!match) return undefined;
    if (AFTER.has(next)) {
      suffix = next;
      end += 1;
    } else if (match[2] === undefined && !leading) return undefined;
  }
  const time = clock(Number(match[1]), Number(match[2] ?? 0), suffix);
  const used = end - at;
  return time === undefined
    ? { kind: "bad", value: tokens.slice(start, end).join(" "), used }
    : { kind: "time", time, used };
}
