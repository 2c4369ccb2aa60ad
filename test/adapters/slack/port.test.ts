import { PlatformError, RateLimitedError } from "../../../src/core/errors";
import { msg, textMessage } from "../../../src/core/message";
import type { FormSubmitEvent } from "../../../src/core/events";
import { harnessForEachTest, type SlackHarness } from "../../support/slack-harness";
import { slashCommand, viewSubmission } from "../../support/slack-payloads";

describe("SlackPort: the Web API calls copbot makes", () => {
  let slack: SlackHarness;
  harnessForEachTest("http", (h) => (slack = h));

  it("posts to a channel and into a thread, as the bot, with Block Kit and escaped text", async () => {
    const ref = await slack.adapter.port.post(
      { kind: "channel", channelId: "slack:C0FRAGEN", threadId: "1764000000.000200" },
      textMessage("Experten: ", { mention: "slack:U0BEN" }, " – <!here> @channel"),
    );
    expect(ref).toEqual({ channelId: "slack:C0FRAGEN", messageId: "1764000000.000001" });
    const [call] = slack.api.callsOf("chat.postMessage");
    expect(call?.token).toBe("xoxb-test-token");
    expect(call?.args).toEqual({
      channel: "C0FRAGEN",
      thread_ts: "1764000000.000200",
      text: "Experten: <@U0BEN> – &lt;!here&gt; @channel",
      blocks: [
        {
          type: "section",
          text: { type: "mrkdwn", text: "Experten: <@U0BEN> – &lt;!here&gt; @channel", verbatim: true },
        },
      ],
      unfurl_links: "false",
      unfurl_media: "false",
    });
  });

  it("posts a DM with the member's user id as channel, without opening the DM first", async () => {
    await slack.adapter.port.post({ kind: "dm", userId: "slack:U0ANNA" }, textMessage("eins"));
    const ref = await slack.adapter.port.post({ kind: "dm", userId: "slack:U0ANNA" }, textMessage("zwei"));
    expect(ref.channelId).toBe("slack:DU0ANNA");
    expect(slack.api.calls.map((c) => [c.method, c.args.channel])).toEqual([
      ["chat.postMessage", "U0ANNA"],
      ["chat.postMessage", "U0ANNA"],
    ]);
  });

  it("falls back to chat.postEphemeral without a usable response_url", async () => {
    slack.api.script("response_url", { status: 404, body: { ok: false } });
    await slack.adapter.port.post(
      {
        kind: "ephemeral",
        channelId: "slack:C0FRAGEN",
        userId: "slack:U0ANNA",
        replyToken: slack.api.responseUrl("old"),
      },
      textMessage("nur für dich"),
    );
    await slack.adapter.port.post(
      { kind: "ephemeral", channelId: "slack:C0FRAGEN", userId: "slack:U0ANNA" },
      textMessage("auch nur für dich"),
    );
    const ephemeral = slack.api
      .callsOf("chat.postEphemeral")
      .map((c) => [c.args.channel, c.args.user, c.args.text]);
    expect(ephemeral).toEqual([
      ["C0FRAGEN", "U0ANNA", "nur für dich"],
      ["C0FRAGEN", "U0ANNA", "auch nur für dich"],
    ]);
  });

  it("updates a message in place (RSVP counts) and pins it; already pinned is fine", async () => {
    const ref = { channelId: "slack:C0TREFFEN", messageId: "1764000000.000500" };
    await slack.adapter.port.update(
      ref,
      msg().text("Zusagen: 3").button("meeting.rsvp", "Ich komme", "yes").build(),
    );
    slack.api.script("pins.add", { body: { ok: false, error: "already_pinned" } });
    await slack.adapter.port.pin(ref);
    const [update] = slack.api.callsOf("chat.update");
    expect(update?.args).toMatchObject({ channel: "C0TREFFEN", ts: "1764000000.000500", text: "Zusagen: 3" });
    expect((update?.args.blocks as unknown[]).at(-1)).toMatchObject({
      type: "actions",
      elements: [{ type: "button", action_id: "meeting.rsvp", value: "yes" }],
    });
    expect(slack.api.callsOf("pins.add")[0]?.args).toEqual({
      channel: "C0TREFFEN",
      timestamp: "1764000000.000500",
    });
  });

  it("creates a private channel (a name taken by someone else gets a suffix), sets the topic and invites everyone but itself", async () => {
    slack.api.script("conversations.create", { body: { ok: false, error: "name_taken" } });
    const channel = await slack.adapter.port.createPrivateSpace({
      name: "AG Förderrichtlinien",
      topic: "Ziel: Leitfaden bis März",
      memberIds: ["slack:U0ANNA", "slack:U0BEN", "slack:UCOPBOT", "slack:U0ANNA"],
    });
    expect(channel).toBe("slack:GNEWGROUP1");
    expect(slack.api.calls.map((c) => [c.method, c.args])).toEqual([
      ["conversations.create", { name: "ag-foerderrichtlinien", is_private: "true" }],
      // Not a channel copbot created earlier: someone else's, so the next free name.
      ["conversations.list", { types: "private_channel", exclude_archived: "true", limit: "1000" }],
      ["conversations.create", { name: "ag-foerderrichtlinien-2", is_private: "true" }],
      ["conversations.setTopic", { channel: "GNEWGROUP1", topic: "Ziel: Leitfaden bis März" }],
      ["conversations.invite", { channel: "GNEWGROUP1", users: "U0ANNA,U0BEN", force: "true" }],
    ]);
  });

  it("turns a 429 into a RateLimitedError carrying Retry-After, and other failures into PlatformErrors", async () => {
    slack.api.script("chat.postMessage", {
      status: 429,
      headers: { "retry-after": "7" },
      body: { ok: false, error: "ratelimited" },
    });
    const limited = slack.adapter.port.post(
      { kind: "channel", channelId: "slack:C0FRAGEN" },
      textMessage("x"),
    );
    await expect(limited).rejects.toBeInstanceOf(RateLimitedError);
    await expect(limited).rejects.toMatchObject({ retryAfterMs: 7000, retryable: true });

    slack.api.script("chat.postMessage", { body: { ok: false, error: "channel_not_found" } });
    const missing = slack.adapter.port.post({ kind: "channel", channelId: "slack:C0GONE" }, textMessage("x"));
    await expect(missing).rejects.toBeInstanceOf(PlatformError);
    await expect(missing).rejects.toMatchObject({
      retryable: false,
      message: "slack chat.postMessage failed: channel_not_found",
    });

    slack.api.script("chat.postMessage", { status: 503, body: { ok: false } });
    await expect(
      slack.adapter.port.post({ kind: "channel", channelId: "slack:C0FRAGEN" }, textMessage("x")),
    ).rejects.toMatchObject({ retryable: true });
  });

  it("resolves what people type for users and channels", async () => {
    slack.api.respond("users.list", () => ({
      ok: true,
      members: [
        { id: "U0BEN", name: "ben", profile: { display_name: "Ben K.", real_name: "Ben Kramer" } },
        { id: "U0GONE", name: "gone", deleted: true, profile: {} },
      ],
      response_metadata: { next_cursor: "" },
    }));
    slack.api.respond("conversations.list", () => ({
      ok: true,
      channels: [{ id: "C0FRAGEN", name: "fragen" }],
      response_metadata: { next_cursor: "" },
    }));
    const port = slack.adapter.port;
    expect(await port.resolveUser("<@U0ANNA|anna>")).toBe("slack:U0ANNA");
    expect(await port.resolveUser("<@U0ANNA>")).toBe("slack:U0ANNA");
    expect(await port.resolveUser("@ben")).toBe("slack:U0BEN");
    expect(await port.resolveUser("ben kramer")).toBe("slack:U0BEN");
    expect(await port.resolveUser("@gone")).toBeUndefined();
    expect(await port.resolveChannel("<#C0FRAGEN|fragen>")).toBe("slack:C0FRAGEN");
    expect(await port.resolveChannel("#Fragen")).toBe("slack:C0FRAGEN");
    expect(await port.resolveChannel("#nirgends")).toBeUndefined();
    // The listings are cached: one call each.
    expect(slack.api.callsOf("users.list")).toHaveLength(1);
    expect(slack.api.callsOf("conversations.list")).toHaveLength(1);
  });

  it("reads a user's display name and time zone", async () => {
    slack.api.respond("users.info", () => ({
      ok: true,
      user: {
        id: "U0ANNA",
        name: "anna",
        real_name: "Anna Schmidt",
        tz: "Europe/Berlin",
        profile: { display_name: "" },
      },
    }));
    expect(await slack.adapter.port.userInfo("slack:U0ANNA")).toEqual({
      displayName: "Anna Schmidt",
      timeZone: "Europe/Berlin",
    });
    slack.api.script("users.info", { body: { ok: false, error: "user_not_found" } });
    expect(await slack.adapter.port.userInfo("slack:U0NOBODY")).toBeUndefined();
  });

  it("gives a permalink, or none when Slack cannot", async () => {
    const ref = { channelId: "slack:C0FRAGEN", messageId: "1764000000.000200" };
    expect(await slack.adapter.port.permalink(ref)).toBe(
      "https://copbot-test.slack.com/archives/C0FRAGEN/p1764000000000200",
    );
    slack.api.script("chat.getPermalink", { body: { ok: false, error: "message_not_found" } });
    expect(await slack.adapter.port.permalink(ref)).toBeUndefined();
  });

  it("uploads an attachment into the message's thread", async () => {
    await slack.adapter.port.post(
      { kind: "channel", channelId: "slack:C0TREFFEN" },
      msg()
        .text("Termin")
        .attach({ name: "treffen.ics", mime: "text/calendar", content: "BEGIN:VCALENDAR" })
        .build(),
    );
    const [complete] = await slack.api.waitFor("files.completeUploadExternal");
    expect(complete?.args).toMatchObject({ channel_id: "C0TREFFEN", thread_ts: "1764000000.000001" });
    expect(slack.api.callsOf("upload")[0]?.args.content).toContain("BEGIN:VCALENDAR");
  });

  it("uploads several files in one files.uploadV2 flow, binary ones as bytes", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await slack.adapter.port.post(
      { kind: "channel", channelId: "slack:C0TREFFEN" },
      msg()
        .text("Bericht")
        .attach({
          name: "bericht.png",
          mime: "image/png",
          content: png.toString("base64"),
          encoding: "base64",
        })
        .attach({ name: "bericht.csv", mime: "text/csv", content: "metric,value" })
        .build(),
    );
    const [complete] = await slack.api.waitFor("files.completeUploadExternal");
    expect(complete?.args).toMatchObject({ channel_id: "C0TREFFEN" });
    const urls = slack.api.callsOf("files.getUploadURLExternal").map((c) => c.args);
    expect(urls).toEqual([
      expect.objectContaining({ filename: "bericht.png", length: String(png.length) }),
      expect.objectContaining({ filename: "bericht.csv" }),
    ]);
    const bodies = slack.api.callsOf("upload").map((c) => String(c.args.content));
    expect(bodies[0]).toContain("PNG");
    expect(bodies[1]).toContain("metric,value");
  });

  it("opens a group DM with conversations.open for several people", async () => {
    const channel = await slack.adapter.port.openGroupConversation({
      name: "Kontakt",
      topic: "Vorstellung",
      memberIds: ["slack:U0ANNA", "slack:U0BEN"],
    });
    expect(channel).toBe("slack:DU0ANNA,U0BEN");
    expect(slack.api.callsOf("conversations.open").at(-1)?.args).toMatchObject({ users: "U0ANNA,U0BEN" });
  });

  it("opens a modal from a command's trigger and brings the submission back to the same channel", async () => {
    slack.onEvent = async (event, adapter) => {
      if (event.kind !== "command") return;
      await adapter.port.openForm(event.triggerId, event.userId, {
        formId: "meeting.create",
        title: "Neues Treffen",
        submitLabel: "Anlegen",
        context: "weekly",
        fields: [
          { name: "title", label: "Titel", kind: "text" },
          { name: "day", label: "Erster Termin", kind: "date" },
          {
            name: "rule",
            label: "Rhythmus",
            kind: "select",
            options: [
              { value: "weekly", label: "wöchentlich" },
              { value: "biweekly", label: "alle zwei Wochen" },
            ],
          },
          { name: "notes", label: "Notizen", kind: "multiline", optional: true },
        ],
      });
    };
    await slack.post(
      slashCommand({
        text: "meeting add",
        user_id: "U0MOD",
        channel_id: "C0TREFFEN",
        response_url: slack.api.responseUrl(),
      }),
    );
    const [open] = await slack.api.waitFor("views.open");
    const view = open?.args.view as Record<string, unknown>;
    expect(open?.args.trigger_id).toEqual((slack.events[0] as { triggerId: string }).triggerId);
    expect(view).toMatchObject({
      type: "modal",
      callback_id: "meeting.create",
      title: { type: "plain_text", text: "Neues Treffen" },
      submit: { type: "plain_text", text: "Anlegen" },
      private_metadata: JSON.stringify({ form: "weekly", channel: "C0TREFFEN" }),
    });
    expect((view.blocks as { element: { type: string } }[]).map((b) => b.element.type)).toEqual([
      "plain_text_input",
      "datepicker",
      "static_select",
      "plain_text_input",
    ]);

    const res = await slack.post(
      viewSubmission({
        user: "U0MOD",
        view,
        values: { title: "CoP-Treffen", day: "2026-12-07", rule: "weekly" },
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    const events = await slack.waitForEvents(2);
    expect(events[1] as FormSubmitEvent).toMatchObject({
      kind: "form_submit",
      formId: "meeting.create",
      userId: "slack:U0MOD",
      channelId: "slack:C0TREFFEN",
      isDm: false,
      values: { title: "CoP-Treffen", day: "2026-12-07", rule: "weekly", __context: "weekly" },
    });
  });

  it("reports an expired trigger as 'no form', so the core can ask step by step", async () => {
    slack.api.script("views.open", { body: { ok: false, error: "expired_trigger_id" } });
    const form = { formId: "f", title: "T", submitLabel: "OK", fields: [] };
    expect(await slack.adapter.port.openForm("123.456", "slack:U0ANNA", form)).toBe(false);
    expect(await slack.adapter.port.openForm(undefined, "slack:U0ANNA", form)).toBe(false);
  });
});
