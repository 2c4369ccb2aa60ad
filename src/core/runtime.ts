import cron, { type ScheduledTask } from "node-cron";
import type { Bot } from "./bot";
import type { VirtualClock } from "./clock";

/**
 * Drives time for a bot on the system clock: node-cron ticks every minute (due jobs), and a
 * timer wakes the outbox early when a rate-limited or failed send may be retried.
 */
export class SystemRuntime {
  private task: ScheduledTask | undefined;
  private wake: NodeJS.Timeout | undefined;

  constructor(private readonly bot: Bot) {}

  start(): void {
    this.task = cron.schedule("* * * * *", () => this.tick(), { name: "copbot-tick" });
    void this.tick();
  }

  /** Runs due work now and arms the wake-up timer for the outbox. */
  async tick(): Promise<void> {
    try {
      await this.bot.tick();
    } catch (error) {
      this.bot.services.log.error({ err: error }, "tick failed");
    }
    this.armWake();
  }

  /** Wakes the outbox when its next waiting send may go (after a rate limit or a failure). */
  armWake(): void {
    if (this.wake) clearTimeout(this.wake);
    const next = this.bot.services.outbox.nextAttemptAt();
    if (!next) return;
    const delay = Math.max(0, next.getTime() - Date.now());
    if (delay > 60_000) return;
    this.wake = setTimeout(() => void this.tick(), delay);
    this.wake.unref();
  }

  async stop(): Promise<void> {
    await this.task?.stop();
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
