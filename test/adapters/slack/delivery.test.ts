import { PlatformError } from "../../../src/core/errors";
import { textMessage } from "../../../src/core/message";
import type { Delivery } from "../../../src/core/port";
import { SlackHarness } from "../../support/slack-harness";
import { appHomeOpenedEvent, eventCallback } from "../../support/slack-payloads";

/** The stand-in's message timestamps start at this second. */
const SINCE = new Date(1764000000 * 1000);
const attempt = (id: string, inDoubt: boolean): Delivery => ({ id, inDoubt, since: SINCE });

describe("SlackPort: a post is never doubled", () => {
  let slack: SlackHarness;
  beforeEach(async () => {
    // Long enough for a loaded machine (two jest workers beside other builds took over 1 s).
    slack = await SlackHarness.start("http", { timeoutMs: 3_000, sleep: async () => {} });
  });
  afterEach(() => slack.stop());
  const port = () => slack.adapter.port;

  it("tags each post with its delivery id and, in doubt, finds the earlier post instead of posting again", async () => {
    const target = { kind: "channel", channelId: "slack:C0FRAGEN" } as const;
    const first = await port().post(target, textMessage("Erinnerung"), attempt("d-1", false));
    expect(slack.api.callsOf("chat.postMessage")[0]?.args.metadata).toEqual({
      event_type: "copbot_delivery",
      event_payload: { delivery: "d-1" },
    });
    const again = await port().post(target, textMessage("Erinnerung"), attempt("d-1", true));
    expect(again).toEqual(first);
    expect(slack.api.callsOf("chat.postMessage")).toHaveLength(1);
    expect(slack.api.callsOf("conversations.history")[0]?.args).toMatchObject({
      channel: "C0FRAGEN",
      include_all_metadata: "true",
      oldest: String((SINCE.getTime() - 300_000) / 1000) + ".000000",
    });
  });

  it("looks in the thread for a reply in doubt and in the DM for a DM (opened only for that)", async () => {
    const reply = { kind: "channel", channelId: "slack:C0FRAGEN", threadId: "1764000000.000900" } as const;
    await port().post(reply, textMessage("Antwort"), attempt("d-2", false));
    await port().post(reply, textMessage("Antwort"), attempt("d-2", true));
    expect(slack.api.callsOf("conversations.replies")[0]?.args).toMatchObject({ ts: "1764000000.000900" });
    await port().post({ kind: "dm", userId: "slack:U0ANNA" }, textMessage("Frage"), attempt("d-3", false));
    expect(slack.api.callsOf("conversations.open")).toHaveLength(0);
    await port().post({ kind: "dm", userId: "slack:U0ANNA" }, textMessage("Frage"), attempt("d-3", true));
    expect(slack.api.callsOf("conversations.open")).toHaveLength(1);
    expect(slack.api.callsOf("chat.postMessage")).toHaveLength(2);
    expect(slack.api.postedIn("U0ANNA")).toHaveLength(1);
  });

  it("posts a message in doubt that Slack does not have, and the missing file of one it has", async () => {
    const target = { kind: "channel", channelId: "slack:C0FRAGEN" } as const;
    await port().post(target, textMessage("nie angekommen"), attempt("d-4", true));
    expect(slack.api.callsOf("chat.postMessage")).toHaveLength(1);
    // The post arrived, its calendar file did not (the process died in between).
    slack.api.intercept = ({ method }) =>
      method === "files.getUploadURLExternal" ? { body: { ok: false, error: "internal_error" } } : undefined;
    const ics = { name: "treffen.ics", mime: "text/calendar", content: "BEGIN:VCALENDAR" };
    const withFile = { ...textMessage("Kalender"), attachments: [ics] };
    await expect(port().post(target, withFile, attempt("d-5", false))).rejects.toBeInstanceOf(PlatformError);
    slack.api.intercept = () => undefined;
    await port().post(target, withFile, attempt("d-5", true));
    await port().post(target, withFile, attempt("d-5", true));
    expect(slack.api.callsOf("chat.postMessage")).toHaveLength(2);
    expect(slack.api.callsOf("files.completeUploadExternal")).toHaveLength(1);
  });

  it("gives up a call that does not answer after the timeout, as a failure that may have arrived", async () => {
    slack.api.intercept = ({ method }) => (method === "chat.postMessage" ? "hang" : undefined);
    const started = Date.now();
    const hanging = port().post(
      { kind: "channel", channelId: "slack:C0FRAGEN" },
      textMessage("x"),
      attempt("d-6", false),
    );
    await expect(hanging).rejects.toMatchObject({ retryable: true, maybeDelivered: true });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("falls back from a response_url that does not answer to chat.postEphemeral", async () => {
    slack.api.interceptResponseUrl = () => "hang";
    await port().post(
      {
        kind: "ephemeral",
        channelId: "slack:C0FRAGEN",
        userId: "slack:U0ANNA",
        replyToken: slack.api.responseUrl(),
      },
      textMessage("nur für dich"),
    );
    expect(slack.api.callsOf("chat.postEphemeral")).toHaveLength(1);
  });

  it("asks step by step when views.open is rate limited, instead of failing", async () => {
    slack.api.script("views.open", {
      status: 429,
      headers: { "retry-after": "30" },
      body: { ok: false, error: "ratelimited" },
    });
    const form = { formId: "f", title: "T", submitLabel: "OK", fields: [] };
    expect(await port().openForm("123.456", "slack:U0ANNA", form)).toBe(false);
  });
});

describe("the App Home on a rate limit", () => {
  it("publishes again after Retry-After", async () => {
    const waits: number[] = [];
    const slack = await SlackHarness.start("http", {
      homeView: async () => textMessage("Deine Startseite"),
      sleep: async (ms) => void waits.push(ms),
    });
    try {
      slack.api.script("views.publish", {
        status: 429,
        headers: { "retry-after": "3" },
        body: { ok: false, error: "ratelimited" },
      });
      slack.api.respond("views.publish", () => ({ ok: true }));
      const res = await slack.post(
        eventCallback(appHomeOpenedEvent({ user: "U0ANNA", tab: "home", event_ts: "1764100900.000100" })),
      );
      expect(res.status).toBe(200);
      await slack.api.waitFor("views.publish", 2);
      expect(waits).toEqual([3_000]);
    } finally {
      await slack.stop();
    }
  });
});

describe("the Slack connection state (readiness, /cop status)", () => {
  it("is connected once Socket Mode is up, and disconnected after the adapter stopped", async () => {
    const slack = await SlackHarness.start("socket");
    try {
      expect(slack.adapter.port.connection()).toMatchObject({ state: "connected" });
      await slack.adapter.stop();
      expect(slack.adapter.port.connection()).toMatchObject({ state: "disconnected" });
    } finally {
      await slack.api.stop();
    }
  });
});
