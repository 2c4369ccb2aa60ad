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

/**
 * The database cannot be used as it is (newer than this code, in use by another copbot,
 * damaged). `fatal` ones stop a running copbot: going on would fail every event.
 */
export class DatabaseError extends CopbotError {
  readonly fatal: boolean;

  constructor(message: string, options?: { cause?: unknown; fatal?: boolean }) {
    super("database", message, options);
    this.fatal = options?.fatal ?? false;
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

/**
 * A platform call failed. `retryable` errors go back to the outbox with a delay;
 * `maybeDelivered` says whether the platform may have acted although the call failed (a
 * timeout or a dropped connection after sending): the outbox then checks before sending again.
 */
export class PlatformError extends CopbotError {
  readonly maybeDelivered: boolean;

  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown; maybeDelivered?: boolean },
  ) {
    super("platform", message, options);
    this.maybeDelivered = options?.maybeDelivered ?? retryable;
  }
}

/**
 * What a rate limit holds: one conversation (Slack's per-channel limits), one kind of call
 * on the platform (a Slack method's tier), or every call to the platform (Matrix limits the
 * whole account).
 */
export type RateLimitScope = "conversation" | "operation" | "platform";

/** The platform asked us to slow down (Slack 429 `Retry-After`, Matrix `M_LIMIT_EXCEEDED`). */
export class RateLimitedError extends PlatformError {
  readonly scope: RateLimitScope;

  constructor(
    readonly retryAfterMs: number,
    options?: { cause?: unknown; scope?: RateLimitScope; maybeDelivered?: boolean },
  ) {
    super(`rate limited, retry after ${retryAfterMs} ms`, true, {
      ...(options?.cause !== undefined ? { cause: options.cause } : {}),
      maybeDelivered: options?.maybeDelivered ?? false,
    });
    this.scope = options?.scope ?? "conversation";
  }
}

/**
 * The same failure, met after the message itself went out (one of its files did not upload):
 * the retry must look for the post first and complete it, never post it again. A rate limit
 * keeps its wait, a permanent failure stays permanent.
 */
export function afterDelivery(error: PlatformError): PlatformError {
  if (error instanceof RateLimitedError) {
    return new RateLimitedError(error.retryAfterMs, {
      cause: error,
      scope: error.scope,
      maybeDelivered: true,
    });
  }
  return new PlatformError(error.message, error.retryable, { cause: error, maybeDelivered: true });
}

/** Expected failures as values. */
export type Result<T, E = UserError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = (key: MessageKey, params: Record<string, string | number> = {}): Result<never> => ({
  ok: false,
  error: new UserError(key, params),
});
