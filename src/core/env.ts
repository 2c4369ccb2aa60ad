import { z } from "zod";
import { ConfigError } from "./errors";

/** An optional setting: surrounding spaces dropped, an empty value counts as unset. */
export const envString = z
  .string()
  .transform((s) => s.trim())
  .optional()
  .transform((s) => (s === "" ? undefined : s));

/** A comma-separated list, items trimmed, empty items dropped. */
export const envList = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

/** A TCP port number. */
export const envPort = z.coerce.number().int().min(1).max(65535);

/**
 * Parses environment variables with a zod schema; the first problem becomes a one-line
 * `ConfigError` that names the variable, says what is allowed and shows what was given.
 */
export function parseEnv<T>(schema: z.ZodType<T>, env: NodeJS.ProcessEnv): T {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0] ?? "environment");
  throw new ConfigError(`${name}: ${issue?.message ?? "invalid"} (got "${String(env[name] ?? "")}")`);
}
