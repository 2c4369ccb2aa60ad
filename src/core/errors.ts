import type { MessageKey } from "../i18n";

/** Base class: every copbot error has a stable code and keeps its cause. */
export class CopbotError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Start-up configuration is invalid; the message is one line naming the variable. */
export class ConfigError extends CopbotError {
  constructor(message: string) {
    super("config", message);
  }
}

/** The database cannot be used as it is (e.g. it is newer than this code). */
export class DatabaseError extends CopbotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("database", message, options);
  }
}

/**
 * An expected failure caused by the user; carries an i18n key so it reaches the user as a
 * friendly message in their language. Prefer returning `Result` values; throw this only
 * from deep inside a command where unwinding is simpler.
 */
export class UserError extends CopbotError {
  constructor(
    readonly key: MessageKey,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super("user", key);
  }
}

/** A platform call failed. `retryable` errors go back to the outbox with a delay. */
export class PlatformError extends CopbotError {
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super("platform", message, options);
  }
}

/** The platform asked us to slow down (Slack 429 `Retry-After`, Matrix `M_LIMIT_EXCEEDED`). */
export class RateLimitedError extends PlatformError {
  constructor(
    readonly retryAfterMs: number,
    options?: { cause?: unknown },
  ) {
    super(`rate limited, retry after ${retryAfterMs} ms`, true, options);
  }
}

/** Expected failures as values. */
export type Result<T, E = UserError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = (key: MessageKey, params: Record<string, string | number> = {}): Result<never> => ({
  ok: false,
  error: new UserError(key, params),
});
