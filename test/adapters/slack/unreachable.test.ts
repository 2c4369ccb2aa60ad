import type { SlackCopbot } from "../../support/slack-harness";
import { methods, startSlackStory, TRANSPORTS, textOf, type SlackStory } from "../../support/slack-story";

const PROPOSAL =
  'group propose title="Leitfaden E-Akte-Migration" problem="Jede Behörde migriert Altakten aus Papier anders in die E-Akte und erfindet Scanregeln neu" deliverable=Leitfaden due=2027-01-25';

/**
 * Slack refuses posts into a private channel copbot is not in (`channel_not_found`) and, without
 * `chat:write.public`, into public ones (`not_in_channel`); such a post is dropped for good. The
 * person whose command or form caused it is told privately how to let copbot in.
 */
describe.each(TRANSPORTS)("a post copbot cannot deliver, via %s", (_name, mode) => {
  let copbot: SlackCopbot;
  let story: SlackStory;

  beforeEach(async () => {
    ({ copbot, story } = await startSlackStory(mode));
  });
  afterEach(() => copbot.stop());

  it("tells the proposer to invite copbot into the private channel the call could not reach", async () => {
    copbot.slack.api.script("chat.postMessage", { body: { ok: false, error: "channel_not_found" } });
    await story.command("U0ANNA", "G0PRIVAT", PROPOSAL);
    // The note follows the event's handling.
    await copbot.slack.api.waitFor("response_url", 2);
    const calls = story.since();
    expect(methods(calls)).toEqual(["users.info", "chat.postMessage", "response_url", "response_url"]);
    expect(calls[1]?.args.channel).toBe("G0PRIVAT");
    const note = calls[3];
    expect(note?.args).toMatchObject({ response_type: "ephemeral" });
    expect(textOf(note)).toBe(
      "Dort konnte ich nichts posten, weil ich kein Mitglied bin: <#G0PRIVAT> Lade mich dort mit /invite @copbot ein und versuch es dann noch einmal.",
    );
  });

  it("DMs the note after a proposal form whose call could not reach the public channel", async () => {
    const view = await story.openedView("U0ANNA", "C0ALLGEMEIN", "group propose");
    copbot.slack.api.script("chat.postMessage", { body: { ok: false, error: "not_in_channel" } });
    await story.submitView("U0ANNA", view, {
      title: "Leitfaden E-Akte-Migration",
      problem: "Jede Behörde migriert Altakten aus Papier anders in die E-Akte und erfindet Scanregeln neu",
      deliverable: "leitfaden",
      due: "2027-01-25",
    });
    await copbot.slack.api.waitFor("chat.postMessage", 3);
    const calls = story.since();
    expect(methods(calls)).toEqual(["chat.postMessage", "chat.postMessage", "chat.postMessage"]);
    expect(calls[2]?.args.channel).toBe("U0ANNA");
    expect(textOf(calls[2])).toContain("<#C0ALLGEMEIN> Lade mich dort mit /invite @copbot ein");
  });
});
