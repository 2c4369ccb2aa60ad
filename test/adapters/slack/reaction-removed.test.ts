import { QuestionRepo } from "../../../src/qa/question-repo";
import type { SlackCopbot } from "../../support/slack-harness";
import { messageEvent, reactionAddedEvent, reactionRemovedEvent } from "../../support/slack-payloads";
import { methods, startSlackStory, textOf, type SlackStory } from "../../support/slack-story";

/**
 * #19.2/#19.3 at the Slack boundary (signed HTTP requests into Bolt): ✅ on copbot's reply
 * solves, `reaction_removed` of that ✅ opens the question again; someone else's ✅ gets a
 * private hint and taking it back changes nothing.
 */
describe("Slack: ✅ on copbot's reply, and taking it back", () => {
  let copbot: SlackCopbot;
  let story: SlackStory;
  beforeAll(async () => {
    ({ copbot, story } = await startSlackStory("http"));
    copbot.slack.api.respondWithNames(() => ({ tz: "Europe/Berlin" }));
  });
  afterAll(() => copbot.stop());

  const check = (user: string, ts: string, removed = false) =>
    story.event(
      (removed ? reactionRemovedEvent : reactionAddedEvent)({
        user,
        reaction: "white_check_mark",
        channel: "C0FRAGEN",
        ts,
      }),
    );

  it("solves with the asker's ✅ on copbot's reply and reopens when it is removed", async () => {
    await story.command("U0ADMIN", "C0FRAGEN", "qa channel add <#C0FRAGEN|fragen>");
    await story.command("U0ANNA", "C0FRAGEN", "expert add E-Akte");
    await story.event(
      messageEvent({
        channel: "C0FRAGEN",
        user: "U0BEN",
        text: "Wie migriert ihr Altakten in die E-Akte?",
        ts: "1764100000.000100",
      }),
    );
    const routed = story.since().find((c) => c.method === "chat.postMessage");
    const replyTs = String(routed?.result?.ts);
    await story.event(
      messageEvent({
        channel: "C0FRAGEN",
        user: "U0ANNA",
        text: "Wir scannen nach Aktenplan.",
        ts: "1764100100.000100",
        thread_ts: "1764100000.000100",
      }),
    );
    story.since();

    await check("U0CARLA", replyTs);
    const hint = story.since();
    expect(methods(hint)).toEqual(["users.info", "chat.postEphemeral"]);
    expect(textOf(hint[1])).toContain("Als gelöst markieren kann Frage #1 nur, wer sie gestellt hat");
    await check("U0CARLA", replyTs, true);
    expect(methods(story.since())).toEqual([]);

    await check("U0BEN", replyTs);
    const solved = story.since().filter((c) => c.method === "chat.postMessage");
    expect(solved).toHaveLength(1);
    expect(textOf(solved[0])).toMatch(/^✅ Gelöst nach .* – danke <@U0ANNA>!/);
    const repo = new QuestionRepo(copbot.app.db);
    expect(repo.get(1)?.status).toBe("solved");

    await check("U0BEN", replyTs, true);
    const reopened = story.since().filter((c) => c.method === "chat.postMessage");
    expect(reopened.map(textOf)).toEqual(["Frage #1 ist wieder offen."]);
    expect(reopened[0]?.args).toMatchObject({ channel: "C0FRAGEN", thread_ts: "1764100000.000100" });
    expect(repo.get(1)?.status).toBe("open");
  });
});
