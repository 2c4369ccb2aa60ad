import { CronExpressionParser } from "cron-parser";

/**
 * Checks a 5-field cron expression (evaluated in the schedule's zone). Rules firing more than
 * once a day are refused: occurrences are keyed per local date-time and reminders, catch-up
 * and check-in rounds are built for at most one occurrence a day.
 */
export function checkCron(raw: string): { ok: true; expression: string } | { ok: false; frequent: boolean } {
  const expression = raw.trim().replace(/\s+/g, " ");
  let fields;
  try {
    if (expression.split(" ").length !== 5) throw new Error("five fields");
    const parsed = CronExpressionParser.parse(`0 ${expression}`, { strict: true, tz: "UTC" });
    parsed.next();
    fields = parsed.fields;
  } catch {
    return { ok: false, frequent: false };
  }
  if (fields.minute.values.length > 1 || fields.hour.values.length > 1) return { ok: false, frequent: true };
  return { ok: true, expression };
}
