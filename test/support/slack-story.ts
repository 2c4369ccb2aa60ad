import { startSlackCopbot, type SlackCopbot, type SlackHarness } from "./slack-harness";
import {
  blockActions,
  envelope,
  eventCallback,
  slashCommand,
  viewSubmission,
  type HttpBody,
} from "./slack-payloads";
import type { RecordedCall } from "./slack-web-api";

/**
 * Drives a Slack story over one transport (signed HTTP requests or Socket Mode envelopes)
 * and hands out the Web API calls since the last look, so each step asserts exactly its own.
 */
export class SlackStory {
  private mark: number;
  private n = 0;

  constructor(
    readonly slack: SlackHarness,
    readonly mode: "http" | "socket",
  ) {
    // Socket Mode has already called apps.connections.open; the story starts after that.
    this.mark = slack.api.calls.length;
  }

  /** Delivers one Slack request the way this transport does, and waits until it is handled. */
  send(body: HttpBody): Promise<void> {
    return this.mode === "http" ? this.slack.act(body) : this.slack.actViaSocket(envelope(body));
  }

  /** Delivers a request that reaches no core event (the App Home): only its acknowledgement is awaited. */
  async deliver(body: HttpBody): Promise<void> {
    if (this.mode === "socket") {
      await this.slack.api.sendEnvelope(envelope(body));
      return;
    }
    const res = await this.slack.post(body);
    if (res.status !== 200) throw new Error(`Slack request answered ${res.status}`);
  }

  command(user: string, channel: string, text: string): Promise<void> {
    const response_url = this.slack.api.responseUrl(`c${++this.n}`);
    return this.send(slashCommand({ text, user_id: user, channel_id: channel, response_url }));
  }

  /** Delivers one Events API event (a message, a reaction …) wrapped as Slack sends it. */
  event(event: Record<string, unknown>): Promise<void> {
    return this.send(eventCallback(event));
  }

  /** Runs a command that opens a modal and returns the modal's view (the calls are looked at). */
  async openedView(user: string, channel: string, text: string): Promise<Record<string, unknown>> {
    await this.command(user, channel, text);
    const open = this.since().find((c) => c.method === "views.open");
    return open?.args.view as Record<string, unknown>;
  }

  /** Submits `values` typed into an opened modal `view`, as `user`. */
  submitView(user: string, view: Record<string, unknown>, values: Record<string, string>): Promise<void> {
    return this.send(viewSubmission({ user, view, values }));
  }

  click(user: string, channel: string, messageTs: string, actionId: string, value: string): Promise<void> {
    const response_url = this.slack.api.responseUrl(`b${++this.n}`);
    return this.send(blockActions({ user, channel, messageTs, actionId, value, response_url }));
  }

  /** The Web API calls since the last look. */
  since(): RecordedCall[] {
    const calls = this.slack.api.calls.slice(this.mark);
    this.mark = this.slack.api.calls.length;
    return calls;
  }
}

/** The two ways Slack reaches copbot, for `describe.each`: signed HTTP requests and Socket Mode. */
export const TRANSPORTS = [
  ["signed HTTP requests", "http"],
  ["Socket Mode envelopes", "socket"],
] as const;

/** Starts copbot behind Slack over `mode` with a story that begins once the connection is open. */
export async function startSlackStory(
  mode: "http" | "socket",
): Promise<{ copbot: SlackCopbot; story: SlackStory }> {
  const copbot = await startSlackCopbot(mode);
  return { copbot, story: new SlackStory(copbot.slack, mode) };
}

export const methods = (calls: readonly RecordedCall[]): string[] => calls.map((c) => c.method);
export const textOf = (call: RecordedCall | undefined): string => String(call?.args.text);
export const postedTs = (call: RecordedCall | undefined): string => String(call?.result?.ts);
