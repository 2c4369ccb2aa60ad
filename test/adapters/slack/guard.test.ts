import { harnessForEachTest, type SlackHarness } from "../../support/slack-harness";
import { eventCallback, memberJoinedEvent, messageEvent } from "../../support/slack-payloads";
import { postSigned } from "../../support/slack-signing";

describe("Slack HTTP endpoint: what it refuses and what it accepts (signed requests into Bolt)", () => {
  let slack: SlackHarness;
  harnessForEachTest("http", (h) => (slack = h));

  const hello = eventCallback(
    messageEvent({ channel: "C0FRAGEN", user: "U0ANNA", text: "Hallo", ts: "1764000000.000100" }),
  );

  it("refuses a timestamp more than 5 minutes in the future (Slack's replay window) and does nothing", async () => {
    const future = await slack.post(hello, { timestamp: Math.floor(Date.now() / 1000) + 10 * 60 });
    expect(future.status).toBe(401);
    const near = await slack.post(hello, { timestamp: Math.floor(Date.now() / 1000) + 60 });
    expect(near.status).toBe(200);
    await slack.waitForEvents(1);
    expect(slack.events).toHaveLength(1);
  });

  it("answers a signed body of null (or an array, or broken JSON) with 400 and keeps serving", async () => {
    for (const body of ["null", "[]", "42", " \n null", "{not json", ' {"type": "event_callback"']) {
      const res = await postSigned({ url: slack.eventsUrl, body, contentType: "application/json" });
      expect(res.status).toBe(400);
    }
    expect((await slack.post(hello)).status).toBe(200);
    await slack.waitForEvents(1);
  });

  it("answers Slack's unsigned ssl_check and drops what is smuggled in with it (the guard is the only signature check)", async () => {
    const smuggled = eventCallback(
      messageEvent({ channel: "C0FRAGEN", user: "U0ANNA", text: "Hallo", ts: "1764000000.000100" }),
    );
    const res = await fetch(slack.eventsUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ssl_check: "1", payload: smuggled.body }).toString(),
    });
    expect(res.status).toBe(200);
    const unsigned = await fetch(slack.eventsUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: smuggled.body,
    });
    expect(unsigned.status).toBe(401);
    await slack.settle();
    expect(slack.events).toEqual([]);
  });

  it("takes member_joined_channel in its documented shape (no event_ts), once per event id", async () => {
    const joined = eventCallback(
      memberJoinedEvent({ user: "U0NEU", channel: "C0FRAGEN", documented: true }),
      "Ev0JOIN",
    );
    expect((await slack.post(joined)).status).toBe(200);
    expect((await slack.post(joined, { headers: { "x-slack-retry-num": "1" } })).status).toBe(200);
    await slack.waitForEvents(1);
    await slack.settle();
    expect(slack.events).toHaveLength(1);
    expect(slack.events[0]).toMatchObject({
      kind: "member_joined",
      id: "slack:join:C0FRAGEN:U0NEU:Ev0JOIN",
      userId: "slack:U0NEU",
      at: new Date(1764000000 * 1000),
    });
  });
});
