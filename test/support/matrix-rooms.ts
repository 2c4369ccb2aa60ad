/**
 * The room model of the stand-in homeserver: rooms with state and a timeline, one global
 * stream position (the sync token), and the client-visible event shape of the CS-API v3.
 */

/** A room event as the client-server API returns it. */
export interface HsEvent {
  readonly event_id: string;
  readonly room_id: string;
  readonly type: string;
  readonly sender: string;
  readonly origin_server_ts: number;
  readonly content: Record<string, unknown>;
  readonly state_key?: string;
  readonly redacts?: string;
  readonly unsigned?: Record<string, unknown>;
}

export interface Positioned {
  readonly pos: number;
  readonly event: HsEvent;
}

export class HsRoom {
  readonly state = new Map<string, HsEvent>();
  readonly timeline: Positioned[] = [];
  readonly accountData = new Map<string, Record<string, unknown>>();
  /** Transaction ids already used, so a retried send returns the same event. */
  readonly txns = new Map<string, string>();

  constructor(readonly id: string) {}

  stateEvent(type: string, stateKey = ""): HsEvent | undefined {
    return this.state.get(`${type}|${stateKey}`);
  }

  membership(userId: string): string | undefined {
    const content = this.stateEvent("m.room.member", userId)?.content;
    return typeof content?.membership === "string" ? content.membership : undefined;
  }

  members(membership = "join"): string[] {
    return [...this.state.values()]
      .filter((e) => e.type === "m.room.member" && e.content.membership === membership)
      .map((e) => e.state_key ?? "");
  }

  /** The stream position at which `userId` last became a joined member. */
  joinedAt(userId: string): number | undefined {
    const joins = this.timeline.filter(
      (p) =>
        p.event.type === "m.room.member" &&
        p.event.state_key === userId &&
        p.event.content.membership === "join",
    );
    return joins[joins.length - 1]?.pos;
  }
}

/** All rooms plus the stream counter; appending an event advances the stream. */
export class HsStore {
  readonly rooms = new Map<string, HsRoom>();
  readonly accountData = new Map<string, Record<string, unknown>>();
  readonly aliases = new Map<string, string>();
  readonly profiles = new Map<string, Record<string, unknown>>();
  pos = 0;
  private seq = 0;

  constructor(
    readonly serverName: string,
    private now: () => number,
  ) {}

  /** Stamps events with another clock from now on (a restarted bot brings its own virtual clock). */
  setClock(now: () => number): void {
    this.now = now;
  }

  nextId(prefix: string): string {
    this.seq += 1;
    return `${prefix}${this.seq}`;
  }

  newRoom(): HsRoom {
    const room = new HsRoom(`!${this.nextId("room")}:${this.serverName}`);
    this.rooms.set(room.id, room);
    return room;
  }

  room(id: string): HsRoom | undefined {
    return this.rooms.get(this.aliases.get(id) ?? id);
  }

  /** Appends an event to a room's timeline (and its state, when it is a state event). */
  append(
    room: HsRoom,
    fields: {
      type: string;
      sender: string;
      content: Record<string, unknown>;
      stateKey?: string;
      redacts?: string;
    },
    ts?: number,
  ): HsEvent {
    const previous =
      fields.stateKey === undefined ? undefined : room.stateEvent(fields.type, fields.stateKey);
    const event: HsEvent = {
      event_id: `$${this.nextId("ev")}`,
      room_id: room.id,
      type: fields.type,
      sender: fields.sender,
      origin_server_ts: ts ?? this.now(),
      content: fields.content,
      ...(fields.stateKey !== undefined ? { state_key: fields.stateKey } : {}),
      ...(fields.redacts !== undefined ? { redacts: fields.redacts } : {}),
      ...(previous ? { unsigned: { prev_content: previous.content } } : {}),
    };
    this.pos += 1;
    room.timeline.push({ pos: this.pos, event });
    if (fields.stateKey !== undefined) room.state.set(`${fields.type}|${fields.stateKey}`, event);
    return event;
  }

  findEvent(roomId: string, eventId: string): HsEvent | undefined {
    return this.room(roomId)?.timeline.find((p) => p.event.event_id === eventId)?.event;
  }

  /**
   * The `rooms` part of a sync response for `userId` since stream position `since`
   * (undefined = initial sync). A room joined after `since` comes with up to `history`
   * earlier events, the way a real homeserver shows the recent past of a newly joined room.
   */
  syncRooms(userId: string, since: number | undefined, history: number): Record<string, unknown> {
    const join: Record<string, unknown> = {};
    const invite: Record<string, unknown> = {};
    for (const room of this.rooms.values()) {
      const membership = room.membership(userId);
      if (membership === "invite") {
        const inviteEvent = room.stateEvent("m.room.member", userId);
        const pos = room.timeline.find((p) => p.event === inviteEvent)?.pos ?? 0;
        if (since === undefined || pos > since) {
          const name = room.stateEvent("m.room.name");
          invite[room.id] = { invite_state: { events: [...(name ? [name] : []), inviteEvent] } };
        }
        continue;
      }
      if (membership !== "join") continue;
      const joinedAt = room.joinedAt(userId) ?? 0;
      const fresh =
        since === undefined ? room.timeline.length : room.timeline.findIndex((p) => p.pos > since);
      const newlyJoined = since === undefined || joinedAt > since;
      const from = newlyJoined ? Math.max(0, Math.min(room.timeline.length - history, fresh)) : fresh;
      const events = from < 0 ? [] : room.timeline.slice(from).map((p) => p.event);
      if (events.length > 0) join[room.id] = { timeline: { events, limited: false }, state: { events: [] } };
    }
    return { join, invite, leave: {} };
  }
}
