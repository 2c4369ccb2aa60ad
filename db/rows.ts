import { z } from "zod";

/** `channel_id` -> `channelId`, at the type level. */
type Camel<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<Camel<Tail>>}`
  : S;

/** SQL NULL becomes `undefined`, as the domain types write an absent value. */
type Present<T> = null extends T ? Exclude<T, null> | undefined : T;

/** A validated row with camelCase keys and `undefined` for NULL. */
export type CamelRow<T> = { readonly [K in keyof T & string as Camel<K>]: Present<T[K]> };

const camel = (key: string): string => key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * The one row mapper of the repositories: validates a row's snake_case columns with zod
 * (transforms allowed, see `column`) and returns them with camelCase keys and NULL as
 * `undefined`. Throws on a row that does not match, which is a bug or a broken database.
 */
export function rowReader<Shape extends z.ZodRawShape>(
  shape: Shape,
): (row: unknown) => CamelRow<z.output<z.ZodObject<Shape>>> {
  const schema = z.object(shape);
  // Renamed once here, not for every column of every row read.
  const names = new Map(Object.keys(shape).map((key) => [key, camel(key)]));
  return (row) => {
    const mapped: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(schema.parse(row))) {
      mapped[names.get(key) ?? camel(key)] = value === null ? undefined : value;
    }
    // The keys and values were just built from the schema's own output, as the type says.
    return mapped as CamelRow<z.output<z.ZodObject<Shape>>>;
  };
}

/** Column types that need more than a plain zod type. */
export const column = {
  /** Milliseconds since the epoch as a `Date`. */
  date: z.number().transform((ms) => new Date(ms)),
  /** Milliseconds since the epoch as a `Date`, or NULL. */
  optionalDate: z
    .number()
    .nullable()
    .transform((ms) => (ms === null ? null : new Date(ms))),
  /** SQLite's 0/1 as a boolean. */
  flag: z.number().transform((n) => n === 1),
} as const;
