import type { Logger } from "pino";
import type { CommandDef } from "./commands/command";
import { CommandRegistry } from "./commands/registry";
import type { Db } from "../../db/open";
import type { Config } from "../config";
import { translator } from "../i18n";
import type { Clock } from "./clock";
import { coreFeature } from "./core-feature";
import { UserError } from "./errors";
import { EventClaims } from "./event-claims";
import type { CoreEvent, FormSubmitEvent, MessageEvent, MissedEvent, UserEvent } from "./events";
import type { EventContext, Feature, Handled } from "./feature";
import { buildHome } from "./home";
import { pruneInBatches, type Pruner } from "./maintenance";
import { defaultName, type Member } from "./member-repo";
import { textMessage, type OutgoingMessage, type Target } from "./message";
import type { JobHandler } from "./scheduler";
import type { PlatformInfo } from "./platform";
import { lateNote, noteMissed } from "./late";
import { ProcessedEventRepo } from "./processed-event-repo";
import { SerialQueues } from "./serial-queue";
import { createServices, type Services } from "./services";

/** Words that end a DM dialog; `<prefix> cancel` on every platform too. */
const CANCEL_WORDS = ["abbrechen", "cancel", "stop"];
const MAINTENANCE_EVERY_MS = 3_600_000;

/**
 * The core. Every adapter, the scheduler tick and every test enter through `handle()`;
 * the bot routes the event to the features and then drains the outbox.
 */
export class Bot {
  readonly registry: CommandRegistry;
  readonly features: readonly Feature[];
  /** The features in the order they see messages and reactions (see `Feature.priority`). */
  private readonly byPriority: readonly Feature[];
  private started: Promise<void> | undefined;
  private readonly processed: ProcessedEventRepo;
  private readonly claims: EventClaims;
  /** One conversation's events are handled one after another, in the order they were handed in. */
  private readonly conversations: SerialQueues;
  private readonly cancelWords: ReadonlySet<string>;
  /** When old rows are pruned next (the first tick prunes). */
  private nextMaintenance = 0;

  /** `features` includes the core's own (see `createBot`). */
  constructor(
    readonly services: Services,
    features: readonly Feature[],
    commands: readonly CommandDef[] = [],
  ) {
    this.processed = new ProcessedEventRepo(services.db);
    this.claims = new EventClaims(this.processed);
    this.conversations = new SerialQueues((error: unknown) =>
      services.log.error({ err: error }, "handling an event failed"),
    );
    this.cancelWords = new Set([
      ...CANCEL_WORDS,
      ...services.platforms.prefixes().map((prefix) => `${prefix} cancel`),
    ]);
    this.features = features;
    this.byPriority = [...this.features].sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
    this.registry = new CommandRegistry(commands);
    for (const feature of this.features) {
      for (const [kind, handler] of Object.entries(feature.jobs ?? {}))
        services.scheduler.register(kind, reportingBrokenDatabase(services, handler));
    }
    // Admins from COPBOT_ADMINS are derived at run time (roleOf), never stored: removing
    // someone from the variable takes the role away at the next start.
    for (const id of services.config.admins) services.members.ensure(id);
  }

  /**
   * Runs every feature's `start` hook once, in feature order; later calls wait for the first.
   * `handle` and `tick` call it, so the hooks run before the first event on every platform.
   */
  start(): Promise<void> {
    // What the hooks queue is delivered before the first event's answers (bulk goes on later).
    this.started ??= this.services.outbox.deliverFrom(async () => {
      for (const feature of this.features) {
        try {
          await feature.start?.(this.services);
        } catch (error) {
          // One feature failing to plan must not keep the others (or every event) from running.
          this.services.log.error({ err: error, feature: feature.name }, "starting a feature failed");
        }
      }
    });
    return this.started;
  }

  /**
   * The single entry point for every inbound event. Never throws on user input. Returns once
   * the event's answers are delivered (or waiting for the platform); it never waits for other
   * conversations or for bulk fan-out. One conversation's events are handled in the order they
   * were handed in, so an adapter may hand in the next before the last is handled.
   */
  async handle(event: CoreEvent): Promise<void> {
    if (event.kind === "timer" || event.kind === "missed") {
      await this.start();
      if (event.kind === "timer") await this.tick();
      else await this.handleMissed(event);
      return;
    }
    // Claimed before anything is awaited, so the events handed in during one turn of the event
    // loop share one commit (see EventClaims); the conversation's queue keeps their order.
    const first = this.claims.claim(event.id, this.services.clock.now());
    // A failed claim is handled where it is awaited; until then it must not count as unhandled.
    first.catch(() => undefined);
    // Only the handling is one after another per conversation; its answers are waited for
    // outside the queue, so the next event is not held up by a delivery (their order is the
    // outbox lane's).
    const queued = await this.conversations.run(event.channelId, () => this.handleUserEvent(event, first));
    if (queued !== undefined) await this.services.outbox.settle(queued);
  }

  private async handleMissed(event: MissedEvent): Promise<void> {
    await this.services.outbox.deliverFrom(async () => {
      this.claims.flush();
      // Each missed event counts once, and not at all when it was handled before (a replay).
      const missed = event.events.filter((e) => this.firstSeen(e.id));
      if (missed.length > 0) await noteMissed(this.services, event.olderThanMs, missed);
    });
  }

  /** Handles a member's event; returns the answers it queued that the member waits for. */
  private async handleUserEvent(event: UserEvent, first: Promise<boolean>): Promise<readonly number[]> {
    await this.start();
    const { ids } = await this.services.outbox.queuedBy(
      async () => {
        let ctx: EventContext | undefined;
        try {
          if (!(await first)) return;
          this.services.counters.events.add({ platform: event.platform, kind: event.kind });
          ctx = await this.context(event);
          await this.route(ctx);
        } catch (error) {
          // A broken database ends the process (see Health); an answer could not be stored anyway.
          if (this.services.health.fatal(error)) return;
          try {
            this.fail(ctx, event, error);
          } catch (failed) {
            // The database may break while saying so (a full disk rolls the transaction back first).
            if (!this.services.health.fatal(failed)) throw failed;
          }
        }
      },
      event.late ? { firstAnswer: lateNote(this.services, event) } : {},
    );
    return ids;
  }

  /**
   * A member's home (Slack App Home): my open questions, my groups, next meetings and my
   * settings, in the member's language. Read-only.
   */
  async home(userId: string): Promise<OutgoingMessage> {
    return buildHome(this.services, this.features, userId);
  }

  /**
   * Checks a submitted form with its feature's validator before the platform closes it (see
   * `FormValidator`). Field name -> message, or undefined when the form may be handled.
   * Never throws: a failing validator lets the submission through to its handler.
   */
  async validateForm(event: FormSubmitEvent): Promise<Readonly<Record<string, string>> | undefined> {
    const validate = this.features.find((f) => f.formValidators?.[event.formId])?.formValidators?.[
      event.formId
    ];
    if (!validate) return undefined;
    try {
      const lang = this.services.langOf(this.services.members.get(event.userId));
      const errors = validate(event.values, { services: this.services, userId: event.userId, lang });
      return errors === undefined || Object.keys(errors).length === 0 ? undefined : errors;
    } catch (error) {
      this.services.log.error({ err: error, event: event.id }, "validating a form failed");
      return undefined;
    }
  }

  /**
   * When the next tick runs the hourly maintenance (pruning, compaction; see `maintain`), in
   * milliseconds since the epoch: a tick at or after it does (the benchmark times those apart).
   */
  get maintenanceDueAt(): number {
    return this.nextMaintenance;
  }

  /** Runs due jobs, then delivers everything the outbox can deliver now (tests, console, virtual clock). */
  async tick(): Promise<void> {
    await this.runDue();
    await this.services.outbox.drain();
  }

  /**
   * Runs due jobs, prunes old bookkeeping and starts delivering, without waiting for the
   * delivery (the system clock's tick: a fan-out must not hold the next tick).
   */
  async runDue(): Promise<void> {
    // A tick that fires while copbot closes its database has nothing left to do.
    if (!this.services.db.open) return;
    await this.start();
    const { scheduler, outbox, health, log } = this.services;
    try {
      await scheduler.runDue(this.services);
      await this.maintain();
    } catch (error) {
      if (!this.services.db.open) return;
      if (!health.fatal(error)) log.error({ err: error }, "running due jobs failed");
    }
    outbox.kick();
  }

  /**
   * Deletes what copbot keeps only for a while — delivered outbox items, finished jobs and what
   * features name (the schedule ledger) — after its configured retention, and lets features
   * compact what they store (the knowledge search index), once an hour (an idle tick stays a
   * single query), in batches that let events through.
   */
  private async maintain(): Promise<void> {
    const { clock, config, scheduler, outbox } = this.services;
    const now = clock.now().getTime();
    if (now < this.nextMaintenance) return;
    this.nextMaintenance = now + MAINTENANCE_EVERY_MS;
    const jobsBefore = new Date(now - config.retention.jobsDays * 86_400_000);
    const pruners: Pruner[] = [
      (limit) => outbox.prune(config.retention.outboxDays * 86_400_000, limit),
      (limit) => scheduler.pruneFinished(jobsBefore, limit),
    ];
    for (const feature of this.features) {
      const prune = feature.prune;
      if (prune) pruners.push((limit) => prune(this.services, limit));
      const compact = feature.compact;
      // A slice with more to do counts as a full batch, so the batches go on.
      if (compact) pruners.push((limit) => (compact(this.services) ? limit : 0));
    }
    await pruneInBatches(pruners);
  }

  private firstSeen(eventId: string): boolean {
    return this.processed.firstSeen(eventId, this.services.clock.now());
  }

  private async context<E extends UserEvent>(event: E): Promise<EventContext<E>> {
    const { members, outbox } = this.services;
    let member: Member = members.ensure(event.userId, event.userName);
    if (
      event.userName &&
      member.displayName === defaultName(member.id) &&
      event.userName !== member.displayName
    ) {
      member = members.update(member.id, { displayName: event.userName }) ?? member;
    }
    const actor: Member = { ...member, role: await this.services.roleOf(member.id, event.channelId, member) };
    const target = replyTarget(event);
    const prefix = this.services.platforms.prefix(event.platform);
    const ctx: EventContext<E> = {
      services: this.services,
      event,
      actor,
      t: translator(this.services.langOf(actor), prefix),
      prefix,
      commands: this.registry,
      reply: (message: OutgoingMessage | string) => {
        outbox.enqueue(target, typeof message === "string" ? textMessage(message) : message);
      },
      post: (to: Target, message: OutgoingMessage, key?: string) => {
        outbox.enqueue(to, message, key === undefined ? {} : { key });
      },
    };
    return ctx;
  }

  private async route(ctx: EventContext): Promise<void> {
    const event = ctx.event;
    switch (event.kind) {
      case "command":
        return this.registry.dispatch(ctx as EventContext<typeof event>);
      case "message":
        return this.onMessage(ctx as EventContext<MessageEvent>);
      case "button": {
        if (event.withdrawn) {
          const undo = this.features.find((f) => f.withdrawnButtons?.[event.action]);
          return undo?.withdrawnButtons?.[event.action]?.(ctx as EventContext<typeof event>);
        }
        const handler = this.features.find((f) => f.buttons?.[event.action])?.buttons?.[event.action];
        if (!handler) return ctx.reply(ctx.t("core.err.unknown_action"));
        return handler(ctx as EventContext<typeof event>);
      }
      case "form_submit": {
        const handler = this.features.find((f) => f.forms?.[event.formId])?.forms?.[event.formId];
        if (!handler) return ctx.reply(ctx.t("core.err.unknown_action"));
        return handler(ctx as EventContext<typeof event>);
      }
      case "reaction":
        await this.untilHandled((f) => f.onReaction?.(ctx as EventContext<typeof event>));
        return;
      case "message_edited":
        return this.each((f) => f.onMessageEdited?.(ctx as EventContext<typeof event>));
      case "message_deleted":
        return this.each((f) => f.onMessageDeleted?.(ctx as EventContext<typeof event>));
      case "member_joined":
        // A working group's room is the group's business: the community welcome is not for it.
        await this.untilHandled((f) => f.onMemberJoined?.(ctx as EventContext<typeof event>));
        return;
    }
  }

  /**
   * A DM inside an active dialog goes to its owner only; everything else to the features by
   * priority until one has handled it.
   */
  private async onMessage(ctx: EventContext<MessageEvent>): Promise<void> {
    const { event, services } = ctx;
    const dialog = event.isDm ? services.dialogs.get(event.userId) : undefined;
    if (dialog) {
      if (this.cancelWords.has(event.text.trim().toLowerCase())) {
        services.dialogs.clear(event.userId);
        ctx.reply(ctx.t("core.dialog.cancelled"));
        return;
      }
      const handler = this.features.find((f) => f.name === dialog.owner)?.dialogs?.[dialog.kind];
      if (handler) return handler(ctx, dialog.state);
      services.dialogs.clear(event.userId);
    }
    const handled = await this.untilHandled((f) => f.onMessage?.(ctx));
    // A DM nobody handled must not vanish in silence.
    if (event.isDm && !handled) {
      ctx.reply(ctx.t("core.dm.hint"));
    }
  }

  // Most features have no handler for an event: only a promise is waited for (not a promise
  // made for every feature).
  private async each(run: (feature: Feature) => Promise<void> | void): Promise<void> {
    for (const feature of this.features) {
      const running = run(feature);
      if (running instanceof Promise) await running;
    }
  }

  /** Offers an event to the features by priority; true when one of them handled it. */
  private async untilHandled(run: (feature: Feature) => Promise<Handled> | Handled): Promise<boolean> {
    for (const feature of this.byPriority) {
      const offered = run(feature);
      if ((offered instanceof Promise ? await offered : offered) === "handled") return true;
    }
    return false;
  }

  private fail(ctx: EventContext | undefined, event: UserEvent, error: unknown): void {
    const t = ctx?.t ?? translator(this.services.config.lang, this.services.platforms.prefix(event.platform));
    const reply = (text: string) =>
      ctx ? ctx.reply(text) : this.services.outbox.enqueue(replyTarget(event), textMessage(text));
    if (error instanceof UserError) {
      reply(t(error.key, error.params));
      return;
    }
    this.services.log.error({ err: error, event: event.id, kind: event.kind }, "handling an event failed");
    reply(t("core.err.internal"));
  }
}

/** A job handler whose broken-database errors stop the process (the scheduler would only retry them). */
function reportingBrokenDatabase(services: Services, handler: JobHandler): JobHandler {
  const report = (error: unknown): never => {
    services.health.fatal(error);
    throw error;
  };
  return (job, ctx) => {
    try {
      const result = handler(job, ctx);
      return result instanceof Promise ? result.catch(report) : result;
    } catch (error) {
      return report(error);
    }
  };
}

/** Where an answer to this event goes: privately for commands and clicks, in the thread for messages. */
export function replyTarget(event: UserEvent): Target {
  if (event.isDm || event.kind === "form_submit") return { kind: "dm", userId: event.userId };
  if (event.kind === "message") {
    return { kind: "channel", channelId: event.channelId, threadId: event.threadId ?? event.messageId };
  }
  const threadId = "threadId" in event ? event.threadId : undefined;
  const replyToken = "replyToken" in event ? event.replyToken : undefined;
  return {
    kind: "ephemeral",
    channelId: event.channelId,
    userId: event.userId,
    ...(threadId ? { threadId } : {}),
    ...(replyToken ? { replyToken } : {}),
  };
}

/** Builds services and the bot around one database and clock. */
export function createBot(opts: {
  db: Db;
  clock: Clock;
  config: Config;
  log: Logger;
  features: readonly Feature[];
  /** The `/cop` subcommands (from `commands/`); none in tests that only route events. */
  commands?: readonly CommandDef[];
  /** The platforms copbot knows, for their command prefixes; none: the default prefix everywhere. */
  platforms?: readonly PlatformInfo[];
}): Bot {
  const features = [coreFeature(), ...opts.features];
  const services = createServices({ ...opts, features });
  return new Bot(services, features, opts.commands);
}
