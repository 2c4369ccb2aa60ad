import type { FakeHomeserver } from "./matrix-homeserver";
import { routeKeys } from "./matrix-key-routes";
import type { RecordedRequest } from "./matrix-requests";
import type { HsRoom } from "./matrix-rooms";

interface Reply {
  readonly status: number;
  readonly body: unknown;
}

const ok = (body: unknown = {}): Reply => ({ status: 200, body });
const notFound = (error = "not found"): Reply => ({ status: 404, body: { errcode: "M_NOT_FOUND", error } });
const forbidden = (error: string): Reply => ({ status: 403, body: { errcode: "M_FORBIDDEN", error } });

const HISTORY = 50;
const CLIENT = "/_matrix/client/v3/";
const MEDIA = "/_matrix/media/v3/upload";

function obj(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** Answers one request of the client-server API v3 against the stand-in's rooms. */
export async function routeRequest(
  hs: FakeHomeserver,
  req: RecordedRequest,
  deviceId: string,
): Promise<Reply> {
  if (req.path === MEDIA)
    return ok({ content_uri: `mxc://${hs.store.serverName}/${hs.store.nextId("media")}` });
  if (!req.path.startsWith(CLIENT)) return notFound("unknown endpoint");
  const seg = req.path.slice(CLIENT.length).split("/").map(decodeURIComponent);
  const [head, a, b, c, d] = seg;
  const me = hs.botUserId;
  const store = hs.store;
  const body = obj(req.body);

  if (head === "login" && req.method === "POST") return ok(hs.login());
  if (head === "account" && a === "whoami") return ok({ user_id: me, device_id: deviceId });
  const keys = routeKeys(hs, req, seg, deviceId);
  if (keys) return keys;
  if (head === "joined_rooms") {
    return ok({
      joined_rooms: [...store.rooms.values()].filter((r) => r.membership(me) === "join").map((r) => r.id),
    });
  }
  if (head === "sync") {
    const since = req.query.get("since");
    const sinceNum = since === null ? undefined : Number(since);
    if (sinceNum !== undefined)
      await hs.waitForStream(sinceNum, Math.min(Number(req.query.get("timeout") ?? 0), 30_000));
    return ok({
      next_batch: String(store.pos),
      rooms: store.syncRooms(me, sinceNum, HISTORY),
      account_data: { events: [] },
      ...hs.keys.syncFor(me, deviceId, sinceNum),
    });
  }
  if (head === "user" && b === "filter" && req.method === "POST") return ok({ filter_id: "1" });
  if (head === "user" && b === "account_data" && c !== undefined) {
    if (req.method === "PUT") {
      store.accountData.set(c, body);
      return ok();
    }
    const data = store.accountData.get(c);
    return data ? ok(data) : notFound();
  }
  if (head === "user" && b === "rooms" && c !== undefined && d === "account_data") {
    const room = store.room(c);
    const type = seg[5] ?? "";
    if (!room) return notFound();
    if (req.method === "PUT") {
      room.accountData.set(type, body);
      return ok();
    }
    const data = room.accountData.get(type);
    return data ? ok(data) : notFound();
  }
  if (head === "profile" && a !== undefined) {
    const profile = store.profiles.get(a);
    return profile ? ok(profile) : notFound("no profile");
  }
  if (head === "directory" && a === "room" && b !== undefined) {
    const roomId = store.aliases.get(b);
    return roomId ? ok({ room_id: roomId, servers: [store.serverName] }) : notFound("no alias");
  }
  if (head === "createRoom" && req.method === "POST") return ok({ room_id: createRoom(hs, body) });
  if (head === "join" && a !== undefined && req.method === "POST") return join(hs, a);
  if (head === "rooms" && a !== undefined) return roomRoute(hs, req, a, seg.slice(2), body);
  return notFound("unknown endpoint");
}

function createRoom(hs: FakeHomeserver, body: Record<string, unknown>): string {
  const me = hs.botUserId;
  const store = hs.store;
  const room = store.newRoom();
  store.append(room, { type: "m.room.create", sender: me, content: { creator: me }, stateKey: "" });
  hs.memberEvent(room, me, me, "join");
  store.append(room, {
    type: "m.room.power_levels",
    sender: me,
    content: { users: { [me]: 100 }, users_default: 0, events_default: 0, state_default: 50 },
    stateKey: "",
  });
  const preset = body.preset;
  const joinRule = preset === "public_chat" ? "public" : "invite";
  store.append(room, {
    type: "m.room.join_rules",
    sender: me,
    content: { join_rule: joinRule },
    stateKey: "",
  });
  if (typeof body.name === "string") {
    store.append(room, { type: "m.room.name", sender: me, content: { name: body.name }, stateKey: "" });
  }
  if (typeof body.topic === "string") {
    store.append(room, { type: "m.room.topic", sender: me, content: { topic: body.topic }, stateKey: "" });
  }
  for (const state of Array.isArray(body.initial_state) ? body.initial_state : []) {
    const s = obj(state);
    store.append(room, {
      type: String(s.type),
      sender: me,
      content: obj(s.content),
      stateKey: typeof s.state_key === "string" ? s.state_key : "",
    });
  }
  if (hs.encryptNewRooms) {
    store.append(room, {
      type: "m.room.encryption",
      sender: me,
      content: { algorithm: "m.megolm.v1.aes-sha2" },
      stateKey: "",
    });
  }
  const isDirect = body.is_direct === true ? { is_direct: true } : {};
  for (const user of strings(body.invite)) hs.memberEvent(room, me, user, "invite", undefined, isDirect);
  hs.wakeSyncs();
  return room.id;
}

function join(hs: FakeHomeserver, roomIdOrAlias: string): Reply {
  const room = hs.store.room(roomIdOrAlias);
  if (!room) return notFound("no room");
  if (room.membership(hs.botUserId) !== "join") {
    hs.memberEvent(room, hs.botUserId, hs.botUserId, "join");
    hs.wakeSyncs();
  }
  return ok({ room_id: room.id });
}

function roomRoute(
  hs: FakeHomeserver,
  req: RecordedRequest,
  roomId: string,
  rest: string[],
  body: Record<string, unknown>,
): Reply {
  const room = hs.store.room(roomId);
  if (!room) return notFound("no room");
  const me = hs.botUserId;
  const [what, x, y] = rest;
  if (what === "join" && req.method === "POST") return join(hs, roomId);
  if (what === "leave" && req.method === "POST") {
    hs.memberEvent(room, me, me, "leave");
    hs.wakeSyncs();
    return ok();
  }
  if (room.membership(me) !== "join") return forbidden("not in room");
  if (what === "send" && x !== undefined && req.method === "PUT") {
    const txn = `${x}|${y ?? ""}`;
    const previous = room.txns.get(txn);
    if (previous !== undefined) return ok({ event_id: previous });
    const event = hs.store.append(room, { type: x, sender: me, content: body });
    room.txns.set(txn, event.event_id);
    hs.wakeSyncs();
    return ok({ event_id: event.event_id });
  }
  if (what === "state" && x === undefined) return ok([...room.state.values()]);
  if (what === "state" && x !== undefined) return stateRoute(hs, req, room, x, y ?? "", body);
  if (what === "event" && x !== undefined) {
    const event = hs.store.findEvent(room.id, x);
    return event ? ok(event) : notFound("no event");
  }
  if (what === "members") {
    return ok({ chunk: [...room.state.values()].filter((e) => e.type === "m.room.member") });
  }
  if (what === "joined_members") {
    const joined: Record<string, unknown> = {};
    for (const user of room.members()) {
      const name = room.stateEvent("m.room.member", user)?.content.displayname;
      joined[user] = typeof name === "string" ? { display_name: name } : {};
    }
    return ok({ joined });
  }
  if (what === "invite" && req.method === "POST" && typeof body.user_id === "string") {
    if (room.membership(body.user_id) === "join") return forbidden(`${body.user_id} is already in the room`);
    hs.memberEvent(room, me, body.user_id, "invite");
    hs.wakeSyncs();
    return ok();
  }
  if (what === "kick" && req.method === "POST" && typeof body.user_id === "string") {
    const membership = room.membership(body.user_id);
    if (membership !== "join" && membership !== "invite")
      return forbidden("The target user is not in the room");
    const reason = typeof body.reason === "string" ? { reason: body.reason } : {};
    hs.memberEvent(room, me, body.user_id, "leave", undefined, reason);
    hs.wakeSyncs();
    return ok();
  }
  return notFound("unknown endpoint");
}

function stateRoute(
  hs: FakeHomeserver,
  req: RecordedRequest,
  room: HsRoom,
  type: string,
  stateKey: string,
  body: Record<string, unknown>,
): Reply {
  if (req.method === "PUT") {
    const event = hs.store.append(room, { type, sender: hs.botUserId, content: body, stateKey });
    hs.wakeSyncs();
    return ok({ event_id: event.event_id });
  }
  const event = room.stateEvent(type, stateKey);
  return event ? ok(event.content) : notFound("no state");
}
