import { UserError, type Result } from "../../core/errors";
import { t, type Lang, type MessageKey } from "../../i18n";
import { DEFAULT_ZONE } from "../schedule";

/** What every parse needs: the instant "today" refers to, the community's zone, the reader. */
export interface ParseOptions {
  /** The instant `heute` / `today` refers to (the injected clock's now). */
  readonly now: Date;
  /** IANA zone in which "today" is decided; default `Europe/Berlin`. */
  readonly zone?: string;
  /** Language of an error's "understood" part and default example; default German. */
  readonly lang?: Lang;
  /** A correct input shown with an error, e.g. the calling command's example line. */
  readonly example?: string;
}

/** What reading a time of day needs: no "today". */
export type TimeOptions = Omit<ParseOptions, "now">;

/** The zone and language of `options`, with their defaults. */
export function resolved(options: TimeOptions): { zone: string; lang: Lang } {
  return { zone: options.zone ?? DEFAULT_ZONE, lang: options.lang ?? "de" };
}

/**
 * Which part of an input was wrong. Callers with older messages of their own map these codes
 * onto them (the meeting grammar's `meeting.error.*`).
 */
export type DateProblem =
  | "date"
  | "weekdayMismatch"
  | "past"
  | "time"
  | "weekday"
  | "interval"
  | "monthDay"
  | "ordinal"
  | "recurrence"
  | "combination"
  | "cron"
  | "cronFrequent";

/** The message when the offending text is empty: something is missing rather than wrong. */
const MISSING: Partial<Record<DateProblem, MessageKey>> = {
  date: "dates.error.dateMissing",
  time: "dates.error.timeMissing",
  weekday: "dates.error.weekdayMissing",
  ordinal: "dates.error.ordinalMissing",
};

/** The default example per kind of input, in the reader's language. */
export type ExampleKind = "date" | "time" | "recurrence";

/** A date, time or recurrence the parser could not read: says what it understood and what not. */
export class DateInputError extends UserError {
  constructor(
    readonly problem: DateProblem,
    key: MessageKey,
    params: { readonly value: string; readonly understood: string; readonly example: string },
  ) {
    super(key, params);
  }
}

export type Parsed<T> = Result<T, DateInputError>;

/**
 * A failed parse. `understood` is what was read before the problem, already worded in the
 * reader's language (empty when nothing was); `value` is the text that was not understood.
 */
export function problem(
  code: DateProblem,
  value: string,
  understood: string,
  options: TimeOptions,
  example: ExampleKind,
): { ok: false; error: DateInputError } {
  const { lang } = resolved(options);
  const key = (value === "" ? MISSING[code] : undefined) ?? (`dates.error.${code}` as const);
  return {
    ok: false,
    error: new DateInputError(code, key, {
      value,
      understood: understood === "" ? "" : t(lang, "dates.understood", { parts: understood }),
      example: options.example ?? t(lang, `dates.example.${example}`),
    }),
  };
}
