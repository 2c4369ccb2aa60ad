import { WEEKDAYS, type Nth, type Weekday } from "../schedule";
import { ownValue } from "../../core/own";

/** ASCII spellings of the grammar's umlaut words (`naechsten`); only these, `tuesday` stays. */
const ASCII_UMLAUTS: readonly (readonly [RegExp, string])[] = [
  [/naechst/, "nächst"],
  [/^ueber(?=nächst|morgen)/, "über"],
  [/woechentlich$/, "wöchentlich"],
  [/taegig$/, "tägig"],
  [/^fuenft/, "fünft"],
];

/**
 * One word as the grammar compares it: lower case, the ASCII spellings of its umlaut words
 * folded onto them, and trailing commas or a word's abbreviation dot removed (`Mo.` -> `mo`).
 * Numbers keep their dots: `15.` is an ordinal day, `7.1.` a date.
 */
export function normalizeWord(raw: string): string {
  const lower = raw.toLocaleLowerCase("de").replace(/,+$/, "");
  const word = /^\p{L}[\p{L}-]*\.$/u.test(lower) ? lower.slice(0, -1) : lower;
  return ASCII_UMLAUTS.reduce((w, [pattern, replacement]) => w.replace(pattern, replacement), word);
}

const WEEKDAY_WORDS: Readonly<Record<Weekday, readonly string[]>> = {
  mon: ["mo", "mon", "montag", "monday"],
  tue: ["di", "tue", "tues", "dienstag", "tuesday"],
  wed: ["mi", "wed", "mittwoch", "wednesday"],
  thu: ["do", "thu", "thur", "thurs", "donnerstag", "thursday"],
  fri: ["fr", "fri", "freitag", "friday"],
  sat: ["sa", "sat", "samstag", "sonnabend", "saturday"],
  sun: ["so", "sun", "sonntag", "sunday"],
};

/** Plurals that mean "every such day": `montags`, `mondays`. */
const WEEKDAY_PLURALS: Readonly<Record<Weekday, readonly string[]>> = {
  mon: ["montags", "mondays"],
  tue: ["dienstags", "tuesdays"],
  wed: ["mittwochs", "wednesdays"],
  thu: ["donnerstags", "thursdays"],
  fri: ["freitags", "fridays"],
  sat: ["samstags", "sonnabends", "saturdays"],
  sun: ["sonntags", "sundays"],
};

function index(table: Readonly<Record<Weekday, readonly string[]>>): ReadonlyMap<string, Weekday> {
  return new Map(WEEKDAYS.flatMap((day) => table[day].map((word) => [word, day] as const)));
}

const SINGULAR = index(WEEKDAY_WORDS);
const PLURAL = index(WEEKDAY_PLURALS);

/** A weekday named by one normalized word (`Montag`, `mo`, `mon`, `Monday`), or undefined. */
export function weekdayOf(word: string): Weekday | undefined {
  return SINGULAR.get(word);
}

/** A weekday named in the plural (`montags`, `Mondays`), which means every such day. */
export function weekdayPluralOf(word: string): Weekday | undefined {
  return PLURAL.get(word);
}

/** A range of weekdays in one word: `mo-fr`, `Mon-Fri` (Monday first, no wrap-around). */
export function weekdayRangeOf(word: string): Weekday[] | undefined {
  const m = /^([\p{L}]+)-([\p{L}]+)$/u.exec(word);
  const from = m ? weekdayOf(m[1] ?? "") : undefined;
  const to = m ? weekdayOf(m[2] ?? "") : undefined;
  if (from === undefined || to === undefined) return undefined;
  const [a, b] = [WEEKDAYS.indexOf(from), WEEKDAYS.indexOf(to)];
  return a < b ? WEEKDAYS.slice(a, b + 1) : undefined;
}

/**
 * Ordinals for "the nth weekday": German in every declension (`erster`, `ersten`, …), English
 * words and `1st`, and digits with a dot (`1.`). Fifth and beyond are not ordinals here: not
 * every month has a fifth Tuesday, so such a rule would silently skip months.
 */
const ORDINAL_WORDS: Readonly<Record<string, Nth>> = Object.fromEntries(
  (
    [
      [1, ["erst", "first", "1st", "1."]],
      [2, ["zweit", "second", "2nd", "2."]],
      [3, ["dritt", "third", "3rd", "3."]],
      [4, ["viert", "fourth", "4th", "4."]],
      [-1, ["letzt", "last"]],
    ] as const
  ).flatMap(([nth, words]) =>
    words.flatMap((word) =>
      /^\p{L}+t$/u.test(word) && !/^(first|last)$/.test(word)
        ? ["e", "er", "en", "es"].map((ending) => [word + ending, nth] as const)
        : [[word, nth] as const],
    ),
  ),
);

export function ordinalOf(word: string): Nth | undefined {
  return ownValue(ORDINAL_WORDS, word);
}

/** Words that look like an ordinal but are none of the supported ones (for a precise error). */
export function looksOrdinal(word: string): boolean {
  return /^(fünft|sechst|fifth|sixth|\d+(st|nd|rd|th))/.test(word) || /^\d+\.$/.test(word);
}

/** Fills that carry no meaning in a rule or a date: `am Montag`, `on the 15th`, `um 10 Uhr`. */
export const FILLERS: ReadonlySet<string> = new Set(["am", "an", "on", "the", "den", "der", "um", "at", "@"]);

/** Conjunctions between weekdays: `Montag und Donnerstag`, `Mon & Thu`. */
export const AND: ReadonlySet<string> = new Set(["und", "and", "&", "+", ","]);
