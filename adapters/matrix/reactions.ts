import { remember } from "../../src/core/bounded-map";

/** Remembers this many reactions; older ones fall out first. */
const CAPACITY = 20_000;

/** A reaction as it was sent: who reacted to which event with which key. */
export interface SeenReaction {
  readonly sender: string;
  readonly target: string;
  readonly key: string;
}

/**
 * The reactions copbot saw, by event id. A redaction names only the reaction's event id, and
 * a redacted event loses its content, so taking a ✅ or an RSVP choice back can only be
 * understood from what was remembered when the reaction came.
 */
export class ReactionMemory {
  private readonly seen = new Map<string, SeenReaction>();

  record(eventId: string, reaction: SeenReaction): void {
    remember(this.seen, eventId, reaction, CAPACITY);
  }

  /** The reaction `eventId` was, once (a redaction is handled once). */
  take(eventId: string): SeenReaction | undefined {
    const reaction = this.seen.get(eventId);
    this.seen.delete(eventId);
    return reaction;
  }
}
