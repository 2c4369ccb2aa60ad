import type { VirtualClock } from "../../../src/core/clock";
import { SlackHarness, startSlackCopbot, type SlackCopbot } from "../../support/slack-harness";
import { SlackStory } from "../../support/slack-story";
import type { RecordedCall } from "../../support/slack-web-api";

/** Slack workspace owners and admins moderate copbot; the role comes from `users.info`. */
describe("Slack workspace admins as copbot moderators", () => {
  let copbot: SlackCopbot;
  let slack: SlackHarness;
  let clock: VirtualClock;
  let story: SlackStory;
  /** What the stand-in's `users.info` says about each user's workspace role. */
  const workspace: Record<string, { is_owner?: boolean; is_admin?: boolean }> = {
    U0OWNER: { is_owner: true, is_admin: true },
    U0BOSS: { is_admin: true },
    U0BEN: {},
  };

  beforeAll(async () => {
    copbot = await startSlackCopbot("http");
    ({ clock, slack } = copbot);
    slack.api.respondWithNames((user) => ({ is_owner: false, is_admin: false, ...workspace[user] }));
    story = new SlackStory(slack, "http");
  });
  afterAll(() => copbot.stop());

  const command = (user: string, text: string) => story.command(user, "C0TREFFEN", text);
  const since = () => story.since();
  const summary = (calls: RecordedCall[]) =>
    calls.map((c) => (c.method === "response_url" ? String(c.args.text) : c.method));

  it("lets workspace owners and admins moderate, but not administrate copbot", async () => {
    await command("U0BOSS", "meeting add");
    expect(summary(since())).toEqual(["users.info", "views.open"]);
    await command("U0OWNER", "meeting add");
    expect(summary(since())).toEqual(["users.info", "views.open"]);
    await command("U0OWNER", "audit");
    expect(summary(since())).toEqual([
      "`/cop audit` dürfen nur Personen mit der Rolle Admin nutzen – du bist Moderator:in.",
    ]);
  });

  it("keeps other members members", async () => {
    await command("U0BEN", "meeting add");
    expect(summary(since())).toEqual([
      "users.info",
      "`/cop meeting add` dürfen nur Personen mit der Rolle Moderator:in nutzen – du bist Mitglied.",
    ]);
  });

  it("asks Slack again after five minutes, so a demoted admin loses the role", async () => {
    workspace["U0BOSS"] = {};
    clock.set(new Date("2026-11-30T09:04:00+01:00"));
    await command("U0BOSS", "meeting add");
    // Within five minutes the cached answer counts: no users.info call.
    expect(summary(since())).toEqual(["views.open"]);

    clock.set(new Date("2026-11-30T09:05:30+01:00"));
    await command("U0BOSS", "meeting add");
    expect(summary(since())).toEqual([
      "users.info",
      "`/cop meeting add` dürfen nur Personen mit der Rolle Moderator:in nutzen – du bist Mitglied.",
    ]);
  });

  it("grants no role when Slack cannot be asked", async () => {
    clock.set(new Date("2026-11-30T09:20:00+01:00"));
    slack.api.script("users.info", { body: { ok: false, error: "fatal_error" } });
    await command("U0OWNER", "meeting add");
    expect(summary(since())).toEqual([
      "users.info",
      "`/cop meeting add` dürfen nur Personen mit der Rolle Moderator:in nutzen – du bist Mitglied.",
    ]);
    // The next event asks again instead of remembering the failure.
    await command("U0OWNER", "meeting add");
    expect(summary(since())).toEqual(["users.info", "views.open"]);
  });
});

describe("SLACK_ADMINS_MODERATE=false", () => {
  it("keeps workspace admins plain members of copbot", async () => {
    const granted = await SlackHarness.start("http");
    const withheld = await SlackHarness.start("http", { config: { adminsModerate: false } });
    try {
      for (const h of [granted, withheld]) h.api.respondWithNames(() => ({ is_owner: true, is_admin: true }));
      expect(await granted.adapter.port.platformRole("slack:U0BOSS")).toBe("moderator");
      expect(await withheld.adapter.port.platformRole("slack:U0BOSS")).toBeUndefined();
      expect(withheld.api.calls.filter((c) => c.method === "users.info")).toHaveLength(0);
    } finally {
      await granted.stop();
      await withheld.stop();
    }
  });
});
