import cron, { type ScheduledTask } from "node-cron";
import type { Bot } from "./bot";
import type { VirtualClock } from "./clock";

/** Longer waits are left to the next minute tick. */
const MAX_WAKE_MS = 60_000;

/**
 * Drives time for a bot on the system clock: node-cron ticks every minute (due jobs), and a
 * timer wakes the outbox when a held or backed-off item may be tried again. Neither keeps
 * the process alive on its own.
 */
export class SystemRuntime {
  private task: ScheduledTask | undefined;
  private wake: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly bot: Bot) {
    bot.services.outbox.onWake((at) => this.armWake(at));
  }

  start(): void {
    this.task = cron.schedule("* * * * *", () => this.tick(), { name: "copbot-tick" });
    void this.tick();
  }

  /** Runs due jobs and starts their delivery (errors are reported by the bot). */
  tick(): Promise<void> {
    return this.bot.runDue();
  }

  /** Wakes the outbox at `at` (a retry after a rate limit or a failure). */
  private armWake(at: Date | undefined): void {
    if (this.wake) clearTimeout(this.wake);
    this.wake = undefined;
    if (!at || this.stopped) return;
    const delay = Math.max(0, at.getTime() - Date.now());
    if (delay > MAX_WAKE_MS) return;
    this.wake = setTimeout(() => this.bot.services.outbox.kick(), delay);
    this.wake.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.task?.stop();
    await this.task?.destroy();
    if (this.wake) clearTimeout(this.wake);
  }
}

/**
 * Moves a virtual clock forward, stopping at every moment something is due (jobs and
 * delayed sends) so that everything fires in order and at its own time.
 */
export async function advanceVirtualClock(
  bot: Bot,
  clock: VirtualClock,
  to: Date,
  onStep?: (at: Date) => void,
): Promise<void> {
  const { scheduler, outbox } = bot.services;
  for (;;) {
    const candidates = [scheduler.nextDueAt(), outbox.nextAttemptAt()].filter(
      (d): d is Date => d !== undefined && d.getTime() <= to.getTime(),
    );
    const next = candidates.sort((a, b) => a.getTime() - b.getTime())[0];
    if (!next) break;
    if (next.getTime() > clock.now().getTime()) onStep?.(next);
    clock.set(next);
    const before = clock.now().getTime();
    await bot.tick();
    // Something due at or before `before` that did not run (e.g. a failing send backing off to
    // the same instant) must not spin forever: step one millisecond.
    const stuck = [scheduler.nextDueAt(), outbox.nextAttemptAt()].some(
      (d) => d !== undefined && d.getTime() <= before,
    );
    if (stuck) clock.set(new Date(before + 1));
  }
  if (to.getTime() > clock.now().getTime()) onStep?.(to);
  clock.set(to);
  await bot.tick();
}
