import type { webApi } from "@slack/bolt";
import { PlatformError, RateLimitedError } from "../../src/core/errors";
import { slackErrorCode, toPlatformError } from "./errors";
import { channelName } from "./names";

/** A step is tried this often when Slack answers 429, waiting its `Retry-After` in between … */
const MAX_TRIES = 3;
/** … but never longer than this in all: a longer wait belongs to the outbox's retry. */
const MAX_WAIT_MS = 30_000;
const MAX_SUFFIX = 20;
const TOPIC_MAX = 250;

/** Waits `ms` milliseconds (injected, so tests need no real waiting). */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one Web API step, retrying a 429 after its `Retry-After` (bounded by tries and total
 * wait), so a short rate limit does not fail a whole multi-step operation.
 */
export async function withRateLimitRetry<T>(sleep: Sleep, run: () => Promise<T>): Promise<T> {
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const limited = error instanceof RateLimitedError ? error : undefined;
      if (!limited || attempt >= MAX_TRIES || waited + limited.retryAfterMs > MAX_WAIT_MS) throw error;
      waited += limited.retryAfterMs;
      await sleep(limited.retryAfterMs);
    }
  }
}

/**
 * Creates working-group channels idempotently per name: a retry after a failed topic or
 * invite (or after a restart) reuses the channel copbot already created instead of leaving
 * an orphan and creating `name-2`.
 */
export class PrivateSpaces {
  /** Channel ids by requested name, for retries within this process. */
  private readonly byName = new Map<string, string>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly botUserId: () => Promise<string>,
    private readonly sleep: Sleep,
  ) {}

  /** The channel for `title` (created, or found again), with its topic set. Returns the raw id. */
  async ensure(title: string, topic: string): Promise<string> {
    const base = channelName(title);
    const id = this.byName.get(base) ?? (await this.create(base));
    this.byName.set(base, id);
    if (topic.trim() !== "") {
      await this.step("conversations.setTopic", () =>
        this.client.conversations.setTopic({ channel: id, topic: topic.slice(0, TOPIC_MAX) }),
      );
    }
    return id;
  }

  /** One Web API call with bounded 429 retries, failures as copbot's platform errors. */
  step<T>(method: string, run: () => Promise<T>): Promise<T> {
    return withRateLimitRetry(this.sleep, async () => {
      try {
        return await run();
      } catch (error) {
        throw toPlatformError(error, method);
      }
    });
  }

  /** A taken name is ours when copbot created it earlier; else it gets a numbered suffix, as a person would do. */
  private async create(base: string): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      const name = attempt === 1 ? base : `${base.slice(0, 76)}-${attempt}`;
      try {
        const result = await this.step("conversations.create", () =>
          this.client.conversations.create({ name, is_private: true }),
        );
        const id = result.channel?.id;
        if (id === undefined) throw new PlatformError("slack conversations.create returned no id", false);
        return id;
      } catch (error) {
        const taken = error instanceof PlatformError && slackErrorCode(error.cause) === "name_taken";
        if (!taken || attempt >= MAX_SUFFIX) throw error;
        const ours = await this.ownChannel(name);
        if (ours !== undefined) return ours;
      }
    }
  }

  /** The bot's own unarchived private channel of exactly this name, if there is one. */
  private async ownChannel(name: string): Promise<string | undefined> {
    const self = await this.botUserId();
    return this.step("conversations.list", async () => {
      for await (const page of this.client.paginate("conversations.list", {
        types: "private_channel",
        exclude_archived: true,
        limit: 1000,
      }) as AsyncIterable<webApi.ConversationsListResponse>) {
        const found = page.channels?.find((c) => c.name === name && c.creator === self);
        if (found?.id !== undefined) return found.id;
      }
      return undefined;
    });
  }
}
