/** The longest single time entry, in minutes: one working day beyond which a typo is likelier. */
export const MAX_ENTRY_MINUTES = 12 * 60;

/**
 * Parses logged time: `2h`, `90m`, `1,5h`, `1.5 h`, `1h30m`, `45 min`, `2 Std`. Returns whole
 * minutes, or undefined when the text is no duration or outside 1 minute – 12 hours.
 */
export function parseDuration(raw: string): number | undefined {
  const text = raw.trim().toLowerCase().replace(/\s+/g, "");
  const match = /^(?:(\d+(?:[.,]\d+)?)(?:h|std|stunden?|hours?))?(?:(\d+)(?:m|min|minuten?|minutes?))?$/.exec(
    text,
  );
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  const hours = match[1] === undefined ? 0 : Number(match[1].replace(",", "."));
  const minutes = Math.round(hours * 60) + (match[2] === undefined ? 0 : Number(match[2]));
  return minutes >= 1 && minutes <= MAX_ENTRY_MINUTES ? minutes : undefined;
}
