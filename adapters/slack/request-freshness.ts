import type { HTTPReceiver } from "@slack/bolt";

/** Slack's replay window: a signed request older or newer than this is refused. */
export const MAX_SKEW_SECONDS = 5 * 60;

/**
 * Refuses (401) signed Slack requests whose `x-slack-request-timestamp` is more than five
 * minutes away from now in either direction. Bolt refuses old ones itself but accepts any
 * timestamp in the future, so a captured request signed with a future time could be replayed
 * for as long as that time lies ahead. `now` is the wall clock in milliseconds.
 */
export function refuseStaleRequests(receiver: HTTPReceiver, now: () => number): void {
  const next = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const header = req.headers["x-slack-request-timestamp"];
    if (req.method === "POST" && header !== undefined) {
      const seconds = Number(Array.isArray(header) ? header[0] : header);
      if (!Number.isFinite(seconds) || Math.abs(now() / 1000 - seconds) > MAX_SKEW_SECONDS) {
        res.writeHead(401);
        res.end();
        return;
      }
    }
    next(req, res);
  };
}
