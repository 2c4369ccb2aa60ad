import { textMessage } from "../../../src/core/message";
import type { CommandEvent } from "../../../src/core/events";
import { harnessForEachTest, type SlackHarness } from "../../support/slack-harness";
import { postSigned, sign } from "../../support/slack-signing";
import {
  appMentionEvent,
  blockActions,
  eventCallback,
  messageEvent,
  slashCommand,
} from "../../support/slack-payloads";

describe("Slack adapter over HTTP (signed requests, real Bolt app)", () => {
  let slack: SlackHarness;
  harnessForEachTest("http", (h) => (slack = h));

  it("answers /healthz", async () => {
    const res = await fetch(`${slack.adapter.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
  });

  it("acks a slash command before the work is done and answers ephemerally via response_url", async () => {
    let release!: () => void;
    const working = new Promise<void>((resolve) => (release = resolve));
    slack.onEvent = async (event, adapter) => {
      await working;
      if (event.kind !== "command") return;
      await adapter.port.post(
        { kind: "ephemeral", channelId: event.channelId, userId: event.userId, replyToken: event.replyToken },
        textMessage("Hilfe für ", "<!channel>"),
      );
    };
    slack.api.respond("users.info", (args) => ({
      ok: true,
      user: { id: args.user, name: "anna", tz: "Europe/Berlin", profile: { display_name: "Anna S." } },
    }));
    const res = await slack.post(
      slashCommand({
        text: 'mod add <@U0BEN|ben> "zwei Worte"',
        user_id: "U0ANNA",
        user_name: "anna",
        channel_id: "C0FRAGEN",
        response_url: slack.api.responseUrl("cmd1"),
      }),
    );
    // The HTTP answer comes while the core is still working.
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    expect(slack.api.callsOf("response_url")).toHaveLength(0);
    release();

    const [event] = await slack.waitForEvents(1);
    expect(event).toMatchObject({
      kind: "command",
      platform: "slack",
      userId: "slack:U0ANNA",
      // The display name from users.info wins over the legacy handle in the payload.
      userName: "Anna S.",
      channelId: "slack:C0FRAGEN",
      isDm: false,
      // Slack's label is dropped; the bare token resolves without a name lookup.
      text: 'mod add <@U0BEN> "zwei Worte"',
      replyToken: slack.api.responseUrl("cmd1"),
    });
    expect((event as CommandEvent).triggerId).toMatch(/^13345224609\./);
    const [reply] = await slack.api.waitFor("response_url");
    expect(reply?.args).toEqual({
      url: "cmd1",
      response_type: "ephemeral",
      replace_original: false,
      text: "Hilfe für &lt;!channel&gt;",
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: "Hilfe für &lt;!channel&gt;", verbatim: true } },
      ],
    });
  });

  it("rejects a bad signature and a stale timestamp with 401 and does nothing", async () => {
    const body = eventCallback(
      messageEvent({ channel: "C0FRAGEN", user: "U0ANNA", text: "Hallo", ts: "1764000000.000100" }),
    );
    const forged = await postSigned({
      url: slack.eventsUrl,
      body: body.body,
      contentType: body.contentType,
      signature: sign(body.body, Math.floor(Date.now() / 1000), "not-the-secret"),
    });
    expect(forged.status).toBe(401);
    const stale = await slack.post(body, { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect(stale.status).toBe(401);
    await slack.settle();
    expect(slack.events).toEqual([]);
    expect(slack.api.calls).toEqual([]);
  });

  it("gives a retried event (x-slack-retry-num) and a mention's message/app_mention twin one effect", async () => {
    const message = messageEvent({
      channel: "C0FRAGEN",
      user: "U0ANNA",
      text: "<@UCOPBOT> Wie beantrage ich &lt;Fördermittel&gt; &amp; wo?",
      ts: "1764000000.000200",
    });
    const first = eventCallback(message, "Ev0RETRY");
    expect((await slack.post(first)).status).toBe(200);
    const retry = await slack.post(first, {
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
    });
    expect(retry.status).toBe(200);
    await slack.post(
      eventCallback(
        appMentionEvent({
          channel: "C0FRAGEN",
          user: "U0ANNA",
          text: String(message.text),
          ts: "1764000000.000200",
        }),
      ),
    );
    await slack.waitForEvents(1);
    await slack.settle();
    expect(slack.events).toEqual([
      {
        kind: "message",
        platform: "slack",
        id: "slack:msg:C0FRAGEN:1764000000.000200",
        at: new Date(1764000000000),
        userId: "slack:U0ANNA",
        userName: "u0anna",
        channelId: "slack:C0FRAGEN",
        isDm: false,
        messageId: "1764000000.000200",
        // The mention reads as the name Slack shows (users.info), the escapes as typed.
        text: "@ucopbot Wie beantrage ich <Fördermittel> & wo?",
        mentionsBot: true,
      },
    ]);
  });

  it("routes a button press with its value, thread and response_url", async () => {
    const res = await slack.post(
      blockActions({
        user: "U0BEN",
        channel: "C0FRAGEN",
        messageTs: "1764000000.000900",
        threadTs: "1764000000.000200",
        actionId: "meeting.rsvp#1",
        value: "no",
        response_url: slack.api.responseUrl("act1"),
      }),
    );
    expect(res.status).toBe(200);
    const [event] = await slack.waitForEvents(1);
    expect(event).toMatchObject({
      kind: "button",
      userId: "slack:U0BEN",
      channelId: "slack:C0FRAGEN",
      messageId: "1764000000.000900",
      threadId: "1764000000.000200",
      action: "meeting.rsvp",
      value: "no",
      replyToken: slack.api.responseUrl("act1"),
    });
  });
});
