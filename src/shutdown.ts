import type { Logger } from "pino";
import type { DatabaseError } from "./core/errors";
import type { Health } from "./core/health";

/** Why copbot stops: a signal (exit 0) or a broken database (exit 2, with its line). */
export type StopReason =
  { readonly kind: "signal" } | { readonly kind: "fatal"; readonly error: DatabaseError };

/** The whole stop may take this long; then the process exits whatever still runs. */
export const STOP_DEADLINE_MS = 9_000;

/**
 * What ends a running copbot: SIGINT/SIGTERM or the first broken-database error. `reason`
 * resolves once; `onStop` listeners hear of it at once (the console closes its input).
 */
export class StopSignal {
  readonly reason: Promise<StopReason>;
  private resolve: (reason: StopReason) => void = () => {};
  private readonly listeners: ((reason: StopReason) => void)[] = [];
  private readonly onSignal = (): void => this.stop({ kind: "signal" });
  private stopped: StopReason | undefined;

  constructor(health: Health) {
    this.reason = new Promise((resolve) => {
      this.resolve = resolve;
    });
    process.once("SIGINT", this.onSignal);
    process.once("SIGTERM", this.onSignal);
    health.onFatal((error) => this.stop({ kind: "fatal", error }));
  }

  onStop(listener: (reason: StopReason) => void): void {
    this.listeners.push(listener);
    if (this.stopped) listener(this.stopped);
  }

  /** The reason, once copbot was asked to stop. */
  get current(): StopReason | undefined {
    return this.stopped;
  }

  private stop(reason: StopReason): void {
    if (this.stopped) return;
    this.stopped = reason;
    this.resolve(reason);
    for (const listener of this.listeners) listener(reason);
  }

  dispose(): void {
    process.off("SIGINT", this.onSignal);
    process.off("SIGTERM", this.onSignal);
  }
}

/**
 * Makes sure the process ends within the deadline, whatever still holds the event loop (a
 * call that does not answer, a socket that does not close). The timer does not keep the
 * process alive itself: when everything closed cleanly, the process ends before it fires.
 */
export function exitWithin(ms: number, code: () => number, log: Logger): void {
  setTimeout(() => {
    log.warn("stopping took too long; exiting now");
    process.exit(code());
  }, ms).unref();
}

/** Resolves with `work`'s result, or with undefined after `ms`. */
export async function within<T>(ms: number, work: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
