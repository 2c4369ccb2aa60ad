import { webApi } from "@slack/bolt";
import { ConfigError, CopbotError, PlatformError, RateLimitedError } from "../../src/core/errors";

const { ErrorCode } = webApi;

/** Slack error codes that mean "try again later" rather than "this will never work". */
const TRANSIENT = new Set([
  "ratelimited",
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
]);

/** Network failures that happen before a request is sent. */
const NOT_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/** The system error code under a Web API client's request error (`ECONNREFUSED` …). */
function networkCode(error: unknown): string | undefined {
  const original = (error as { original?: { code?: unknown; cause?: { code?: unknown } } } | null)?.original;
  const code = original?.code ?? original?.cause?.code;
  return typeof code === "string" ? code : undefined;
}

/** The Slack `error` string of a failed Web API call, if it is one. */
export function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as { code?: unknown; data?: { error?: unknown } };
  return e.code === ErrorCode.PlatformError && typeof e.data?.error === "string" ? e.data.error : undefined;
}

/**
 * Turns whatever the Web API client threw into copbot's platform errors, so the outbox
 * knows whether to wait (`Retry-After`), retry, or give up.
 */
export function toPlatformError(error: unknown, method: string): PlatformError {
  if (error instanceof PlatformError) return error;
  const e = (typeof error === "object" && error !== null ? error : {}) as {
    code?: unknown;
    retryAfter?: unknown;
    statusCode?: unknown;
  };
  if (e.code === ErrorCode.RateLimitedError) {
    const seconds = typeof e.retryAfter === "number" ? e.retryAfter : 1;
    return new RateLimitedError(seconds * 1000, { cause: error });
  }
  const platform = slackErrorCode(error);
  if (platform !== undefined) {
    return new PlatformError(`slack ${method} failed: ${platform}`, TRANSIENT.has(platform), {
      cause: error,
    });
  }
  if (e.code === ErrorCode.HTTPError) {
    const status = typeof e.statusCode === "number" ? e.statusCode : 0;
    // Slack answered with an error status: the call was refused, not half done.
    return new PlatformError(`slack ${method} failed: HTTP ${status}`, status >= 500 || status === 0, {
      cause: error,
      maybeDelivered: false,
    });
  }
  // Network trouble (RequestError, timeouts) and anything unexpected: worth another try. Only a
  // connection that was never made proves the call did not arrive.
  return new PlatformError(`slack ${method} failed: ${String(error)}`, true, {
    cause: error,
    maybeDelivered: !NOT_CONNECTED.has(networkCode(error) ?? ""),
  });
}

/** Slack's answers to a token it does not accept. */
const REFUSED_TOKEN = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "not_allowed_token_type",
  "team_disabled",
  "user_removed_from_team",
]);

/**
 * A failed start as one line an operator can act on: a refused token or a busy port names
 * its variable (`ConfigError`); anything else (Slack unreachable) is a `PlatformError`.
 */
export function startupError(error: unknown, variable: string): CopbotError {
  if (error instanceof CopbotError) return error;
  const code = slackErrorCode(error);
  if (code !== undefined && REFUSED_TOKEN.has(code)) {
    return new ConfigError(`${variable}: Slack does not accept this token (${code})`);
  }
  if ((error as { code?: unknown } | null)?.code === "EADDRINUSE") {
    return new ConfigError(`${variable}: the port is already in use`);
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new PlatformError(`cannot connect to Slack: ${reason}`, true, { cause: error });
}
