import type { SlackHarness } from "./slack-harness";
import { blockActions, envelope, slashCommand, type HttpBody } from "./slack-payloads";
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

export const methods = (calls: readonly RecordedCall[]): string[] => calls.map((c) => c.method);
export const textOf = (call: RecordedCall | undefined): string => String(call?.args.text);
export const postedTs = (call: RecordedCall | undefined): string => String(call?.result?.ts);
