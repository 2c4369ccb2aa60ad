import type { VirtualClock } from "../../../src/core/clock";
import { msg, textMessage, type Target } from "../../../src/core/message";
import { advanceVirtualClock } from "../../../src/core/runtime";
import type { App } from "../../../src/app";
import { startSlackCopbot, type SlackCopbot, type SlackHarness } from "../../support/slack-harness";
import { slashCommand } from "../../support/slack-payloads";

/** copbot (virtual clock) behind the real Slack adapter, with a Slack that hangs, limits or is down. */
describe("copbot when Slack is slow, rate limited or down", () => {
  let copbot: SlackCopbot;
  let app: App;
  let clock: VirtualClock;
  let slack: SlackHarness;

  beforeEach(async () => {
    // Long enough for a busy machine, short enough to wait for a stuck call in a test.
    copbot = await startSlackCopbot("http", { timeoutMs: 2_000 });
    ({ app, clock, slack } = copbot);
  });
  afterEach(async () => {
    await app.bot.services.outbox.stop(0);
    await copbot.stop();
  });

  const help = (user: string, id: string) =>
    slack.act(
      slashCommand({
        text: "help",
        user_id: user,
        channel_id: "C0FRAGEN",
        response_url: slack.api.responseUrl(id),
      }),
    );
  const fanOut = (users: readonly string[]) => {
    for (const u of users) {
      app.bot.services.outbox.enqueue(
        { kind: "dm", userId: `slack:${u}` },
        textMessage(`Check-in für ${u}`),
        {
          priority: "bulk",
        },
      );
    }
  };
  const post = (channel: string, text: string) =>
    app.bot.services.outbox.enqueue(
      { kind: "channel", channelId: `slack:${channel}` } as Target,
      textMessage(text),
    );
  const textsIn = (channel: string) => slack.api.postedIn(channel).map((m) => m.text);
  const users = (n: number) => Array.from({ length: n }, (_, i) => `U${String(i).padStart(3, "0")}`);
  const stuckPost = () =>
    (
      app.db.prepare("SELECT state FROM outbox WHERE target LIKE '%U003%'").get() as
        { state: string } | undefined
    )?.state;
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  };
  const later = (ms: number) => advanceVirtualClock(app.bot, clock, new Date(clock.now().getTime() + ms));

  it("a post that hangs holds only its own conversation; after the timeout it is found, not sent twice", async () => {
    slack.api.intercept = ({ method, args }) =>
      method === "chat.postMessage" && args.channel === "U003" && slack.api.postedIn("U003").length === 0
        ? "hang"
        : undefined;
    fanOut(users(20));
    app.bot.services.outbox.kick();
    await until(() => slack.api.postedIn("U003").length === 1);
    // An unrelated command while the stuck call is still open: answered without waiting for it.
    await help("U0ANNA", "anna");
    expect(slack.api.callsOf("response_url").map((c) => c.args.url)).toEqual(["anna"]);
    expect(stuckPost()).toBe("sending");
    await app.bot.services.outbox.drain();
    await later(5 * 60_000);
    expect(users(20).map((u) => slack.api.postedIn(u).length)).toEqual(users(20).map(() => 1));
    expect(slack.api.callsOf("conversations.history").map((c) => c.args.channel)).toEqual(["DU003"]);
  });

  it("a 429 with Retry-After holds its conversation only; order there is kept and nothing is lost", async () => {
    let limited = 0;
    slack.api.intercept = ({ method, args }) =>
      method === "chat.postMessage" && args.channel === "C0TREFFEN" && limited++ === 0
        ? { status: 429, headers: { "retry-after": "30" }, body: { ok: false, error: "ratelimited" } }
        : undefined;
    for (const text of ["eins", "zwei", "drei"]) post("C0TREFFEN", text);
    post("C0FRAGEN", "anderswo");
    await app.bot.services.outbox.drain();
    await help("U0ANNA", "anna");
    expect(textsIn("C0FRAGEN")).toEqual(["anderswo"]);
    expect(slack.api.callsOf("response_url")).toHaveLength(1);
    expect(textsIn("C0TREFFEN")).toEqual([]);
    await later(29_000);
    expect(textsIn("C0TREFFEN")).toEqual([]);
    await later(1_000);
    expect(textsIn("C0TREFFEN")).toEqual(["eins", "zwei", "drei"]);
  });

  const report = () =>
    app.bot.services.outbox.enqueue(
      { kind: "channel", channelId: "slack:C0TREFFEN" },
      msg()
        .text("Bericht")
        .attach({ name: "bericht.png", mime: "image/png", content: "iVBORw0KGgo=", encoding: "base64" })
        .attach({ name: "bericht.csv", mime: "text/csv", content: "metric,value\r\n" })
        .build(),
    );
  const postsTo = (channel: string) =>
    slack.api
      .callsOf("chat.postMessage")
      .filter((c) => c.args.channel === channel)
      .map((c) => c.args.text);
  const filesIn = (channel: string) =>
    slack.api
      .callsOf("files.completeUploadExternal")
      .filter((c) => c.args.channel_id === channel)
      .flatMap((c) => (Array.isArray(c.args.files) ? c.args.files : []))
      .map((f: unknown) => (typeof f === "object" && f !== null && "title" in f ? String(f.title) : ""));

  it("files rate limited after their message went out arrive after Retry-After, the message once", async () => {
    let limited = 0;
    slack.api.intercept = ({ method }) =>
      method === "files.getUploadURLExternal" && limited++ === 0
        ? { status: 429, headers: { "retry-after": "30" }, body: { ok: false, error: "ratelimited" } }
        : undefined;
    report();
    await app.bot.services.outbox.drain();
    expect(postsTo("C0TREFFEN")).toEqual(["Bericht"]);
    expect(filesIn("C0TREFFEN")).toEqual([]);
    await later(30_000);
    expect(postsTo("C0TREFFEN")).toEqual(["Bericht"]);
    expect(filesIn("C0TREFFEN")).toEqual(["bericht.png", "bericht.csv"]);
  });

  it("files whose upload answered too late are found in the thread, not uploaded again", async () => {
    let slow = 0;
    slack.api.intercept = ({ method }) =>
      method === "files.completeUploadExternal" && slow++ === 0 ? { delayMs: 3_000 } : undefined;
    report();
    await app.bot.services.outbox.drain();
    await later(5 * 60_000);
    expect(postsTo("C0TREFFEN")).toEqual(["Bericht"]);
    expect(filesIn("C0TREFFEN")).toEqual(["bericht.png", "bericht.csv"]);
    expect(slack.api.callsOf("conversations.replies")).toHaveLength(1);
  });

  it("five minutes of 503: nothing is lost or doubled, order is kept, and answers go before the fan-out backlog", async () => {
    const downUntil = clock.now().getTime() + 5 * 60_000;
    const calls: { at: number; call: string }[] = [];
    slack.api.intercept = ({ method, args }) => {
      const down = clock.now().getTime() < downUntil;
      if (method === "chat.postMessage" || method === "chat.postEphemeral") {
        calls.push({ at: clock.now().getTime(), call: down ? "503" : String(args.channel) });
      }
      return down ? { status: 503, body: { ok: false, error: "service_unavailable" } } : undefined;
    };
    slack.api.interceptResponseUrl = () => {
      const down = clock.now().getTime() < downUntil;
      calls.push({ at: clock.now().getTime(), call: down ? "503" : "answer" });
      return down ? { status: 503, body: { ok: false } } : undefined;
    };
    fanOut(users(50));
    for (const text of ["eins", "zwei", "drei"]) post("C0TREFFEN", text);
    await app.bot.services.outbox.drain();
    await later(60_000);
    // A command in the middle of the outage: acknowledged, its answer waits for Slack.
    await help("U0ANNA", "anna");
    await later(5 * 60_000);
    expect(users(50).map((u) => slack.api.postedIn(u).length)).toEqual(users(50).map(() => 1));
    expect(textsIn("C0TREFFEN")).toEqual(["eins", "zwei", "drei"]);
    // The answer arrived once (through the command's response_url, once Slack was back).
    expect(calls.filter((c) => c.call === "answer")).toHaveLength(1);
    // A 503 is a refusal: nothing had to be looked up before sending again.
    expect(slack.api.callsOf("conversations.history")).toHaveLength(0);
    // While down, a few probes knocked, not every message on every retry.
    expect(calls.filter((c) => c.call === "503").length).toBeLessThan(60);
    const firstAfter = calls.findIndex((c) => c.call !== "503");
    const channelsAfter = calls.slice(firstAfter).map((c) => c.call);
    // The answer and the channel's posts go before the bulk fan-out backlog.
    expect(channelsAfter.indexOf("answer")).toBeGreaterThanOrEqual(0);
    expect(channelsAfter.indexOf("answer")).toBeLessThan(channelsAfter.indexOf("U049"));
    expect(channelsAfter.indexOf("C0TREFFEN")).toBeLessThan(channelsAfter.indexOf("U049"));
  });
});
