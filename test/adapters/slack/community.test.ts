import type { VirtualClock } from "../../../src/core/clock";
import { advanceVirtualClock } from "../../../src/core/runtime";
import type { App } from "../../../src/app";
import type { SlackCopbot, SlackHarness } from "../../support/slack-harness";
import { methods, postedTs, startSlackStory, textOf, type SlackStory } from "../../support/slack-story";

/**
 * Introductions, the report and a member's impact through the real Slack adapter over signed
 * HTTP requests: the group DM, the private follow-up with buttons, and the files uploaded.
 */
describe("community features over Slack", () => {
  let copbot: SlackCopbot;
  let app: App;
  let clock: VirtualClock;
  let slack: SlackHarness;
  let story: SlackStory;

  beforeAll(async () => {
    ({ copbot, story } = await startSlackStory("http"));
    ({ app, clock, slack } = copbot);
    slack.api.respondWithNames(() => ({ tz: "Europe/Berlin" }));
  });
  afterAll(() => copbot.stop());

  const at = (iso: string) => advanceVirtualClock(app.bot, clock, new Date(iso));
  const answers = () =>
    story
      .since()
      .filter((c) => c.method === "response_url")
      .map((c) => String(c.args.text));

  it("introduces two people of different organisations in a group DM and asks each privately a week later", async () => {
    for (const [user, org] of [
      ["U0ANNA", "Stadt Musterhausen"],
      ["U0BEN", "Land Brandenburg"],
    ] as const) {
      await story.command(user, "C0ALLGEMEIN", `profile org "${org}"`);
      await story.command(user, "C0ALLGEMEIN", "intros join E-Akte");
    }
    expect(answers().at(-1)).toContain("Du bist dabei!");

    // The default: every two weeks on Monday at 09:00, counted from today (Monday 30 Nov, 09:00).
    await at("2026-12-14T09:00:00+01:00");
    const round = story.since().filter((c) => c.method !== "users.info");
    expect(methods(round)).toEqual(["conversations.open", "chat.postMessage"]);
    expect(round[0]?.args.users).toBe("U0ANNA,U0BEN");
    expect(round[1]?.args.channel).toBe("DU0ANNA,U0BEN");
    const intro = textOf(round[1]);
    expect(intro).toContain(
      "Darf ich vorstellen? <@U0ANNA> (Stadt Musterhausen), <@U0BEN> (Land Brandenburg)",
    );
    expect(intro).toContain("Warum ihr? Ihr interessiert euch alle für E-Akte.");
    expect(intro).toContain("Gesprächsanstoß:");

    await at("2026-12-21T09:00:00+01:00");
    const asks = story.since().filter((c) => c.method === "chat.postMessage");
    expect(asks.map((c) => c.args.channel).sort()).toEqual(["U0ANNA", "U0BEN"]);
    const annasAsk = asks.find((c) => c.args.channel === "U0ANNA");
    expect(textOf(annasAsk)).toContain("Habt ihr euch getroffen?");
    const buttons = (annasAsk?.args.blocks as { type: string; elements?: { value?: string }[] }[]).at(-1);
    const met = buttons?.elements?.[0]?.value ?? "";
    expect(met).toMatch(/^\d+:met$/);

    await story.click("U0ANNA", "DU0ANNA", postedTs(annasAsk), "intros.met", met);
    const thanks = story.since().filter((c) => c.method === "chat.postMessage");
    expect(thanks.map((c) => [c.args.channel, c.args.text])).toEqual([
      ["U0ANNA", "Schön, danke für die Rückmeldung!"],
    ]);
    await story.command("U0ADMIN", "C0ALLGEMEIN", "intros stats");
    expect(answers().join("\n")).toContain("Getroffen: 1 von 1 nachgefragten Vorstellungen (100 %)");
  });

  it("uploads the report's chart and table and a member's impact file to their DMs", async () => {
    await story.command("U0ADMIN", "C0ALLGEMEIN", "report quarter");
    const report = story.since();
    const files = report.filter((c) => c.method === "files.getUploadURLExternal").map((c) => c.args.filename);
    expect(files).toEqual(["copbot-bericht-2026-Q4.png", "copbot-bericht-2026-Q4.csv"]);
    const uploads = report.filter((c) => c.method === "upload").map((c) => String(c.args.content));
    expect(uploads[0]).toContain("PNG");
    expect(uploads[1]).toContain("introductions_met,1");
    expect(report.find((c) => c.method === "files.completeUploadExternal")?.args.channel_id).toBe("DU0ADMIN");
    expect(
      report
        .filter((c) => c.method === "response_url")
        .map((c) => String(c.args.text))
        .join("\n"),
    ).toContain("Community-Bericht 2026-Q4");

    await story.command("U0BEN", "C0ALLGEMEIN", "impact");
    const impact = story.since();
    const file = impact.find((c) => c.method === "files.getUploadURLExternal");
    expect(String(file?.args.filename)).toMatch(/^copbot-beitrag-2026-12-21\.md$/);
    expect(impact.find((c) => c.method === "files.completeUploadExternal")?.args.channel_id).toBe("DU0BEN");
    expect(
      impact
        .filter((c) => c.method === "upload")
        .map((c) => String(c.args.content))
        .join(""),
    ).not.toContain("U0ANNA");
  });
});
