import { z } from "zod";
import { WEEKDAYS, type Schedule } from "./schedule";

const time = z.string().regex(/^\d{2}:\d{2}$/);

const RecurrenceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("weekly"), weekday: z.enum(WEEKDAYS), interval: z.number().int().min(1), time }),
  z.object({
    kind: z.literal("monthly-weekday"),
    nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
    weekday: z.enum(WEEKDAYS),
    time,
  }),
  z.object({ kind: z.literal("monthly-day"), day: z.number().int().min(1).max(31), time }),
  z.object({ kind: z.literal("cron"), expression: z.string() }),
]);

/** A stored schedule (JSON column), validated on every read. */
export const ScheduleSchema: z.ZodType<Schedule> = z.object({
  recurrence: RecurrenceSchema,
  zone: z.string(),
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  holidays: z.object({ region: z.string(), rule: z.enum(["skip", "move"]) }).optional(),
});

/** Parses a schedule JSON column. */
export function readSchedule(json: string): Schedule {
  return ScheduleSchema.parse(JSON.parse(json));
}
