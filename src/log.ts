import pino, { type Logger } from "pino";

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

/** Structured logs to stderr (stdout belongs to the console adapter's transcript). */
export function createLogger(
  level: string,
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: "[redacted]" } }, destination);
}
