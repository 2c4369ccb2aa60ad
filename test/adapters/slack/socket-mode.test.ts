import { textMessage } from "../../../src/core/message";
import { harnessForEachTest, type SlackHarness } from "../../support/slack-harness";
import {
  blockActions,
  envelope,
  eventCallback,
  messageEvent,
  slashCommand,
} from "../../support/slack-payloads";

describe("Slack adapter in Socket Mode (local WebSocket stand-in)", () => {
  let slack: SlackHarness;
  harnessForEachTest("socket", (h) => (slack = h));

  it("connects with the app token through apps.connections.open", () => {
    const [open] = slack.api.callsOf("apps.connections.open");
    expect(open?.token).toBe("xapp-test-token");
    expect(slack.adapter.url).toBeUndefined();
  });

  it("acks each envelope and gives a retried event (retry_attempt) one effect", async () => {
    const body = eventCallback(
      messageEvent({
        channel: "C0FRAGEN",
        user: "U0ANNA",
        text: "Wer kennt sich mit OZG aus?",
        ts: "1764000000.000700",
      }),
      "Ev0SOCKET",
    );
    const first = envelope(body);
    expect(await slack.api.sendEnvelope(first)).toMatchObject({ envelope_id: first.envelope_id });
    const retry = envelope(body, 1);
    expect(await slack.api.sendEnvelope(retry)).toMatchObject({ envelope_id: retry.envelope_id });
    await slack.waitForEvents(1);
    await slack.settle();
    expect(slack.events).toHaveLength(1);
    expect(slack.events[0]).toMatchObject({
      kind: "message",
      text: "Wer kennt sich mit OZG aus?",
      channelId: "slack:C0FRAGEN",
    });
  });

  it("acks a slash command first, then the answer goes to the response_url", async () => {
    slack.onEvent = async (event, adapter) => {
      if (event.kind === "command") {
        await adapter.port.post(
          {
            kind: "ephemeral",
            channelId: event.channelId,
            userId: event.userId,
            replyToken: event.replyToken,
          },
          textMessage("ok"),
        );
      }
    };
    const command = envelope(
      slashCommand({
        text: "help",
        user_id: "U0ANNA",
        channel_id: "C0FRAGEN",
        response_url: slack.api.responseUrl("s1"),
      }),
    );
    const ack = await slack.api.sendEnvelope(command);
    expect(ack.envelope_id).toBe(command.envelope_id);
    const [reply] = await slack.api.waitFor("response_url");
    expect(reply?.args).toMatchObject({ url: "s1", response_type: "ephemeral", text: "ok" });
    expect(slack.events[0]).toMatchObject({ kind: "command", text: "help", userId: "slack:U0ANNA" });
  });

  it("routes interactive envelopes (buttons)", async () => {
    const press = envelope(
      blockActions({
        user: "U0BEN",
        channel: "C0FRAGEN",
        messageTs: "1764000000.000900",
        actionId: "qa.solved",
        value: "q1",
        response_url: slack.api.responseUrl("b1"),
      }),
    );
    await slack.api.sendEnvelope(press);
    const [event] = await slack.waitForEvents(1);
    expect(event).toMatchObject({ kind: "button", action: "qa.solved", value: "q1", userId: "slack:U0BEN" });
  });
});
