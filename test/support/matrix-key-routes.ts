import type { FakeHomeserver } from "./matrix-homeserver";
import type { RecordedRequest } from "./matrix-requests";

interface Reply {
  readonly status: number;
  readonly body: unknown;
}

function obj(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * The encryption endpoints of the client-server API v3 for the bot's device: keys, to-device
 * messages and device deletion (with password auth). Undefined for every other path.
 */
export function routeKeys(
  hs: FakeHomeserver,
  req: RecordedRequest,
  seg: readonly string[],
  deviceId: string,
): Reply | undefined {
  const [head, a, b] = seg;
  const me = hs.botUserId;
  const body = obj(req.body);
  const ok = (reply: unknown = {}): Reply => ({ status: 200, body: reply });
  if (head === "keys" && req.method === "POST") {
    if (a === "upload") return ok(hs.keys.upload(me, deviceId, body));
    if (a === "query") return ok(hs.keys.query(body));
    if (a === "claim") return ok(hs.keys.claim(body));
    if (a === "signatures" && b === "upload") return ok(hs.keys.uploadSignatures(body));
    if (a === "device_signing" && b === "upload") {
      hs.keys.uploadSigningKeys(me, body);
      return ok();
    }
  }
  if (head === "sendToDevice" && a !== undefined && req.method === "PUT") {
    hs.keys.sendToDevice(me, a, obj(body.messages));
    return ok();
  }
  if (head === "devices" && a !== undefined && req.method === "DELETE") {
    const auth = obj(body.auth);
    if (auth.type !== "m.login.password" || auth.password !== hs.password) {
      return {
        status: 401,
        body: { flows: [{ stages: ["m.login.password"] }], params: {}, session: "uia1" },
      };
    }
    hs.keys.deleteDevice(me, a);
    hs.deletedDevices.push(a);
    return ok();
  }
  return undefined;
}
