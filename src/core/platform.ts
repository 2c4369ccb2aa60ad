import type { Logger } from "pino";
import { DEFAULT_PREFIX, type Lang } from "../i18n";
import type { Clock } from "./clock";
import { splitId, type Platform } from "./ids";
import type { OutgoingMessage } from "./message";
import type { Adapter } from "./port";

/** What the core may know of a platform: its name and how its users type commands. */
export interface PlatformInfo<P extends Platform = Platform> {
  /** The prefix of its ids (`slack` in `slack:U123`). */
  readonly platform: P;
  /** How users type copbot's commands there (`/cop`; Element reserves `/`, so `!cop` on Matrix). */
  readonly commandPrefix: string;
}

/** What an adapter gets from the composition root when it is created. */
export interface AdapterContext {
  readonly clock: Clock;
  readonly log: Logger;
  /** The community language, for what the adapter says on its own (notes, room topics). */
  readonly lang: Lang;
  /** copbot's data directory, for state a platform keeps (e.g. a sync token). */
  readonly dataDir: string;
  /** How long any call to the platform may take before it counts as failed (and is retried). */
  readonly timeoutMs: number;
  /** A member's home (Slack App Home), in their language. */
  home(userId: string): Promise<OutgoingMessage>;
}

/**
 * One chat platform as a plug-in. `adapters/<platform>/index.ts` exports one descriptor; the
 * composition root (`src/app.ts`) lists them. Adding a platform needs no edit under `src/core/`.
 */
export interface PlatformDescriptor<C, P extends Platform = Platform> extends PlatformInfo<P> {
  /**
   * The platform's settings from the environment (validated with zod), or undefined when it is
   * not configured. Throws a one-line `ConfigError` naming the variable on a bad value.
   */
  configFromEnv(env: NodeJS.ProcessEnv): C | undefined;
  /** Connects the platform. The SDK is loaded here, so building the app never loads it. */
  create(config: C, ctx: AdapterContext): Promise<Adapter>;
  /** The adapter's own texts, German and English with the same keys (a test checks them). */
  readonly messages: Readonly<Record<Lang, Readonly<Record<string, string>>>>;
}

/** The known platforms by name: command prefixes for replies, hints and help. */
export class Platforms {
  private readonly byName: ReadonlyMap<Platform, PlatformInfo>;

  constructor(platforms: readonly PlatformInfo[] = []) {
    this.byName = new Map(platforms.map((p) => [p.platform, p]));
  }

  /** The command prefix on `platform` (the default for an unknown one). */
  prefix(platform: Platform | undefined): string {
    return (platform === undefined ? undefined : this.byName.get(platform)?.commandPrefix) ?? DEFAULT_PREFIX;
  }

  /** The command prefix where the copbot id (a member or a channel) lives. */
  prefixOf(id: string): string {
    return this.prefix(splitId(id)?.platform);
  }

  /** Every prefix in use, the default first. */
  prefixes(): string[] {
    return [...new Set([DEFAULT_PREFIX, ...[...this.byName.values()].map((p) => p.commandPrefix)])];
  }
}
