import { VirtualClock } from "../../../src/core/clock";
import type { CoreEvent } from "../../../src/core/events";
import { textMessage } from "../../../src/core/message";
import {
  ANNA,
  BEN,
  BOT,
  fragenRoom,
  settle,
  startRecordingRig,
  type RecordingRig,
} from "../../support/matrix-harness";

const START = new Date("2026-12-01T09:00:00Z");
const HOUR = 3_600_000;

describe("Matrix adapter, inbound at the homeserver boundary", () => {
  let clock: VirtualClock;
  let rig: RecordingRig;
  let events: CoreEvent[];
  let room: string;
  let oldIds: string[];

  beforeEach(async () => {
    clock = new VirtualClock(START);
    oldIds = [];
    rig = await startRecordingRig({
      clock,
      prepare: (hs) => {
        room = fragenRoom(hs, START.getTime() - 2 * HOUR);
        for (let i = 0; i < 30; i += 1) {
          const body = i % 3 === 0 ? "!cop help" : `Alte Frage ${i}?`;
          oldIds.push(
            hs.send(
              room,
              i % 2 ? ANNA : BEN,
              "m.room.message",
              { msgtype: "m.text", body },
              START.getTime() - HOUR + i,
            ),
          );
        }
      },
    });
    events = rig.events;
  });

  afterEach(async () => {
    await rig.stop();
  });

  const say = (sender: string, content: Record<string, unknown>): string =>
    rig.hs.send(room, sender, "m.room.message", content);

  it("ignores the history the first sync replays: nothing is handled, nothing is answered", async () => {
    const firstSync = rig.hs.requests.find((r) => r.path === "/_matrix/client/v3/sync");
    expect(firstSync?.query.get("since")).toBeNull();
    expect(events).toEqual([]);
    expect(rig.hs.sent()).toEqual([]);
  });

  it("turns a room message into a message event with platform-qualified ids", async () => {
    const id = say(ANNA, { msgtype: "m.text", body: "Wie beantrage ich eine Dienstreise?" });
    await settle(rig);
    expect(events).toEqual([
      {
        kind: "message",
        id: `matrix:${id}`,
        platform: "matrix",
        at: START,
        userId: `matrix:${ANNA}`,
        userName: "Anna Adler",
        channelId: `matrix:${room}`,
        isDm: false,
        messageId: id,
        text: "Wie beantrage ich eine Dienstreise?",
        mentionsBot: false,
      },
    ]);
  });

  it("handles a duplicated event once", async () => {
    const id = say(ANNA, { msgtype: "m.text", body: "Einmal bitte" });
    await settle(rig);
    rig.hs.replay(room, id);
    rig.hs.replay(room, oldIds[5] ?? "");
    await settle(rig);
    expect(events.map((e) => e.id)).toEqual([`matrix:${id}`]);
  });

  it("reads `!cop …` as a command, also in a thread, and ignores notices and its own events", async () => {
    const root = say(ANNA, { msgtype: "m.text", body: "Frage" });
    const command = say(BEN, {
      msgtype: "m.text",
      body: "!cop mod add Anna Adler",
      format: "org.matrix.custom.html",
      formatted_body: '!cop mod add <a href="https://matrix.to/#/@anna:example.org">Anna Adler</a>',
      "m.relates_to": {
        rel_type: "m.thread",
        event_id: root,
        is_falling_back: true,
        "m.in_reply_to": { event_id: root },
      },
    });
    say(BEN, { msgtype: "m.notice", body: "!cop help" });
    rig.hs.send(room, BOT, "m.room.message", { msgtype: "m.text", body: "!cop help" });
    await settle(rig);
    expect(events.map((e) => e.kind)).toEqual(["message", "command"]);
    expect(events[1]).toMatchObject({
      kind: "command",
      text: `mod add ${ANNA}`,
      threadId: root,
      userId: `matrix:${BEN}`,
      // The port marks this event with 📬 when the answer goes to the DM.
      replyToken: command,
    });
  });

  it("puts thread replies and rich replies to known messages into the thread", async () => {
    const root = say(ANNA, { msgtype: "m.text", body: "Wurzel" });
    const inThread = say(BEN, {
      msgtype: "m.text",
      body: "Antwort im Thread",
      "m.relates_to": { rel_type: "m.thread", event_id: root, "m.in_reply_to": { event_id: root } },
    });
    say(ANNA, {
      msgtype: "m.text",
      body: "> <@ben:example.org> Antwort im Thread\n\nDanke!",
      "m.relates_to": { "m.in_reply_to": { event_id: inThread } },
    });
    say(ANNA, {
      msgtype: "m.text",
      body: "Antwort auf Unbekanntes",
      "m.relates_to": { "m.in_reply_to": { event_id: "$unknown" } },
    });
    await settle(rig);
    expect(events.map((e) => (e.kind === "message" ? [e.text, e.threadId] : []))).toEqual([
      ["Wurzel", undefined],
      ["Antwort im Thread", root],
      ["Danke!", root],
      ["Antwort auf Unbekanntes", undefined],
    ]);
  });

  it("notices when the bot is addressed by m.mentions, by pill or by name", async () => {
    say(ANNA, { msgtype: "m.text", body: "copbot, hilf mir", "m.mentions": {} });
    say(ANNA, { msgtype: "m.text", body: "ich mag copbot", "m.mentions": {} });
    say(ANNA, { msgtype: "m.text", body: "hallo", "m.mentions": { user_ids: [BOT] } });
    say(ANNA, { msgtype: "m.text", body: "hallo du", "m.mentions": { user_ids: [BEN] } });
    await settle(rig);
    expect(events.map((e) => e.kind === "message" && e.mentionsBot)).toEqual([true, false, true, false]);
  });

  it("maps ✅ reactions, edits and redactions", async () => {
    const question = say(ANNA, { msgtype: "m.text", body: "Frage?" });
    rig.hs.send(room, BEN, "m.reaction", {
      "m.relates_to": { rel_type: "m.annotation", event_id: question, key: "✅" },
    });
    rig.hs.send(room, ANNA, "m.reaction", {
      "m.relates_to": { rel_type: "m.annotation", event_id: question, key: "✔️" },
    });
    say(ANNA, {
      msgtype: "m.text",
      body: "* Frage, genauer?",
      "m.new_content": { msgtype: "m.text", body: "Frage, genauer?" },
      "m.relates_to": { rel_type: "m.replace", event_id: question },
    });
    rig.hs.redact(room, ANNA, question);
    await settle(rig);
    expect(
      events.map((e) => ({ kind: e.kind, ...("messageId" in e ? { messageId: e.messageId } : {}) })),
    ).toEqual([
      { kind: "message", messageId: question },
      { kind: "reaction", messageId: question },
      { kind: "reaction", messageId: question },
      { kind: "message_edited", messageId: question },
      { kind: "message_deleted", messageId: question },
    ]);
    expect(events[1]).toMatchObject({ emoji: "white_check_mark", userId: `matrix:${BEN}` });
    expect(events[2]).toMatchObject({ emoji: "white_check_mark" });
    expect(events[3]).toMatchObject({ text: "Frage, genauer?" });
    // A ✅ can never be a button click, so copbot does not fetch the event it was put on.
    expect(rig.hs.requests.filter((r) => r.path.includes("/event/"))).toEqual([]);
  });

  it("joins a room it is invited to and ignores the history it sees there", async () => {
    const other = rig.hs.createRoom({ creator: BEN, members: [ANNA], name: "neu" });
    for (let i = 0; i < 5; i += 1)
      rig.hs.send(other, ANNA, "m.room.message", { msgtype: "m.text", body: `Vorher ${i}?` });
    rig.hs.membership(other, BEN, BOT, "invite");
    await settle(rig);
    await settle(rig);
    expect(rig.hs.mustRoom(other).membership(BOT)).toBe("join");
    const now = rig.hs.send(other, ANNA, "m.room.message", { msgtype: "m.text", body: "Jetzt?" });
    await settle(rig);
    expect(events.map((e) => e.id)).toEqual([`matrix:${now}`]);
  });

  it("reports members joining, but not display name changes", async () => {
    rig.hs.membership(room, "@dora:example.org", "@dora:example.org", "join");
    rig.hs.membership(room, "@dora:example.org", "@dora:example.org", "join", { displayname: "Dora" });
    await settle(rig);
    expect(events.map((e) => [e.kind, "userId" in e ? e.userId : undefined])).toEqual([
      ["member_joined", "matrix:@dora:example.org"],
    ]);
  });

  it("does not report someone accepting copbot's DM as joining the community", async () => {
    const ref = await rig.adapter.port.post({ kind: "dm", userId: `matrix:${ANNA}` }, textMessage("Hallo"));
    const dm = ref.channelId.replace(/^matrix:/, "");
    rig.hs.membership(dm, ANNA, ANNA, "join");
    await settle(rig);
    rig.hs.send(dm, ANNA, "m.room.message", { msgtype: "m.text", body: "Hallo zurück" });
    await settle(rig);
    expect(events.map((e) => [e.kind, "isDm" in e ? e.isDm : undefined])).toEqual([["message", true]]);
  });
});
