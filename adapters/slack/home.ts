import type { types, webApi } from "@slack/bolt";
import type { Logger } from "pino";
import { z } from "zod";
import { PlatformError, RateLimitedError } from "../../src/core/errors";
import type { OutgoingMessage } from "../../src/core/message";
import { renderMessage } from "./blocks";
import { toPlatformError } from "./errors";
import type { Sleep } from "./private-space";

/** Attempts at publishing a member's Home tab before giving up (a newer visit publishes again). */
const HOME_ATTEMPTS = 4;

/** Builds the App Home view (`views.publish`) from a platform-neutral message. */
export function renderHome(message: OutgoingMessage): types.HomeView {
  // Slack allows 100 blocks in a view (50 in a message); the message renderer's cap is stricter.
  return { type: "home", blocks: renderMessage(message).blocks };
}

const homeOpenedPayload = z.object({
  type: z.literal("app_home_opened"),
  user: z.string(),
  tab: z.string().optional(),
});

/** The user who opened the Home tab; undefined for the Messages tab (it fires the same event). */
export function homeOpenedBy(payload: unknown): string | undefined {
  const parsed = homeOpenedPayload.safeParse(payload);
  return parsed.success && (parsed.data.tab ?? "home") === "home" ? parsed.data.user : undefined;
}

/**
 * Publishes a member's Home tab. A rate limit is waited out (`Retry-After`) and a transient
 * failure retried with a short backoff; each attempt composes the view anew (`build`), so it
 * shows the newest state. Stops trying once the adapter no longer `running`.
 */
export async function publishHome(
  client: webApi.WebClient,
  user: string,
  build: () => Promise<OutgoingMessage>,
  opts: { readonly sleep: Sleep; readonly log: Logger; readonly running: () => boolean },
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.views.publish({ user_id: user, view: renderHome(await build()) });
      return;
    } catch (err) {
      const failure = err instanceof PlatformError ? err : toPlatformError(err, "views.publish");
      if (!failure.retryable || attempt >= HOME_ATTEMPTS || !opts.running()) {
        opts.log.warn({ err, user }, "slack: publishing the App Home failed");
        return;
      }
      await opts.sleep(
        failure instanceof RateLimitedError ? failure.retryAfterMs : 1_000 * 2 ** (attempt - 1),
      );
    }
  }
}
