import { PlatformError, RateLimitedError } from "../../src/core/errors";
import type { RenderedMessage } from "./blocks";

/** How long a `response_url` may take when the caller does not say. */
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Posts an ephemeral answer to a command's or button's `response_url`. Such a URL works in
 * every conversation, also where the bot is no member, but only 5 times in 30 minutes: false
 * means it is spent, expired, unreachable or too slow (`timeoutMs`), and the caller falls
 * back to `chat.postEphemeral`.
 */
export async function postToResponseUrl(
  fetchFn: typeof fetch,
  url: string,
  rendered: RenderedMessage,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<boolean> {
  if (!/^https?:\/\//.test(url)) return false;
  try {
    const response = await fetchFn(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ response_type: "ephemeral", replace_original: false, ...rendered }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status === 429) {
      const seconds = Number.parseInt(response.headers.get("retry-after") ?? "", 10);
      throw new RateLimitedError((Number.isNaN(seconds) || seconds < 1 ? 1 : seconds) * 1000);
    }
    return response.ok;
  } catch (error) {
    if (error instanceof PlatformError) throw error;
    return false;
  }
}
