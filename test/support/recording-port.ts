import { PlatformError } from "../../src/core/errors";
import type { Platform } from "../../src/core/ids";
import type { OutgoingMessage, PostedRef, Target } from "../../src/core/message";
import type { ChatPort, Delivery, FormSpec, UserInfo } from "../../src/core/port";
import type { Role } from "../../src/core/roles";

export type Call =
  | { op: "post"; target: Target; message: OutgoingMessage; delivery?: Delivery }
  | { op: "update"; ref: PostedRef; message: OutgoingMessage }
  | { op: "pin"; ref: PostedRef };

/** What a test decides for one post: an error to throw, "hang" (never settles), or undefined (deliver). */
export type PostDecision = (target: Target, delivery: Delivery | undefined) => Error | "hang" | undefined;

/**
 * A ChatPort for core unit tests: records every call and can be told to fail the next calls
 * (an error per call, in order), to check retries and rate limits.
 */
export class RecordingPort implements ChatPort {
  readonly calls: Call[] = [];
  /** People removed from spaces, in order (kept apart from `calls`, which are message calls). */
  readonly removed: { channelId: string; userId: string }[] = [];
  /** Outcome of the next calls, in order: an error to throw, or null for success. */
  readonly failures: (Error | null)[] = [];
  /** Decides per post, after `failures` (e.g. one conversation rate limited, one hanging). */
  decide: PostDecision = () => undefined;
  /** Posts that were attempted, delivered or not, in order. */
  readonly attempts: { target: Target; delivery?: Delivery }[] = [];
  private counter = 0;

  constructor(readonly platform: Platform = "console") {}

  private maybeFail(): void {
    const error = this.failures.shift();
    if (error) throw error;
  }

  async post(target: Target, message: OutgoingMessage, delivery?: Delivery): Promise<PostedRef> {
    this.attempts.push({ target, ...(delivery ? { delivery } : {}) });
    this.maybeFail();
    const decided = this.decide(target, delivery);
    if (decided === "hang") return new Promise<PostedRef>(() => {});
    if (decided) throw decided;
    this.calls.push({ op: "post", target, message, ...(delivery ? { delivery } : {}) });
    const channelId = target.kind === "dm" ? `${this.platform}:dm` : target.channelId;
    return { channelId, messageId: `p${++this.counter}` };
  }

  async update(ref: PostedRef, message: OutgoingMessage): Promise<void> {
    this.maybeFail();
    this.calls.push({ op: "update", ref, message });
  }

  async pin(ref: PostedRef): Promise<void> {
    this.maybeFail();
    this.calls.push({ op: "pin", ref });
  }

  async createPrivateSpace(): Promise<string> {
    throw new PlatformError("not supported in this test", false);
  }
  async invite(): Promise<void> {}
  async removeFromSpace(channelId: string, userId: string): Promise<void> {
    this.maybeFail();
    this.removed.push({ channelId, userId });
  }
  async archiveSpace(): Promise<void> {}
  async resolveChannel(ref: string): Promise<string | undefined> {
    return `${this.platform}:${ref.replace(/^#/, "")}`;
  }
  async resolveUser(ref: string): Promise<string | undefined> {
    return `${this.platform}:${ref.replace(/^@/, "")}`;
  }
  async userInfo(): Promise<UserInfo | undefined> {
    return undefined;
  }
  async platformRole(): Promise<Role | undefined> {
    return undefined;
  }
  async openForm(_t: string | undefined, _u: string, _f: FormSpec): Promise<boolean> {
    return false;
  }
  async permalink(): Promise<string | undefined> {
    return undefined;
  }
}
