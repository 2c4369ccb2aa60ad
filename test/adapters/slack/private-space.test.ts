import { RateLimitedError } from "../../../src/core/errors";
import { SlackHarness } from "../../support/slack-harness";

const SPEC = {
  name: "AG 1 Förderrichtlinien",
  topic: "Ziel: Leitfaden bis März",
  memberIds: ["slack:U0ANNA", "slack:U0BEN"],
};

const limited = (seconds: number) => ({
  status: 429,
  headers: { "retry-after": String(seconds) },
  body: { ok: false, error: "ratelimited" },
});

/** Working-group channels: no orphans after a failed step, short rate limits waited out. */
describe("SlackPort: private spaces", () => {
  let slack: SlackHarness;
  /** The waits the port asked for, instead of waiting. */
  let waits: number[];

  beforeEach(async () => {
    waits = [];
    slack = await SlackHarness.start("http", {
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
  });
  afterEach(() => slack.stop());

  const calls = () => slack.api.calls.map((c) => c.method);

  it("waits out a 429 on topic and invite (Retry-After) instead of failing the formation", async () => {
    slack.api.script("conversations.setTopic", limited(2));
    slack.api.script("conversations.invite", limited(3));
    await expect(slack.adapter.port.createPrivateSpace(SPEC)).resolves.toBe("slack:GNEWGROUP1");
    expect(waits).toEqual([2000, 3000]);
    expect(calls()).toEqual([
      "conversations.create",
      "conversations.setTopic",
      "conversations.setTopic",
      "conversations.invite",
      "conversations.invite",
    ]);
  });

  it("gives up after three tries, and a later try reuses the channel instead of creating name-2", async () => {
    for (let i = 0; i < 3; i++) slack.api.script("conversations.invite", limited(1));
    await expect(slack.adapter.port.createPrivateSpace(SPEC)).rejects.toBeInstanceOf(RateLimitedError);
    expect(waits).toEqual([1000, 1000]);

    await expect(slack.adapter.port.createPrivateSpace(SPEC)).resolves.toBe("slack:GNEWGROUP1");
    expect(slack.api.callsOf("conversations.create")).toHaveLength(1);
    expect(slack.api.callsOf("conversations.invite").at(-1)?.args).toEqual({
      channel: "GNEWGROUP1",
      users: "U0ANNA,U0BEN",
      force: "true",
    });
  });

  it("does not wait longer than 30 s within one call: a long Retry-After goes back to the outbox", async () => {
    slack.api.script("conversations.setTopic", limited(60));
    await expect(slack.adapter.port.createPrivateSpace(SPEC)).rejects.toMatchObject({ retryAfterMs: 60_000 });
    expect(waits).toEqual([]);
  });

  it("after a restart, finds the channel it created earlier by its exact name", async () => {
    slack.api.script("conversations.create", { body: { ok: false, error: "name_taken" } });
    slack.api.respond("conversations.list", () => ({
      ok: true,
      channels: [
        { id: "GOTHER", name: "ag-1-foerderrichtlinien", creator: "U0SOMEONE" },
        { id: "GMINE", name: "ag-1-foerderrichtlinien", creator: "UCOPBOT" },
      ],
      response_metadata: { next_cursor: "" },
    }));
    await expect(slack.adapter.port.createPrivateSpace(SPEC)).resolves.toBe("slack:GMINE");
    expect(calls()).toEqual([
      "conversations.create",
      "conversations.list",
      "conversations.setTopic",
      "conversations.invite",
    ]);
    expect(slack.api.callsOf("conversations.list")[0]?.args).toMatchObject({
      types: "private_channel",
      exclude_archived: "true",
    });
  });

  it("invites only Slack members: people from other platforms cannot join a Slack channel", async () => {
    await slack.adapter.port.invite("slack:GNEWGROUP1", [
      "slack:U0ANNA",
      "matrix:@ben:example.org",
      "console:carla",
    ]);
    expect(slack.api.callsOf("conversations.invite").map((c) => c.args.users)).toEqual(["U0ANNA"]);
    await slack.adapter.port.invite("slack:GNEWGROUP1", ["matrix:@ben:example.org"]);
    expect(slack.api.callsOf("conversations.invite")).toHaveLength(1);
  });

  it("removes a member with conversations.kick; one already gone counts as removed", async () => {
    slack.api.respond("conversations.kick", () => ({ ok: true }));
    await slack.adapter.port.removeFromSpace("slack:GNEWGROUP1", "slack:U0BEN");
    slack.api.script("conversations.kick", { body: { ok: false, error: "not_in_channel" } });
    await slack.adapter.port.removeFromSpace("slack:GNEWGROUP1", "slack:U0BEN");
    await slack.adapter.port.removeFromSpace("slack:GNEWGROUP1", "matrix:@ben:example.org");
    expect(slack.api.callsOf("conversations.kick").map((c) => c.args)).toEqual([
      { channel: "GNEWGROUP1", user: "U0BEN" },
      { channel: "GNEWGROUP1", user: "U0BEN" },
    ]);
    slack.api.script("conversations.kick", { body: { ok: false, error: "restricted_action" } });
    await expect(slack.adapter.port.removeFromSpace("slack:GNEWGROUP1", "slack:U0BEN")).rejects.toMatchObject(
      { retryable: false, message: "slack conversations.kick failed: restricted_action" },
    );
  });
});
