import { MeetingRepo } from "../../../src/meetings/meeting-repo";
import type { VirtualClock } from "../../../src/core/clock";
import type { App } from "../../../src/app";
import type { SlackCopbot, SlackHarness } from "../../support/slack-harness";
import {
  appHomeOpenedEvent,
  eventCallback,
  messageEvent,
  reactionAddedEvent,
} from "../../support/slack-payloads";
import {
  methods,
  postedTs,
  startSlackStory,
  TRANSPORTS,
  textOf,
  type SlackStory,
} from "../../support/slack-story";
import { MIGRATION_PROBLEM } from "../../support/groups-fixtures";
import { ANNAS_HOME } from "./story-home";

/**
 * The "done when" story through the real core and the real Slack adapter, once over
 * signed HTTP requests and once over Socket Mode envelopes, asserting every Web API call.
 */
describe.each(TRANSPORTS)("Slack story via %s", (_name, mode) => {
  let copbot: SlackCopbot;
  let app: App;
  let clock: VirtualClock;
  let slack: SlackHarness;
  let story: SlackStory;

  beforeAll(async () => {
    ({ copbot, story } = await startSlackStory(mode));
    ({ app, clock, slack } = copbot);
    // users.info as Slack answers it: the display name people know each other by.
    slack.api.respondWithNames(() => ({ tz: "Europe/Berlin" }));
  });
  afterAll(() => copbot.stop());

  it("asks in the Q&A channel, tags the expert in the thread, and ✅ solves it", async () => {
    await story.command("U0ADMIN", "C0FRAGEN", "qa channel add <#C0FRAGEN|fragen>");
    await story.command("U0ANNA", "C0FRAGEN", "expert add E-Akte");
    const setup = story.since();
    expect(methods(setup)).toEqual(["users.info", "response_url", "users.info", "response_url"]);
    expect(setup[1]?.args).toMatchObject({
      response_type: "ephemeral",
      text: "Hier erkenne ich jetzt Fragen: <#C0FRAGEN>",
    });

    await story.event(
      messageEvent({
        channel: "C0FRAGEN",
        user: "U0BEN",
        text: "Wie migriert ihr Altakten in die E-Akte? <!channel>",
        ts: "1764100000.000100",
      }),
    );
    const routed = story.since();
    expect(methods(routed)).toEqual(["users.info", "chat.postMessage"]);
    const tag = routed[1];
    expect(tag?.args).toMatchObject({ channel: "C0FRAGEN", thread_ts: "1764100000.000100" });
    expect(textOf(tag)).toContain("<@U0ANNA> – *E-Akte*");
    expect((tag?.args.blocks as { type: string }[]).at(-1)).toMatchObject({
      type: "actions",
      elements: [
        { action_id: "qa.solved", value: "1" },
        { action_id: "qa.more", value: "1" },
        { action_id: "qa.follow", value: "1" },
      ],
    });

    await story.event(
      messageEvent({
        channel: "C0FRAGEN",
        user: "U0ANNA",
        text: "Wir scannen nach Aktenplan und importieren per XDOMEA.",
        ts: "1764100100.000100",
        thread_ts: "1764100000.000100",
      }),
    );
    expect(methods(story.since())).toEqual([]);
    await story.event(
      reactionAddedEvent({
        user: "U0BEN",
        reaction: "white_check_mark",
        channel: "C0FRAGEN",
        ts: "1764100100.000100",
      }),
    );
    const solved = story.since();
    expect(methods(solved)).toEqual(["chat.getPermalink", "chat.postMessage"]);
    expect(solved[1]?.args).toMatchObject({ channel: "C0FRAGEN", thread_ts: "1764100000.000100" });
    expect(textOf(solved[1])).toMatch(/^✅ Gelöst nach .* – danke <@U0ANNA>!/);
  });

  it("a moderator creates a weekly meeting through the modal; the reminder has RSVP buttons and a click updates the count", async () => {
    await story.command("U0ADMIN", "C0TREFFEN", "mod add <@U0MARA|mara>");
    const named = story.since();
    // Mara is looked up once, when the admin names her; the admin is known from before.
    expect(methods(named)).toEqual(["users.info", "response_url"]);
    expect(named[0]?.args.user).toBe("U0MARA");
    expect(textOf(named[1])).toBe("<@U0MARA> ist jetzt Moderator:in.");

    await story.command("U0MARA", "C0TREFFEN", "meeting add");
    const opened = story.since();
    expect(methods(opened)).toEqual(["views.open"]);
    const view = opened[0]?.args.view as Record<string, unknown>;
    expect(view).toMatchObject({
      type: "modal",
      callback_id: "meeting.add",
      title: { type: "plain_text", text: "Neuer Termin" },
      submit: { type: "plain_text", text: "Anlegen" },
      private_metadata: JSON.stringify({ form: "slack:C0TREFFEN", channel: "C0TREFFEN" }),
    });
    expect(
      (view.blocks as { block_id: string; optional: boolean }[]).map((b) => [b.block_id, b.optional]),
    ).toEqual([
      ["title", false],
      ["channel", true],
      ["rule", false],
      ["options", true],
    ]);

    // The channel is typed as people do; the name is looked up in Slack's channel list.
    slack.api.respond("conversations.list", () => ({
      ok: true,
      channels: [{ id: "C0TREFFEN", name: "treffen" }],
      response_metadata: { next_cursor: "" },
    }));
    await story.submitView("U0MARA", view, {
      title: "CoP-Treffen",
      channel: "#treffen",
      rule: "weekly mon 10:00",
      options: "link https://meet.example.org/cop",
    });
    const created = story.since();
    expect(methods(created)).toEqual(["conversations.list", "chat.postMessage"]);
    // A DM goes to the member's user id: Slack opens the DM itself.
    expect(created[1]?.args.channel).toBe("U0MARA");
    expect(textOf(created[1])).toContain("Termin #1 „CoP-Treffen“ ist angelegt.");
    expect(new MeetingRepo(app.db).list()).toMatchObject([
      {
        id: 1,
        title: "CoP-Treffen",
        channelId: "slack:C0TREFFEN",
        link: "https://meet.example.org/cop",
        createdBy: "slack:U0MARA",
      },
    ]);

    clock.set(new Date("2026-11-30T09:45:00+01:00"));
    await app.bot.tick();
    const reminded = story.since();
    expect(methods(reminded)).toEqual(["chat.postMessage"]);
    const reminder = reminded[0];
    expect(reminder?.args.channel).toBe("C0TREFFEN");
    expect(textOf(reminder)).toContain("Beginnt in 15 Minuten: *Mo, 30.11.2026, 10:00–11:00*");
    expect(textOf(reminder)).toContain("https://meet.example.org/cop");
    expect(textOf(reminder)).toContain("Zusagen: 0 · Vielleicht: 0 · Absagen: 0");
    const buttons = (reminder?.args.blocks as { type: string; elements?: unknown[] }[]).at(-1);
    expect(buttons).toMatchObject({
      type: "actions",
      elements: [
        { action_id: "meeting.rsvp", value: "1|2026-11-30T10:00|yes" },
        { action_id: "meeting.rsvp#1", value: "1|2026-11-30T10:00|maybe" },
        { action_id: "meeting.rsvp#2", value: "1|2026-11-30T10:00|no" },
      ],
    });

    await story.click("U0BEN", "C0TREFFEN", postedTs(reminder), "meeting.rsvp", "1|2026-11-30T10:00|yes");
    const rsvp = story.since();
    // 45 minutes on, Ben's workspace role is asked for again (it is cached for 5 minutes).
    expect(methods(rsvp).filter((m) => m !== "response_url")).toEqual(["users.info", "chat.update"]);
    expect(rsvp.find((c) => c.method === "chat.update")?.args).toMatchObject({
      channel: "C0TREFFEN",
      ts: postedTs(reminder),
    });
    expect(textOf(rsvp.find((c) => c.method === "chat.update"))).toContain(
      "Zusagen: 1 · Vielleicht: 0 · Absagen: 0",
    );
  });

  it("a group proposal via modal becomes a private channel with the members invited", async () => {
    await story.command("U0ANNA", "C0ALLGEMEIN", "group propose");
    const opened = story.since();
    // Anna's workspace role was last asked for at 09:00; the clock is at 09:45 now.
    expect(methods(opened)).toEqual(["users.info", "views.open"]);
    const view = opened[1]?.args.view as Record<string, unknown>;
    expect(view).toMatchObject({ type: "modal", callback_id: "group.propose" });

    await story.submitView("U0ANNA", view, {
      title: "Leitfaden E-Akte-Migration",
      problem: MIGRATION_PROBLEM,
      deliverable: "leitfaden",
      due: "2027-01-25",
      size: "3-6",
      topics: "E-Akte",
    });
    const proposed = story.since();
    expect(methods(proposed)).toEqual(["chat.postMessage", "chat.postMessage"]);
    const call = proposed[0];
    expect(call?.args.channel).toBe("C0ALLGEMEIN");
    expect(textOf(call)).toContain("*Neue Arbeitsgruppe #1: Leitfaden E-Akte-Migration*");

    for (const user of ["U0BEN", "U0CARLA"])
      await story.click(user, "C0ALLGEMEIN", postedTs(call), "group.join", "1");
    const joined = story.since();
    expect(methods(joined).filter((m) => m === "chat.update")).toHaveLength(2);
    const ready = joined.at(-1);
    expect(ready?.method).toBe("chat.postMessage");
    expect(textOf(ready)).toContain("hat die Mindestgröße von 3 erreicht");

    // The DM was posted to Anna's user id; Slack answered with the DM's channel, where she clicks.
    await story.click("U0ANNA", String(ready?.result?.channel), postedTs(ready), "group.start", "1");
    const formed = story.since();
    // The platform steps come first, in order; then each conversation gets its messages in
    // order, while conversations go side by side.
    const [create, topic, invite] = formed;
    expect(methods(formed.slice(0, 3))).toEqual([
      "conversations.create",
      "conversations.setTopic",
      "conversations.invite",
    ]);
    const inGroup = formed.filter((c) => c.args.channel === "GNEWGROUP1").slice(2);
    const inAllgemein = formed.filter((c) => c.args.channel === "C0ALLGEMEIN");
    const toAnna = formed.filter((c) => c.args.channel === "U0ANNA");
    expect(methods(inGroup)).toEqual(["chat.postMessage", "pins.add"]);
    expect(methods(inAllgemein)).toEqual(["chat.update", "chat.postMessage"]);
    expect(methods(toAnna)).toEqual(["chat.postMessage"]);
    expect(formed).toHaveLength(8);
    const [charter, pin] = inGroup;
    const [closedCall, announce] = inAllgemein;
    const [dm] = toAnna;
    expect(create?.args).toEqual({ name: "ag-1-leitfaden-e-akte-migration", is_private: "true" });
    expect(topic?.args.channel).toBe("GNEWGROUP1");
    expect(invite?.args).toEqual({ channel: "GNEWGROUP1", users: "U0ANNA,U0BEN,U0CARLA", force: "true" });
    expect(textOf(charter)).toContain("*Charta: Leitfaden E-Akte-Migration*");
    expect(pin?.args).toEqual({ channel: "GNEWGROUP1", timestamp: postedTs(charter) });
    // The call for participants no longer offers to join.
    expect(closedCall?.args).toMatchObject({ channel: "C0ALLGEMEIN", ts: postedTs(call) });
    expect(JSON.stringify(closedCall?.args.blocks)).not.toContain("group.join");
    expect(textOf(announce)).toContain(
      "Die Arbeitsgruppe „Leitfaden E-Akte-Migration“ startet mit 3 Personen.",
    );
    expect(textOf(dm)).toContain("<#GNEWGROUP1>");
  });

  it("Anna's App Home shows her expertise, her group, the next meetings and her settings", async () => {
    const opened = eventCallback(
      appHomeOpenedEvent({ user: "U0ANNA", tab: "home", event_ts: "1764100900.000100" }),
    );
    // The Home tab is no core event: it is answered by publishing a view, so wait for that.
    await story.deliver(opened);
    await slack.api.waitFor("views.publish");
    const home = story.since();
    // The home reads copbot's own data: no profile or role lookups on the way.
    expect(methods(home)).toEqual(["views.publish"]);
    const publish = home[0];
    expect(publish?.args.user_id).toBe("U0ANNA");
    const view = publish?.args.view as { type: string; blocks: Record<string, unknown>[] };
    expect(view.type).toBe("home");
    expect(view.blocks).toEqual(ANNAS_HOME);
  });

  it("never sends a broadcast: Ben's <!channel> comes back as plain text, e.g. in search results", async () => {
    await story.command("U0CARLA", "C0FRAGEN", "search Altakten");
    const [found] = story.since();
    expect(found?.method).toBe("response_url");
    expect(JSON.stringify(found?.args)).toContain("Wie migriert ihr Altakten in die E-Akte? @channel");
    expect(JSON.stringify(slack.api.calls)).not.toMatch(/<!(channel|here|everyone)>/);
  });

  it("reads a question with a mention and a link as people see it in Slack", async () => {
    await story.event(
      messageEvent({
        channel: "C0FRAGEN",
        user: "U0BEN",
        text: "Hat <@U0ANNA> den Scan-Leitfaden <https://wiki.example.org/scan?a=1&amp;b=2|im Wiki> schon aktualisiert?",
        ts: "1764100400.000100",
      }),
    );
    story.since();
    const stored = app.db
      .prepare("SELECT text FROM qa_questions WHERE message_id = ?")
      .get("1764100400.000100");
    expect(stored).toEqual({
      text: "Hat @anna den Scan-Leitfaden im Wiki (https://wiki.example.org/scan?a=1&b=2) schon aktualisiert?",
    });
  });

  it("closes the group with a result link Slack sent wrapped as <https://…>", async () => {
    await story.command(
      "U0ANNA",
      "C0ALLGEMEIN",
      "group close <https://wiki.example.org/leitfaden-e-akte> Leitfaden mit Checkliste",
    );
    const closed = story.since();
    expect(methods(closed)).toContain("conversations.archive");
    const answer = closed.find((c) => c.method === "response_url");
    expect(textOf(answer)).toBe("„Leitfaden E-Akte-Migration“ ist abgeschlossen – danke für eure Arbeit!");
  });
});
