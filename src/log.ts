import pino, { type Logger } from "pino";
import { redactSecrets } from "./core/env";

/** Paths that may carry secrets; pino replaces their values before anything is written. */
export const REDACT_PATHS = [
  "token",
  "*.token",
  "botToken",
  "*.botToken",
  "appToken",
  "*.appToken",
  "signingSecret",
  "*.signingSecret",
  "accessToken",
  "*.accessToken",
  "password",
  "*.password",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "config.slack",
  "config.matrix",
];

/**
 * Structured logs to stderr (stdout belongs to the console adapter's transcript). Secret fields
 * are redacted by name; on top, every line is scrubbed of the secret values themselves
 * (`secrets`), wherever a library put them (an error message, a URL, a nested request).
 */
export function createLogger(
  level: string,
  destination: pino.DestinationStream = pino.destination(2),
  secrets: readonly string[] = [],
): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      ...(secrets.length > 0
        ? { hooks: { streamWrite: (line: string) => redactSecrets(line, secrets) } }
        : {}),
    },
    destination,
  );
}
