import { createHmac } from "node:crypto";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

/** Slack's request signature: `v0=` + HMAC-SHA256 of `v0:{timestamp}:{body}`. */
export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SignedPost {
  readonly url: string;
  readonly body: string;
  readonly contentType: "application/json" | "application/x-www-form-urlencoded";
  /** Seconds since the epoch; default now. */
  readonly timestamp?: number;
  readonly secret?: string;
  readonly headers?: Record<string, string>;
  /** Replaces the computed signature (for the bad-signature tests). */
  readonly signature?: string;
}

/** POSTs a request to a Bolt endpoint as Slack would: signed, with a timestamp. */
export async function postSigned(req: SignedPost): Promise<Response> {
  const timestamp = req.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(req.url, {
    method: "POST",
    headers: {
      "content-type": req.contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": req.signature ?? sign(req.body, timestamp, req.secret),
      ...(req.headers ?? {}),
    },
    body: req.body,
  });
}
