import type { VirtualClock } from "../../../src/core/clock";
import type { App } from "../../../src/main";
import { startSlackCopbot, type SlackCopbot, type SlackHarness } from "../../support/slack-harness";
import {
  blockActions,
  envelope,
  eventCallback,
  messageEvent,
  reactionAddedEvent,
  slashCommand,
  viewSubmission,
  type HttpBody,
} from "../../support/slack-payloads";
import type { RecordedCall } from "../../support/slack-web-api";

const PROBLEM =
  "Jede Behörde migriert Altakten aus Papier anders in die E-Akte und erfindet Scanregeln, Metadaten und Aussonderung neu.";

/**
 * The "done when" story through the real core and the real Slack adapter, once over
 * signed HTTP requests and once over Socket Mode envelopes, asserting every Web API call.
 */
describe.each([
  ["signed HTTP requests", "http"],
  ["Socket Mode envelopes", "socket"],
] as const)("Slack story via %s", (_name, mode) => {
  let copbot: SlackCopbot;
  let app: App;
  let clock: VirtualClock;
  let slack: SlackHarness;
  let mark = 0;
  let n = 0;

  beforeAll(async () => {
    copbot = await startSlackCopbot(mode);
    ({ app, clock, slack } = copbot);
    // users.info as Slack answers it: the display name people know each other by.
    slack.api.respond("users.info", (a) => ({
      ok: true,
      user: { id: a.user, name: String(a.user).slice(2).toLowerCase(), tz: "Europe/Berlin", profile: {} },
    }));
    // Socket Mode has already called apps.connections.open; the story starts after that.
    mark = slack.api.calls.length;
  });
  afterAll(() => copbot.stop());

  /** Delivers one Slack request the way this transport does, and waits until it is handled. */
  const send = (body: HttpBody) => (mode === "http" ? slack.act(body) : slack.actViaSocket(envelope(body)));
  const command = (user: string, channel: string, text: string) =>
    send(
      slashCommand({
        text,
        user_id: user,
        channel_id: channel,
        response_url: slack.api.responseUrl(`c${++n}`),
      }),
    );
  const click = (user: string, channel: string, messageTs: string, actionId: string, value: string) =>
    send(
      blockActions({
        user,
        channel,
        messageTs,
        actionId,
        value,
        response_url: slack.api.responseUrl(`b${++n}`),
      }),
    );
  /** The Web API calls since the last look, as `[method, args]`. */
  const since = (): RecordedCall[] => {
    const calls = slack.api.calls.slice(mark);
    mark = slack.api.calls.length;
    return calls;
  };
  const methods = (calls: RecordedCall[]) => calls.map((c) => c.method);
  const textOf = (call: RecordedCall | undefined) => String(call?.args.text);
  const postedTs = (call: RecordedCall | undefined) => String(call?.result?.ts);

  it("asks in the Q&A channel, tags the expert in the thread, and ✅ solves it", async () => {
    await command("U0ADMIN", "C0FRAGEN", "qa channel add <#C0FRAGEN|fragen>");
    await command("U0ANNA", "C0FRAGEN", "expert add E-Akte");
    const setup = since();
    expect(methods(setup)).toEqual(["users.info", "response_url", "users.info", "response_url"]);
    expect(setup[1]?.args).toMatchObject({
      response_type: "ephemeral",
      text: "Hier erkenne ich jetzt Fragen: <#C0FRAGEN>",
    });

    await send(
      eventCallback(
        messageEvent({
          channel: "C0FRAGEN",
          user: "U0BEN",
          text: "Wie migriert ihr Altakten in die E-Akte? <!channel>",
          ts: "1764100000.000100",
        }),
      ),
    );
    const routed = since();
    expect(methods(routed)).toEqual(["users.info", "chat.postMessage"]);
    const tag = routed[1];
    expect(tag?.args).toMatchObject({ channel: "C0FRAGEN", thread_ts: "1764100000.000100" });
    expect(textOf(tag)).toContain("<@U0ANNA> – *E-Akte*");
    expect((tag?.args.blocks as { type: string }[]).at(-1)).toMatchObject({
      type: "actions",
      elements: [
        { action_id: "qa.solved", value: "1" },
        { action_id: "qa.more", value: "1" },
      ],
    });

    await send(
      eventCallback(
        messageEvent({
          channel: "C0FRAGEN",
          user: "U0ANNA",
          text: "Wir scannen nach Aktenplan und importieren per XDOMEA.",
          ts: "1764100100.000100",
          thread_ts: "1764100000.000100",
        }),
      ),
    );
    expect(methods(since())).toEqual([]);
    await send(
      eventCallback(
        reactionAddedEvent({
          user: "U0BEN",
          reaction: "white_check_mark",
          channel: "C0FRAGEN",
          ts: "1764100100.000100",
        }),
      ),
    );
    const solved = since();
    expect(methods(solved)).toEqual(["chat.getPermalink", "chat.postMessage"]);
    expect(solved[1]?.args).toMatchObject({ channel: "C0FRAGEN", thread_ts: "1764100000.000100" });
    expect(textOf(solved[1])).toMatch(/^✅ Gelöst nach .* – danke <@U0ANNA>!/);
  });

  it("a moderator creates a weekly meeting; the reminder has RSVP buttons and a click updates the count", async () => {
    await command("U0ADMIN", "C0TREFFEN", "mod add <@U0MARA|mara>");
    await command(
      "U0MARA",
      "C0TREFFEN",
      'meeting add "CoP-Treffen" weekly mon 10:00 in <#C0TREFFEN|treffen>',
    );
    const created = since();
    // Mara is looked up once, when the admin names her; the admin is known from before.
    expect(methods(created)).toEqual(["users.info", "response_url", "response_url"]);
    expect(created[0]?.args.user).toBe("U0MARA");
    expect(textOf(created[1])).toBe("<@U0MARA> ist jetzt Moderator:in.");
    expect(textOf(created[2])).toContain("Termin #1 „CoP-Treffen“ ist angelegt.");

    clock.set(new Date("2026-11-30T09:45:00+01:00"));
    await app.bot.tick();
    const reminded = since();
    expect(methods(reminded)).toEqual(["chat.postMessage"]);
    const reminder = reminded[0];
    expect(reminder?.args.channel).toBe("C0TREFFEN");
    expect(textOf(reminder)).toContain("Beginnt in 15 Minuten: *Mo, 30.11.2026, 10:00–11:00*");
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

    await click("U0BEN", "C0TREFFEN", postedTs(reminder), "meeting.rsvp", "1|2026-11-30T10:00|yes");
    const rsvp = since();
    expect(methods(rsvp).filter((m) => m !== "response_url")).toEqual(["chat.update"]);
    expect(rsvp.find((c) => c.method === "chat.update")?.args).toMatchObject({
      channel: "C0TREFFEN",
      ts: postedTs(reminder),
    });
    expect(textOf(rsvp.find((c) => c.method === "chat.update"))).toContain(
      "Zusagen: 1 · Vielleicht: 0 · Absagen: 0",
    );
  });

  it("a group proposal via modal becomes a private channel with the members invited", async () => {
    await command("U0ANNA", "C0ALLGEMEIN", "group propose");
    const opened = since();
    expect(methods(opened)).toEqual(["views.open"]);
    const view = opened[0]?.args.view as Record<string, unknown>;
    expect(view).toMatchObject({ type: "modal", callback_id: "group.propose" });

    await send(
      viewSubmission({
        user: "U0ANNA",
        view,
        values: {
          title: "Leitfaden E-Akte-Migration",
          problem: PROBLEM,
          deliverable: "leitfaden",
          due: "2027-01-25",
          size: "3-6",
          topics: "E-Akte",
        },
      }),
    );
    const proposed = since();
    expect(methods(proposed)).toEqual(["chat.postMessage", "conversations.open", "chat.postMessage"]);
    const call = proposed[0];
    expect(call?.args.channel).toBe("C0ALLGEMEIN");
    expect(textOf(call)).toContain("*Neue Arbeitsgruppe #1: Leitfaden E-Akte-Migration*");

    for (const user of ["U0BEN", "U0CARLA"])
      await click(user, "C0ALLGEMEIN", postedTs(call), "group.join", "1");
    const joined = since();
    expect(methods(joined).filter((m) => m === "chat.update")).toHaveLength(2);
    const ready = joined.at(-1);
    expect(ready?.method).toBe("chat.postMessage");
    expect(textOf(ready)).toContain("hat die Mindestgröße von 3 erreicht");

    await click("U0ANNA", String(ready?.args.channel), postedTs(ready), "group.start", "1");
    const formed = since();
    expect(methods(formed)).toEqual([
      "conversations.create",
      "conversations.setTopic",
      "conversations.invite",
      "chat.postMessage",
      "pins.add",
      "chat.update",
      "chat.postMessage",
      "chat.postMessage",
    ]);
    const [create, topic, invite, charter, pin, closedCall, announce, dm] = formed;
    expect(create?.args).toEqual({ name: "ag-1-leitfaden-e-akte-migration", is_private: "true" });
    expect(topic?.args.channel).toBe("GNEWGROUP1");
    expect(invite?.args).toEqual({ channel: "GNEWGROUP1", users: "U0ANNA,U0BEN,U0CARLA", force: "true" });
    expect(charter?.args.channel).toBe("GNEWGROUP1");
    expect(textOf(charter)).toContain("*Charta: Leitfaden E-Akte-Migration*");
    expect(pin?.args).toEqual({ channel: "GNEWGROUP1", timestamp: postedTs(charter) });
    // The call for participants no longer offers to join.
    expect(closedCall?.args).toMatchObject({ channel: "C0ALLGEMEIN", ts: postedTs(call) });
    expect(JSON.stringify(closedCall?.args.blocks)).not.toContain("group.join");
    expect(announce?.args.channel).toBe("C0ALLGEMEIN");
    expect(textOf(announce)).toContain(
      "Die Arbeitsgruppe „Leitfaden E-Akte-Migration“ startet mit 3 Personen.",
    );
    expect(dm?.args.channel).toBe("DU0ANNA");
    expect(textOf(dm)).toContain("<#GNEWGROUP1>");
  });

  it("never sends a broadcast: Ben's <!channel> comes back escaped, e.g. in search results", async () => {
    await command("U0CARLA", "C0FRAGEN", "search Altakten");
    const [found] = since();
    expect(found?.method).toBe("response_url");
    expect(JSON.stringify(found?.args)).toContain(
      "Wie migriert ihr Altakten in die E-Akte? &lt;!channel&gt;",
    );
    expect(JSON.stringify(slack.api.calls)).not.toMatch(/<!(channel|here|everyone)>/);
  });
});
