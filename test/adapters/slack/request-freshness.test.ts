import { SlackHarness } from "../../support/slack-harness";
import { slashCommand } from "../../support/slack-payloads";

const now = (): number => Math.floor(Date.now() / 1000);

/**
 * Slack requests whose signed timestamp is more than five minutes away from now, in either
 * direction, are refused (issue 17): a captured request cannot be replayed later, and one
 * signed with a future time cannot be kept for later either. Correctly signed requests into
 * the real Bolt receiver; the margins are a minute either side of the limit.
 */
describe("Slack request freshness (HTTP mode)", () => {
  let slack: SlackHarness;
  beforeAll(async () => {
    slack = await SlackHarness.start("http");
  });
  afterAll(() => slack.stop());

  const command = () =>
    slashCommand({
      text: "help",
      user_id: "U0ANNA",
      channel_id: "C0FRAGEN",
      response_url: slack.api.responseUrl(),
    });

  it.each([
    ["six minutes ahead", 360],
    ["six minutes behind", -360],
    ["a day ahead", 86_400],
  ])("refuses a correctly signed request %s", async (_label, offset) => {
    const before = slack.events.length;
    const res = await slack.post(command(), { timestamp: now() + offset });
    expect(res.status).toBe(401);
    await slack.settle(50);
    expect(slack.events).toHaveLength(before);
  });

  it.each([
    ["four minutes ahead", 240],
    ["four minutes behind", -240],
  ])("accepts one %s", async (_label, offset) => {
    const before = slack.events.length;
    const res = await slack.post(command(), { timestamp: now() + offset });
    expect(res.status).toBe(200);
    await slack.waitForEvents(before + 1);
  });

  it("refuses a timestamp that is no number", async () => {
    const res = await slack.post(command(), { headers: { "x-slack-request-timestamp": "soon" } });
    expect(res.status).toBe(401);
  });
});
