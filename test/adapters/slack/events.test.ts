import type { CoreEvent } from "../../../src/core/events";
import { harnessForEachTest, type SlackHarness } from "../../support/slack-harness";
import {
  eventCallback,
  memberJoinedEvent,
  messageEvent,
  reactionAddedEvent,
} from "../../support/slack-payloads";

/** Events API payloads (as Slack signs and sends them) and the CoreEvents they become. */
describe("Slack events reaching the core", () => {
  let slack: SlackHarness;
  harnessForEachTest("http", (h) => (slack = h));

  /** Sends one Events API event, signed as Slack does. */
  const post = (event: Record<string, unknown>) => slack.post(eventCallback(event));

  /** The events that reached the core once `count` have, after proving that no more follow. */
  async function settledEvents(count: number): Promise<CoreEvent[]> {
    const events = await slack.waitForEvents(count);
    await slack.settle();
    expect(events).toHaveLength(count);
    return events;
  }

  it("ignores its own messages, other bots and irrelevant subtypes, but passes thread replies and DMs", async () => {
    const ignored = [
      messageEvent({ channel: "C0FRAGEN", user: "UCOPBOT", text: "mine", ts: "1764000001.000001" }),
      messageEvent({
        channel: "C0FRAGEN",
        user: "U0OTHERBOT",
        bot_id: "B0OTHER",
        text: "bot",
        ts: "1764000001.000002",
      }),
      {
        ...messageEvent({ channel: "C0FRAGEN", user: "U0X", text: "x", ts: "1764000001.000003" }),
        subtype: "bot_message",
      },
      {
        ...messageEvent({ channel: "C0FRAGEN", user: "U0BEN", text: "joined", ts: "1764000001.000004" }),
        subtype: "channel_join",
      },
    ];
    for (const e of ignored) await post(e);
    await post(
      messageEvent({
        channel: "C0FRAGEN",
        user: "U0BEN",
        text: "Antwort",
        ts: "1764000002.000001",
        thread_ts: "1764000000.000200",
      }),
    );
    await post(messageEvent({ channel: "D0ANNA", user: "U0ANNA", text: "privat", ts: "1764000003.000001" }));
    const events = await settledEvents(2);
    expect(events[0]).toMatchObject({
      kind: "message",
      threadId: "1764000000.000200",
      text: "Antwort",
      isDm: false,
    });
    expect(events[1]).toMatchObject({
      kind: "message",
      channelId: "slack:D0ANNA",
      isDm: true,
      mentionsBot: false,
    });
  });

  it("translates edits and deletions of a person's message, and skips unfurl-only changes", async () => {
    const original = { type: "message", user: "U0ANNA", text: "Alt", ts: "1764000000.000300" };
    const changed = (text: string) => ({
      type: "message",
      subtype: "message_changed",
      channel: "C0FRAGEN",
      channel_type: "channel",
      hidden: true,
      ts: "1764000010.000001",
      event_ts: "1764000010.000001",
      message: { ...original, text, edited: { user: "U0ANNA", ts: "1764000010.000000" } },
      previous_message: original,
    });
    await post(changed("Alt"));
    await post(changed("Neu & besser"));
    await post({
      type: "message",
      subtype: "message_deleted",
      channel: "C0FRAGEN",
      channel_type: "channel",
      hidden: true,
      deleted_ts: "1764000000.000300",
      ts: "1764000020.000001",
      event_ts: "1764000020.000001",
      previous_message: original,
    });
    const events = await settledEvents(2);
    expect(events[0]).toMatchObject({
      kind: "message_edited",
      messageId: "1764000000.000300",
      userId: "slack:U0ANNA",
      text: "Neu & besser",
    });
    expect(events[1]).toMatchObject({
      kind: "message_deleted",
      messageId: "1764000000.000300",
      userId: "slack:U0ANNA",
    });
  });

  it("translates reactions (skin tones dropped) and members joining; the bot's own join is ignored", async () => {
    await post(
      reactionAddedEvent({
        user: "U0ANNA",
        reaction: "white_check_mark",
        channel: "C0FRAGEN",
        ts: "1764000000.000200",
      }),
    );
    await post(
      reactionAddedEvent({
        user: "U0BEN",
        reaction: "+1::skin-tone-3",
        channel: "C0FRAGEN",
        ts: "1764000000.000200",
      }),
    );
    await post(memberJoinedEvent({ user: "UCOPBOT", channel: "C0FRAGEN" }));
    await post(memberJoinedEvent({ user: "U0NEU", channel: "C0FRAGEN" }));
    const events = await settledEvents(3);
    expect(
      events.map((e: CoreEvent) => [
        e.kind,
        "emoji" in e ? e.emoji : undefined,
        "userId" in e ? e.userId : undefined,
      ]),
    ).toEqual([
      ["reaction", "white_check_mark", "slack:U0ANNA"],
      ["reaction", "+1", "slack:U0BEN"],
      ["member_joined", undefined, "slack:U0NEU"],
    ]);
    expect(events[0]).toMatchObject({ messageId: "1764000000.000200", channelId: "slack:C0FRAGEN" });
  });
});
