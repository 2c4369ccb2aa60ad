import type { IncomingMessage, ServerResponse } from "node:http";
import {
  HTTPModuleFunctions,
  HTTPReceiver,
  type BufferedIncomingMessage,
  type CustomRoute,
  type Logger as BoltLogger,
} from "@slack/bolt";
import type { Logger } from "pino";

/** Slack's replay window: a request signed more than 5 minutes before or after now is refused. */
export const MAX_CLOCK_SKEW_S = 5 * 60;

const EVENTS_PATH = "/slack/events";

/** For load balancers and container probes in front of the HTTP endpoint. */
const healthz: CustomRoute = {
  path: "/healthz",
  method: ["GET"],
  handler: (_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("ok");
  },
};

function refuse(res: ServerResponse, status: number): false {
  res.writeHead(status);
  res.end();
  return false;
}

/**
 * Checks a request before Bolt sees it: a valid signature, a timestamp no more than 5 minutes
 * off in either direction (Bolt checks only the past), and a body that is a JSON object or a
 * form (Bolt's receiver dies on a signed body of `null`). False when it answered the request.
 */
async function acceptable(
  req: IncomingMessage,
  res: ServerResponse,
  signingSecret: string,
  log: Logger,
): Promise<boolean> {
  let buffered;
  try {
    buffered = await HTTPModuleFunctions.parseAndVerifyHTTPRequest({ signingSecret }, req);
  } catch (error) {
    if (HTTPModuleFunctions.isRawBodyError(error)) return refuse(res, 413);
    log.warn({ reason: error instanceof Error ? error.message : String(error) }, "slack: request refused");
    return refuse(res, 401);
  }
  const timestamp = Number(req.headers["x-slack-request-timestamp"]);
  if (timestamp > Date.now() / 1000 + MAX_CLOCK_SKEW_S) {
    log.warn({ timestamp }, "slack: request refused: its timestamp lies more than 5 minutes ahead");
    return refuse(res, 401);
  }
  if (!objectBody(buffered)) {
    log.warn("slack: request refused: its body is no object");
    return refuse(res, 400);
  }
  return true;
}

const FORM = "application/x-www-form-urlencoded";
const JSON_SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * Whether Bolt's parse of the body gives an object or throws (Bolt answers that with 400
 * itself). A JSON text whose first character after white space is `{` can parse to nothing
 * else, so Slack's events are not parsed here a second time; forms are parsed as Bolt does.
 */
function objectBody(buffered: BufferedIncomingMessage): boolean {
  if (buffered.headers["content-type"] !== FORM) {
    const raw = buffered.rawBody;
    let i = 0;
    while (i < raw.length && JSON_SPACE.has(raw[i] ?? 0)) i++;
    return raw[i] === 0x7b;
  }
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
  } catch {
    return true;
  }
  return typeof body === "object" && body !== null && !Array.isArray(body);
}

/** Exactly the requests Bolt's receiver takes as Slack events (its own test, see HTTPReceiver). */
function isEventRequest(req: IncomingMessage): boolean {
  if (req.method?.toUpperCase() !== "POST") return false;
  // Slack posts to the path itself; only other URLs need Bolt's parse to be judged alike.
  return req.url === EVENTS_PATH || new URL(req.url ?? "/", "http://localhost").pathname === EVENTS_PATH;
}

/**
 * Bolt's HTTP receiver for `/slack/events` (and `/healthz`), with `acceptable` in front of it.
 * `acceptable` is the one signature check: every request Bolt would take as an event passes it
 * first, so Bolt's own check is switched off (it would hash the same body a second time) and
 * Bolt reads the body `acceptable` already buffered.
 */
export function guardedHttpReceiver(opts: {
  signingSecret: string;
  logger: BoltLogger;
  log: Logger;
}): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret: opts.signingSecret,
    endpoints: [EVENTS_PATH],
    signatureVerification: false,
    logger: opts.logger,
    customRoutes: [healthz],
  });
  const bolt = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    if (!isEventRequest(req)) {
      bolt(req, res);
      return;
    }
    acceptable(req, res, opts.signingSecret, opts.log).then(
      (ok) => {
        if (ok) bolt(req, res);
      },
      (error: unknown) => {
        opts.log.error({ err: error }, "slack: checking a request failed");
        if (!res.headersSent) refuse(res, 500);
      },
    );
  };
  return receiver;
}
