import type { VirtualClock } from "../../../src/core/clock";
import type { App } from "../../../src/app";
import { startSlackCopbot, type SlackCopbot, type SlackHarness } from "../../support/slack-harness";
import { slashCommand } from "../../support/slack-payloads";

/** The real core behind the real Slack adapter: signed requests in, Web API calls out. */
describe("copbot core on Slack", () => {
  let copbot: SlackCopbot;
  let app: App;
  let clock: VirtualClock;
  let slack: SlackHarness;

  beforeEach(async () => {
    copbot = await startSlackCopbot("http");
    ({ app, clock, slack } = copbot);
  });
  afterEach(() => copbot.stop());

  const command = (text: string, user = "U0ANNA", id = "c1") =>
    slack.post(
      slashCommand({ text, user_id: user, channel_id: "C0FRAGEN", response_url: slack.api.responseUrl(id) }),
    );

  it("answers /cop help ephemerally, in German, via the response_url", async () => {
    expect((await command("help")).status).toBe(200);
    const [reply] = await slack.api.waitFor("response_url");
    expect(reply?.args).toMatchObject({ url: "c1", response_type: "ephemeral" });
    expect(String(reply?.args.text)).toContain("Das kannst du mit copbot tun:");
  });

  it("refuses /cop mod add from a member, and lets an admin add a moderator given as a Slack mention", async () => {
    await command("mod add <@U0BEN|ben>", "U0ANNA", "anna");
    const [refused] = await slack.api.waitFor("response_url");
    expect(refused?.args.url).toBe("anna");
    expect(String(refused?.args.text)).toMatch(/dürfen nur Personen mit der Rolle/);
    expect(app.bot.services.members.get("slack:U0BEN")?.role ?? "member").toBe("member");

    await command("mod add <@U0BEN|ben>", "U0ADMIN", "admin");
    const replies = await slack.api.waitFor("response_url", 2);
    expect(replies[1]?.args.url).toBe("admin");
    expect(String(replies[1]?.args.text)).toContain("<@U0BEN>");
    expect(app.bot.services.members.get("slack:U0BEN")?.role).toBe("moderator");
  });

  it("holds a rate-limited answer until Retry-After has passed, then delivers it once", async () => {
    slack.api.script("response_url", { status: 429, headers: { "retry-after": "30" }, body: { ok: false } });
    await command("help");
    await slack.api.waitFor("response_url");
    await slack.settle();
    expect(app.bot.services.outbox.pendingCount()).toBe(1);

    clock.advance(29_000);
    await app.bot.tick();
    expect(slack.api.callsOf("response_url")).toHaveLength(1);

    clock.advance(1_000);
    await app.bot.tick();
    expect(slack.api.callsOf("response_url")).toHaveLength(2);
    expect(app.bot.services.outbox.pendingCount()).toBe(0);
  });
});
