import fs from "node:fs";
import { z } from "zod";
import { replaceFile } from "../replace-file";

/** How many undecryptable events wait for their keys at most; the oldest give way first. */
const CAPACITY = 500;

/** An event that could not be decrypted yet, with the room it came from. */
export interface WaitingEvent {
  readonly roomId: string;
  readonly event: Record<string, unknown>;
}

const WaitingFileSchema = z.object({
  version: z.literal(1),
  waiting: z.array(
    z.object({
      sessionId: z.string(),
      roomId: z.string(),
      event: z.record(z.string(), z.unknown()),
    }),
  ),
});

/**
 * Events waiting for their room key, by Megolm session, and which senders were already told.
 * When keys arrive, `take` hands back the events they unlock, in the order they came. With a
 * `file`, the waiting events survive a restart: the keys often arrive while copbot is down.
 * The file holds the events as the homeserver sent them, still encrypted.
 */
export class WaitingEvents {
  private readonly bySession = new Map<string, WaitingEvent[]>();
  private readonly told = new Set<string>();
  private size = 0;

  constructor(private readonly file?: string) {
    if (file === undefined) return;
    let raw: string;
    try {
      raw = fs.readFileSync(file, "utf8");
    } catch {
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      json = undefined;
    }
    // A damaged file is not worth a failed start: those events stay unread, as before.
    for (const w of WaitingFileSchema.safeParse(json).data?.waiting ?? [])
      this.add(w.sessionId, { roomId: w.roomId, event: w.event });
  }

  park(sessionId: string, waiting: WaitingEvent): void {
    const eventId = waiting.event["event_id"];
    if (this.bySession.get(sessionId)?.some((w) => w.event["event_id"] === eventId)) return;
    this.add(sessionId, waiting);
    this.save();
  }

  /** The events of these sessions, oldest first, forgotten here. */
  take(sessionIds: Iterable<string>): WaitingEvent[] {
    const out: WaitingEvent[] = [];
    for (const id of sessionIds) {
      const list = this.bySession.get(id);
      if (!list) continue;
      this.bySession.delete(id);
      this.size -= list.length;
      out.push(...list);
    }
    if (out.length > 0) this.save();
    return out;
  }

  /** Every session something waits for (to try them again after a restart). */
  sessions(): string[] {
    return [...this.bySession.keys()];
  }

  /** The oldest event waiting for a session's key, left waiting. */
  firstOf(sessionId: string): WaitingEvent | undefined {
    return this.bySession.get(sessionId)?.[0];
  }

  /** True the first time for a sender's session in a room: one note, not one per message. */
  firstNote(roomId: string, sender: string, sessionId: string | undefined): boolean {
    const key = `${roomId}|${sender}|${sessionId ?? ""}`;
    if (this.told.has(key)) return false;
    this.told.add(key);
    if (this.told.size > CAPACITY) {
      const oldest = this.told.values().next().value;
      if (oldest !== undefined) this.told.delete(oldest);
    }
    return true;
  }

  private add(sessionId: string, waiting: WaitingEvent): void {
    const list = this.bySession.get(sessionId) ?? [];
    list.push(waiting);
    this.bySession.set(sessionId, list);
    this.size += 1;
    if (this.size > CAPACITY) this.dropOldest();
  }

  private dropOldest(): void {
    const first = this.bySession.entries().next().value;
    if (!first) return;
    const [id, list] = first;
    list.shift();
    this.size -= 1;
    if (list.length === 0) this.bySession.delete(id);
  }

  /** Replaces the file atomically (a temporary file, then a rename), readable by the owner only. */
  private save(): void {
    if (this.file === undefined) return;
    const waiting = [...this.bySession].flatMap(([sessionId, list]) =>
      list.map((w) => ({ sessionId, ...w })),
    );
    replaceFile(this.file, JSON.stringify({ version: 1, waiting }), { mode: 0o600 });
  }
}
