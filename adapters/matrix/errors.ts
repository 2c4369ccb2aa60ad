import { MatrixError } from "@vector-im/matrix-bot-sdk";
import { PlatformError, RateLimitedError } from "../../src/core/errors";

/** When the homeserver gives no `retry_after_ms`, wait this long before trying again. */
const DEFAULT_RETRY_AFTER_MS = 1_000;

/** How long the homeserver asked us to wait, when the error is a rate limit. */
export function rateLimitDelay(error: unknown): number | undefined {
  if (!(error instanceof MatrixError)) return undefined;
  if (error.errcode !== "M_LIMIT_EXCEEDED" && error.statusCode !== 429) return undefined;
  return Math.max(0, error.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS);
}

/** The Matrix error code (`M_NOT_FOUND` …) of a failed call, if the homeserver sent one. */
export function errcodeOf(error: unknown): string | undefined {
  return error instanceof MatrixError ? error.errcode : undefined;
}

function statusOf(error: unknown): number | undefined {
  if (error instanceof MatrixError) return error.statusCode;
  if (
    typeof error === "object" &&
    error !== null &&
    "statusCode" in error &&
    typeof error.statusCode === "number"
  ) {
    return error.statusCode;
  }
  return undefined;
}

/**
 * Translates whatever the SDK threw into copbot's platform errors, so the outbox knows what to
 * do: rate limits wait for `retry_after_ms`, server errors and network failures are retried,
 * everything else (forbidden, unknown room …) is permanent.
 */
export function toPlatformError(error: unknown, what: string): PlatformError {
  if (error instanceof PlatformError) return error;
  const wait = rateLimitDelay(error);
  // Synapse limits the bot's account, not one room: the whole platform waits.
  if (wait !== undefined) return new RateLimitedError(wait, { cause: error, scope: "platform" });
  const status = statusOf(error);
  const detail =
    error instanceof Error ? error.message : status !== undefined ? `HTTP ${status}` : String(error);
  const retryable = status === undefined || status >= 500;
  return new PlatformError(`matrix ${what} failed: ${detail}`, retryable, { cause: error });
}

/** Runs a platform call and rethrows its failure as a `PlatformError`. */
export async function guard<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toPlatformError(error, what);
  }
}
