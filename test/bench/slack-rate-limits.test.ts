import { webApi } from "@slack/bolt";
import { SlackRateLimits } from "../support/slack-rate-limits";
import { SlackApiStandIn } from "../support/slack-web-api";

/** The fan-out benchmark's stand-in answers as Slack does over a limit: 429 with Retry-After. */
describe("SlackRateLimits", () => {
  it("lets the limit through per window and answers 429 with the seconds until the window frees", async () => {
    const api = await new SlackApiStandIn().start();
    let now = 0;
    new SlackRateLimits({ "chat.postMessage": [{ calls: 2, windowMs: 60_000 }] }, () => now).attach(api);
    const client = new webApi.WebClient("xoxb-test", {
      slackApiUrl: api.apiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
    });
    try {
      const post = (channel: string) => client.chat.postMessage({ channel, text: "hi" });
      await post("U1");
      now = 20_000;
      await post("U2");
      await expect(post("U3")).rejects.toMatchObject({
        code: webApi.ErrorCode.RateLimitedError,
        retryAfter: 40,
      });
      now = 60_001;
      await post("U3");
      const answered = api
        .callsOf("chat.postMessage")
        .map((c) => `${String(c.args["channel"])} ${String(c.result?.["ok"])}`);
      expect(answered).toEqual(["U1 true", "U2 true", "U3 false", "U3 true"]);
    } finally {
      await api.stop();
    }
  });
});
