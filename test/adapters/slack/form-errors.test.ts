import { MeetingRepo } from "../../../src/meetings/meeting-repo";
import { groupRepo } from "../../../src/groups/context";
import type { SlackCopbot } from "../../support/slack-harness";
import { envelope, viewSubmission, type HttpBody } from "../../support/slack-payloads";
import { methods, startSlackStory, TRANSPORTS, textOf, type SlackStory } from "../../support/slack-story";
import { MIGRATION_PROBLEM } from "../../support/groups-fixtures";

/**
 * A modal with a problem stays open and shows what to fix next to the field (Slack's
 * `response_action: "errors"`), instead of closing and losing everything typed. Checked
 * through the real core and the real adapter, over signed HTTP requests and Socket Mode.
 */
describe.each(TRANSPORTS)("Slack modal field errors via %s", (_name, mode) => {
  let copbot: SlackCopbot;
  let story: SlackStory;

  beforeEach(async () => {
    ({ copbot, story } = await startSlackStory(mode));
  });
  afterEach(() => copbot.stop());

  const proposed = () => groupRepo(copbot.app.bot.services).list(["proposed"]);

  /** Submits a modal and returns what the app acknowledged (the HTTP body or the envelope's payload). */
  async function submit(body: HttpBody): Promise<unknown> {
    if (mode === "socket") {
      const ack = await copbot.slack.api.sendEnvelope(envelope(body));
      return ack.payload ?? {};
    }
    const res = await copbot.slack.post(body);
    expect(res.status).toBe(200);
    const text = await res.text();
    return text === "" ? {} : (JSON.parse(text) as unknown);
  }

  it("keeps a group proposal open with each problem at its field; nothing is stored until it is fixed", async () => {
    const view = await story.openedView("U0ANNA", "C0ALLGEMEIN", "group propose");
    const typed = {
      title: "AG",
      problem: "Digitalisierung verbessern",
      deliverable: "leitfaden",
      due: "2026-12-02",
      size: "3-6",
      topics: "E-Akte",
    };
    const handledBefore = copbot.slack.handled;
    expect(await submit(viewSubmission({ user: "U0ANNA", view, values: typed }))).toEqual({
      response_action: "errors",
      errors: {
        title: expect.stringContaining("3") as unknown,
        problem: expect.any(String) as unknown,
        due: expect.any(String) as unknown,
      },
    });
    await copbot.slack.settle();
    // The core never saw the submission: no DM, no call for participants, no group.
    expect(copbot.slack.handled).toBe(handledBefore);
    expect(story.since()).toEqual([]);
    expect(proposed()).toEqual([]);

    const fixed = {
      ...typed,
      title: "Leitfaden E-Akte-Migration",
      problem: MIGRATION_PROBLEM,
      due: "2027-01-25",
    };
    await story.submitView("U0ANNA", view, fixed);
    const created = story.since();
    expect(methods(created)).toEqual(["chat.postMessage", "chat.postMessage"]);
    expect(textOf(created[0])).toContain("Leitfaden E-Akte-Migration");
    expect(proposed()).toMatchObject([{ title: "Leitfaden E-Akte-Migration" }]);
  });

  it("keeps a meeting modal open with the rule's problem at the rule field", async () => {
    const view = await story.openedView("U0ADMIN", "C0TREFFEN", "meeting add");
    const typed = { title: "CoP-Treffen", rule: "manchmal irgendwann" };
    const ack = (await submit(viewSubmission({ user: "U0ADMIN", view, values: typed }))) as {
      response_action?: string;
      errors?: Record<string, string>;
    };
    expect(ack.response_action).toBe("errors");
    expect(Object.keys(ack.errors ?? {})).toEqual(["rule"]);
    await copbot.slack.settle();
    expect(story.since()).toEqual([]);
    expect(new MeetingRepo(copbot.app.db).list()).toEqual([]);

    await story.submitView("U0ADMIN", view, { ...typed, rule: "weekly mon 10:00" });
    expect(textOf(story.since().at(-1))).toContain("„CoP-Treffen“ ist angelegt.");
    expect(new MeetingRepo(copbot.app.db).list()).toMatchObject([
      { title: "CoP-Treffen", channelId: "slack:C0TREFFEN" },
    ]);
  });
});
