import type { Logger } from "pino";
import type { Clock } from "../../src/core/clock";
import type { CoreEvent, TooLate, UserEvent } from "../../src/core/events";
import type { SyncObserver } from "./client";
import { DEFAULT_CATCHUP_HOURS } from "./config";

/** An event handled this long after it happened says sorry for the wait. */
const LATE_AFTER_MS = 5 * 60_000;

/**
 * What an event is to copbot when it arrives: history (from before copbot's first start or
 * its join: ignored), live, late (handled, with a sorry), or missed (too old to handle now).
 */
export type Timing = "history" | "live" | "late" | "missed";

/** What the catch-up needs from the adapter: its ordered queue and the core's entry point. */
export interface CatchUpQueue {
  enqueue(work: () => Promise<void>): void;
  idle(): Promise<void>;
  handle(event: CoreEvent): Promise<void>;
}

/**
 * How the Matrix adapter treats events by their age. The very first start (no stored sync
 * position) ignores what came before it; after a restart the sync goes on where it stopped,
 * so what arrived meanwhile is handled, late, up to `catchUpHours`. Older events are collected
 * during a sync and handed to the core afterwards as one `missed` event (the moderators' summary).
 */
export class CatchUp {
  /** Whether the first sync went on from a stored position; undefined until it starts. */
  private resumed: boolean | undefined;
  private startedAt = 0;
  private missed: TooLate[] = [];
  private readonly maxAgeMs: number;

  constructor(
    private readonly clock: Clock,
    private readonly log: Logger,
    catchUpHours: number = DEFAULT_CATCHUP_HOURS,
  ) {
    this.maxAgeMs = catchUpHours * 3_600_000;
  }

  /** From now on events count (copbot's start). */
  start(): void {
    this.startedAt = this.clock.now().getTime();
  }

  /** See `Timing`; `live` says whether copbot was in the room before the event. */
  timing(live: boolean, originServerTs: number): Timing {
    if (!live) return "history";
    if (originServerTs < this.startedAt && this.resumed !== true) return "history";
    const age = this.clock.now().getTime() - originServerTs;
    if (age > Math.max(this.maxAgeMs, LATE_AFTER_MS)) return "missed";
    return age > LATE_AFTER_MS ? "late" : "live";
  }

  /** Keeps an event too old to handle for the summary after this sync. */
  tooLate(event: UserEvent): void {
    this.missed.push({
      id: event.id,
      channelId: event.channelId,
      at: event.at,
      ...(event.kind === "message" ? { messageId: event.messageId } : {}),
    });
  }

  /** How the adapter follows the sync loop: start or restart, failures, gaps, the summary. */
  observer(queue: CatchUpQueue): SyncObserver {
    return {
      resumed: (fromStoredPosition) => {
        this.resumed = fromStoredPosition;
        this.log.info(
          { resumed: fromStoredPosition },
          fromStoredPosition
            ? "Matrix: catching up on events since the last run"
            : "Matrix: first start, earlier events are history",
        );
      },
      changed: (error) => {
        if (error === undefined) this.log.info("Matrix: connected to the homeserver again");
        else
          this.log.warn(
            { reason: error instanceof Error ? error.message : String(error) },
            "Matrix: the homeserver cannot be reached; copbot keeps trying",
          );
      },
      gaps: (roomIds) => {
        if (!this.resumed) return;
        for (const roomId of roomIds)
          this.log.warn(
            { roomId },
            "Matrix: more events arrived than one sync shows; the oldest were not seen",
          );
      },
      handled: async () => {
        await queue.idle();
        const events = this.missed;
        if (events.length === 0) return;
        this.missed = [];
        queue.enqueue(() =>
          queue.handle({
            kind: "missed",
            id: `matrix:missed:${events[0]?.id ?? ""}`,
            platform: "matrix",
            at: this.clock.now(),
            olderThanMs: this.maxAgeMs,
            events,
          }),
        );
        await queue.idle();
      },
    };
  }
}
