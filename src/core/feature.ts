import type {
  ButtonEvent,
  FormSubmitEvent,
  MemberJoinedEvent,
  MessageDeletedEvent,
  MessageEditedEvent,
  MessageEvent,
  ReactionEvent,
  UserEvent,
} from "./events";
import type { HomeLines, HomeSection } from "./home";
import type { Inline, OutgoingMessage, Target } from "./message";
import type { Member } from "./member-repo";
import type { Services } from "./services";
import type { JobHandler } from "./scheduler";
import type { Lang, Translate } from "../i18n";
import type { CommandRegistry } from "./commands/registry";
import type { PrivacyHooks, RetentionRule } from "./privacy";

/** What a handler gets for one inbound user event. */
export interface EventContext<E extends UserEvent = UserEvent> {
  readonly services: Services;
  readonly event: E;
  /** The acting member, created on first contact, with the effective role. */
  readonly actor: Member;
  /** Translator in the actor's language. */
  readonly t: Translate;
  /** How the actor types commands on their platform (`/cop`, `!cop`). */
  readonly prefix: string;
  /** Every command copbot knows (for help and hints). */
  readonly commands: CommandRegistry;
  /**
   * Answers the actor where they acted: ephemerally for commands and buttons on platforms
   * that have it, otherwise in the same thread / room / DM. Goes through the outbox.
   */
  reply(message: OutgoingMessage | string): void;
  /** Posts anywhere through the outbox; `key` makes the post idempotent and updatable. */
  post(target: Target, message: OutgoingMessage, key?: string): void;
}

/**
 * Checks a submitted form's fields before the platform closes it, so a modal can show what to
 * fix next to the field instead of losing everything typed. Pure and fast (the platform waits
 * on it, Slack for at most 3 s): no platform calls, nothing stored. Returns field name ->
 * message in `lang`, or undefined when the form may go on to its handler.
 */
export type FormValidator = (
  values: Readonly<Record<string, string>>,
  ctx: { readonly services: Services; readonly userId: string; readonly lang: Lang },
) => Readonly<Record<string, string>> | undefined;

/**
 * What a message or reaction handler answers: `"handled"` when the event was its own, so the
 * features after it do not see it (a working-group proposal is no question to track).
 */
export type Handled = "handled" | undefined | void;

/**
 * A capability of copbot (questions, meetings, working groups …). The bot composes features:
 * it routes events to them, runs their durable jobs and collects their contributions to the
 * community meeting agenda and the home. Their commands live in `commands/<feature>/` and are
 * added by the composition root (`src/app.ts`).
 */
export interface Feature {
  readonly name: string;
  /**
   * Features with a higher priority see messages and reactions first (default 0); among equals
   * the composition order decides, which also orders the home and the agenda.
   */
  readonly priority?: number;
  /** Button actions this feature owns, by action name (e.g. `qa.solved`). */
  readonly buttons?: Readonly<Record<string, (ctx: EventContext<ButtonEvent>) => Promise<void> | void>>;
  /**
   * What taking a choice back does, by button action (Matrix: redacting the choice reaction).
   * A withdrawn choice of an action not listed here changes nothing.
   */
  readonly withdrawnButtons?: Readonly<
    Record<string, (ctx: EventContext<ButtonEvent>) => Promise<void> | void>
  >;
  /** Forms this feature owns, by form id. */
  readonly forms?: Readonly<Record<string, (ctx: EventContext<FormSubmitEvent>) => Promise<void> | void>>;
  /** Field checks for this feature's forms, by form id, run before the form closes. */
  readonly formValidators?: Readonly<Record<string, FormValidator>>;
  /** Durable jobs this feature owns, by job kind (e.g. `meeting.reminder`). */
  readonly jobs?: Readonly<Record<string, JobHandler>>;
  /** DM dialogs this feature owns, by dialog kind (see `DialogRepo`). */
  readonly dialogs?: Readonly<
    Record<string, (ctx: EventContext<MessageEvent>, state: unknown) => Promise<void> | void>
  >;
  /**
   * Runs once when copbot starts, before the first event: plan the first jobs (the scheduler
   * keeps them across restarts, so use idempotent keys).
   */
  start?(services: Services): Promise<void> | void;
  onMessage?(ctx: EventContext<MessageEvent>): Promise<Handled> | Handled;
  onMessageEdited?(ctx: EventContext<MessageEditedEvent>): Promise<void> | void;
  onMessageDeleted?(ctx: EventContext<MessageDeletedEvent>): Promise<void> | void;
  onReaction?(ctx: EventContext<ReactionEvent>): Promise<Handled> | Handled;
  /** Someone joined a channel; features see it by priority until one says "handled". */
  onMemberJoined?(ctx: EventContext<MemberJoinedEvent>): Promise<Handled> | Handled;
  /** Lines for the community meeting agenda (open questions, running groups …). */
  agenda?(services: Services, lang: Lang): readonly (readonly Inline[])[];
  /** This feature's section of a member's home (Slack App Home), in the member's language. */
  home?(services: Services, memberId: string, lang: Lang): HomeSection | undefined;
  /** Lines for the home's shared "my settings" section, each with the command that changes it. */
  homeSettings?(services: Services, memberId: string, lang: Lang): HomeLines;
  /** What this feature stores about a member, for `/cop privacy export` and `forget`. */
  readonly privacy?: PrivacyHooks;
  /** What this feature keeps only for a while; the daily retention job deletes the rest. */
  readonly retention?: readonly RetentionRule[];
  /**
   * Deletes up to `limit` rows this feature keeps only for a while (older than its retention)
   * and returns how many; called in small batches by the hourly maintenance (see bot.ts).
   */
  prune?(services: Services, limit: number): number;
  /**
   * One slice (a few milliseconds) of upkeep of what this feature stores, such as merging a
   * search index; returns whether there may be more. The hourly maintenance calls it until it
   * returns false, letting events through between slices.
   */
  compact?(services: Services): boolean;
}
