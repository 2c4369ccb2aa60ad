import { VirtualClock } from "../../../src/core/clock";
import { RateLimitedError } from "../../../src/core/errors";
import type { CoreEvent } from "../../../src/core/events";
import { bold, link, mention, msg, textMessage } from "../../../src/core/message";
import {
  ANNA,
  BEN,
  BOT,
  fragenRoom,
  settle,
  startRecordingRig,
  type MatrixRig,
  type RecordingRig,
} from "../../support/matrix-harness";

const START = new Date("2026-12-01T09:00:00Z");

/** The event id the stand-in gave to content the bot sent. */
function eventIdOf(rig: MatrixRig, content: unknown): string {
  for (const room of rig.hs.store.rooms.values()) {
    const hit = room.timeline.find((p) => p.event.content === content);
    if (hit) return hit.event.event_id;
  }
  return "";
}

describe("Matrix adapter, outbound at the homeserver boundary", () => {
  let rig: RecordingRig;
  let events: CoreEvent[];
  let room: string;

  beforeEach(async () => {
    rig = await startRecordingRig({
      clock: new VirtualClock(START),
      prepare: (hs) => {
        room = fragenRoom(hs, START.getTime() - 60_000);
      },
    });
    events = rig.events;
  });

  afterEach(async () => {
    await rig.stop();
  });

  it("posts HTML and plain bodies with a pill, m.mentions for exactly the tagged expert, in the thread", async () => {
    const root = rig.hs.send(room, ANNA, "m.room.message", { msgtype: "m.text", body: "Frage?" });
    await settle(rig);
    const ref = await rig.adapter.port.post(
      { kind: "channel", channelId: `matrix:${room}`, threadId: root },
      msg()
        .text(mention(`matrix:${BEN}`), ", kannst du helfen? ", bold("Dienstreise"))
        .context("Gefragt von ", "<b>@room</b> & Co", " · ", link("https://example.org/x?a=1&b=2", "Wiki"))
        .build(),
    );
    expect(ref).toEqual({ channelId: `matrix:${room}`, messageId: expect.stringMatching(/^\$/) });
    const [sent] = rig.hs.sent({ roomId: room, type: "m.room.message" });
    expect(sent?.body).toEqual({
      msgtype: "m.notice",
      body: "Ben Berg, kannst du helfen? Dienstreise\n\nGefragt von <b>@\u2060room</b> & Co · Wiki (https://example.org/x?a=1&b=2)",
      format: "org.matrix.custom.html",
      formatted_body:
        '<p><a href="https://matrix.to/#/@ben:example.org">Ben Berg</a>, kannst du helfen? <strong>Dienstreise</strong></p>' +
        '<p><font data-mx-color="#6b6f76">Gefragt von &lt;b&gt;@\u2060room&lt;/b&gt; &amp; Co · <a href="https://example.org/x?a=1&amp;b=2">Wiki</a></font></p>',
      "m.mentions": { user_ids: [BEN] },
      "m.relates_to": {
        rel_type: "m.thread",
        event_id: root,
        is_falling_back: true,
        "m.in_reply_to": { event_id: root },
      },
    });
  });

  it("quotes the latest thread message when it answers in a thread", async () => {
    const root = rig.hs.send(room, ANNA, "m.room.message", { msgtype: "m.text", body: "Frage?" });
    const reply = rig.hs.send(room, BEN, "m.room.message", {
      msgtype: "m.text",
      body: "Antwort",
      "m.relates_to": { rel_type: "m.thread", event_id: root, "m.in_reply_to": { event_id: root } },
    });
    await settle(rig);
    await rig.adapter.port.post(
      { kind: "channel", channelId: `matrix:${room}`, threadId: root },
      textMessage("Danke"),
    );
    const [sent] = rig.hs.sent({ roomId: room });
    expect(sent?.body).toMatchObject({
      "m.relates_to": { rel_type: "m.thread", event_id: root, "m.in_reply_to": { event_id: reply } },
    });
  });

  it("sends answers only for one person to their DM and marks the command with 📬 once", async () => {
    const command = rig.hs.send(room, ANNA, "m.room.message", { msgtype: "m.text", body: "!cop group list" });
    await settle(rig);
    const target = {
      kind: "ephemeral",
      channelId: `matrix:${room}`,
      userId: `matrix:${ANNA}`,
      threadId: command,
      replyToken: command,
    } as const;
    const ref = await rig.adapter.port.post(target, textMessage("Du bist in mehreren Gruppen (#1, #2)"));
    await rig.adapter.port.post(target, textMessage("Und noch etwas"));
    const dm = ref.channelId.replace(/^matrix:/, "");
    expect(dm).not.toBe(room);
    expect(rig.hs.store.accountData.get("m.direct")).toEqual({ [ANNA]: [dm] });
    expect(rig.hs.sent({ roomId: dm }).map((s) => s.body)).toEqual([
      expect.objectContaining({ msgtype: "m.notice", body: "Du bist in mehreren Gruppen (#1, #2)" }),
      expect.objectContaining({ msgtype: "m.notice", body: "Und noch etwas" }),
    ]);
    expect(rig.hs.sent({ roomId: room }).map((s) => [s.type, s.body])).toEqual([
      ["m.reaction", { "m.relates_to": { rel_type: "m.annotation", event_id: command, key: "📬" } }],
    ]);
  });

  it("answers a welcome or a click in the DM without marking anything", async () => {
    await rig.adapter.port.post(
      { kind: "ephemeral", channelId: `matrix:${room}`, userId: `matrix:${BEN}` },
      textMessage("Willkommen, Ben!"),
    );
    expect(rig.hs.sent({ roomId: room })).toEqual([]);
    const dm = (rig.hs.store.accountData.get("m.direct") as Record<string, string[]>)[BEN]?.[0] ?? "";
    expect(rig.hs.sent({ roomId: dm }).map((s) => s.body.body)).toEqual(["Willkommen, Ben!"]);
  });

  it("offers buttons as numbered reactions, adds them itself, and maps a click back to the action", async () => {
    const ref = await rig.adapter.port.post(
      { kind: "channel", channelId: `matrix:${room}` },
      msg()
        .text("Teamtreffen am Freitag")
        .button("rsvp", "Zusage", "yes")
        .button("rsvp", "Absage", "no")
        .build(),
    );
    const [message, ...reactions] = rig.hs.sent({ roomId: room });
    expect(message?.body).toMatchObject({
      body: "Teamtreffen am Freitag\n\nReagiere mit 1️⃣ Zusage · 2️⃣ Absage",
      "org.copbot.buttons": [
        { key: "1️⃣", action: "rsvp", value: "yes" },
        { key: "2️⃣", action: "rsvp", value: "no" },
      ],
    });
    expect(reactions.map((r) => [r.type, r.body])).toEqual(
      ["1️⃣", "2️⃣"].map((key) => [
        "m.reaction",
        { "m.relates_to": { rel_type: "m.annotation", event_id: ref.messageId, key } },
      ]),
    );
    rig.hs.send(room, ANNA, "m.reaction", {
      "m.relates_to": { rel_type: "m.annotation", event_id: ref.messageId, key: "2️⃣" },
    });
    await settle(rig);
    expect(events).toEqual([
      expect.objectContaining({
        kind: "button",
        messageId: ref.messageId,
        action: "rsvp",
        value: "no",
        userId: `matrix:${ANNA}`,
      }),
    ]);
  });

  it("reads the button table from the event when it did not post it in this run", async () => {
    const eventId = rig.hs.send(room, BOT, "m.room.message", {
      msgtype: "m.text",
      body: "Alt",
      "org.copbot.buttons": [{ key: "1️⃣", action: "groups.join", value: "7" }],
    });
    rig.hs.send(room, ANNA, "m.reaction", {
      "m.relates_to": { rel_type: "m.annotation", event_id: eventId, key: "1️⃣" },
    });
    await settle(rig);
    expect(events).toEqual([expect.objectContaining({ kind: "button", action: "groups.join", value: "7" })]);
    expect(rig.hs.requests.some((r) => r.path.endsWith(`/event/${encodeURIComponent(eventId)}`))).toBe(true);
  });

  it("edits a message in place without notifying the mentioned users again", async () => {
    const ref = await rig.adapter.port.post(
      { kind: "channel", channelId: `matrix:${room}` },
      textMessage("Zusagen: 0"),
    );
    await rig.adapter.port.update(ref, textMessage(mention(`matrix:${ANNA}`), " Zusagen: 1"));
    const edit = rig.hs.sent({ roomId: room })[1];
    expect(edit?.body).toEqual({
      msgtype: "m.notice",
      body: "* Anna Adler Zusagen: 1",
      format: "org.matrix.custom.html",
      formatted_body: '* <p><a href="https://matrix.to/#/@anna:example.org">Anna Adler</a> Zusagen: 1</p>',
      "m.new_content": {
        msgtype: "m.notice",
        body: "Anna Adler Zusagen: 1",
        format: "org.matrix.custom.html",
        formatted_body: '<p><a href="https://matrix.to/#/@anna:example.org">Anna Adler</a> Zusagen: 1</p>',
        "m.mentions": { user_ids: [ANNA] },
      },
      "m.relates_to": { rel_type: "m.replace", event_id: ref.messageId },
      "m.mentions": {},
    });
  });

  it("waits out M_LIMIT_EXCEEDED for retry_after_ms and sends the same transaction again", async () => {
    const isSend = (r: { method: string; path: string }): boolean =>
      r.method === "PUT" && r.path.includes("/send/");
    rig.hs.failNext(isSend, 429, {
      errcode: "M_LIMIT_EXCEEDED",
      error: "Too many requests",
      retry_after_ms: 1500,
    });
    await rig.adapter.port.post({ kind: "channel", channelId: `matrix:${room}` }, textMessage("Trotzdem da"));
    const attempts = rig.hs.requests.filter(isSend);
    expect(attempts).toHaveLength(2);
    expect(attempts[0]?.path).toBe(attempts[1]?.path);
    expect(rig.sleeps).toEqual([1500]);
    expect(rig.hs.mustRoom(room).timeline.filter((p) => p.event.content.body === "Trotzdem da")).toHaveLength(
      1,
    );
  });

  it("hands long rate limits to the outbox as RateLimitedError instead of blocking", async () => {
    const isSend = (r: { method: string; path: string }): boolean =>
      r.method === "PUT" && r.path.includes("/send/");
    rig.hs.failNext(isSend, 429, { errcode: "M_LIMIT_EXCEEDED", error: "slow down", retry_after_ms: 60_000 });
    const posting = rig.adapter.port.post(
      { kind: "channel", channelId: `matrix:${room}` },
      textMessage("Später"),
    );
    await expect(posting).rejects.toEqual(expect.any(RateLimitedError));
    await expect(posting).rejects.toMatchObject({ retryAfterMs: 60_000, retryable: true });
    expect(rig.sleeps).toEqual([]);
  });

  it("uploads an attached calendar file and posts it next to the message, in the same thread", async () => {
    const root = rig.hs.send(room, ANNA, "m.room.message", { msgtype: "m.text", body: "!cop meeting ics 1" });
    await settle(rig);
    const ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
    await rig.adapter.port.post(
      { kind: "channel", channelId: `matrix:${room}`, threadId: root },
      msg().text("Kalender").attach({ name: "teamtreffen.ics", mime: "text/calendar", content: ics }).build(),
    );
    const upload = rig.hs.requests.find((r) => r.path === "/_matrix/media/v3/upload");
    expect(upload?.query.get("filename")).toBe("teamtreffen.ics");
    expect(upload?.body).toBe(ics);
    const [text, file] = rig.hs.sent({ roomId: room });
    expect(text?.body.body).toBe("Kalender");
    expect(file?.body).toEqual({
      msgtype: "m.file",
      body: "teamtreffen.ics",
      filename: "teamtreffen.ics",
      url: expect.stringMatching(/^mxc:\/\/example\.org\//),
      info: { mimetype: "text/calendar", size: ics.length },
      "m.relates_to": {
        rel_type: "m.thread",
        event_id: root,
        is_falling_back: true,
        "m.in_reply_to": { event_id: eventIdOf(rig, text?.body) },
      },
    });
  });

  it("uploads several files in order, an image as m.image with its bytes intact", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x01]);
    await rig.adapter.port.post(
      { kind: "channel", channelId: `matrix:${room}` },
      msg()
        .text("Bericht")
        .attach({
          name: "bericht.png",
          mime: "image/png",
          content: png.toString("base64"),
          encoding: "base64",
        })
        .attach({ name: "bericht.csv", mime: "text/csv", content: "metric,value\r\n" })
        .build(),
    );
    const uploads = rig.hs.requests.filter((r) => r.path === "/_matrix/media/v3/upload");
    expect(uploads.map((u) => u.query.get("filename"))).toEqual(["bericht.png", "bericht.csv"]);
    const [, image, table] = rig.hs.sent({ roomId: room });
    expect(image?.body).toMatchObject({
      msgtype: "m.image",
      body: "bericht.png",
      info: { mimetype: "image/png", size: 10 },
    });
    expect(table?.body).toMatchObject({
      msgtype: "m.file",
      body: "bericht.csv",
      info: { mimetype: "text/csv" },
    });
  });

  it("hands a file that did not upload to the outbox; the retry adds only what was missing", async () => {
    const target = { kind: "channel", channelId: `matrix:${room}` } as const;
    const message = msg()
      .text("Bericht")
      .attach({ name: "bericht.png", mime: "image/png", content: "iVBORw0KGgo=", encoding: "base64" })
      .attach({ name: "bericht.csv", mime: "text/csv", content: "metric,value\r\n" })
      .build();
    const since = new Date();
    let uploads = 0;
    rig.hs.failNext((r) => r.path === "/_matrix/media/v3/upload" && ++uploads === 2, 502, {
      errcode: "M_UNKNOWN",
      error: "bad gateway",
    });
    await expect(
      rig.adapter.port.post(target, message, { id: "d-9", inDoubt: false, since }),
    ).rejects.toMatchObject({ retryable: true });
    const again = await rig.adapter.port.post(target, message, { id: "d-9", inDoubt: true, since });
    const fromBot = rig.hs
      .mustRoom(room)
      .timeline.map((p) => p.event)
      .filter((e) => e.sender === BOT && e.type === "m.room.message");
    expect(fromBot.map((e) => e.content["body"])).toEqual(["Bericht", "bericht.png", "bericht.csv"]);
    expect(again.messageId).toBe(fromBot[0]?.event_id);
  });

  it("opens a group conversation as a new private room with the people invited", async () => {
    const channelId = await rig.adapter.port.openGroupConversation?.({
      name: "Kontakt: anna, ben",
      topic: "Vorstellung durch copbot",
      memberIds: [`matrix:${ANNA}`, `matrix:${BEN}`],
    });
    const roomId = channelId?.replace(/^matrix:/, "") ?? "";
    const create = rig.hs.requests.filter((r) => r.path.endsWith("/createRoom")).at(-1);
    expect(create?.body).toMatchObject({
      preset: "private_chat",
      name: "Kontakt: anna, ben",
      invite: [ANNA, BEN],
    });
    expect(rig.hs.mustRoom(roomId).members("invite").sort()).toEqual([ANNA, BEN]);
  });

  it("uses an existing DM from m.direct, but never an encrypted one it could not read", async () => {
    const plain = rig.hs.createRoom({ creator: BEN, botJoined: true });
    const secret = rig.hs.createRoom({ creator: ANNA, botJoined: true, encrypted: true });
    rig.hs.store.accountData.set("m.direct", { [BEN]: [plain], [ANNA]: [secret] });
    await settle(rig);
    await rig.adapter.port.post({ kind: "dm", userId: `matrix:${BEN}` }, textMessage("Hallo Ben"));
    await rig.adapter.port.post({ kind: "dm", userId: `matrix:${ANNA}` }, textMessage("Hallo Anna"));
    expect(rig.hs.sent({ roomId: plain }).map((s) => s.body.body)).toEqual(["Hallo Ben"]);
    expect(rig.hs.sent({ roomId: secret })).toEqual([
      expect.objectContaining({ body: expect.objectContaining({ msgtype: "m.notice" }) }),
    ]);
    const fresh = (rig.hs.store.accountData.get("m.direct") as Record<string, string[]>)[ANNA] ?? [];
    expect(fresh).toHaveLength(2);
    expect(fresh[1]).toBe(secret);
    expect(rig.hs.sent({ roomId: fresh[0] }).map((s) => s.body.body)).toEqual(["Hallo Anna"]);
  });

  it("opens a DM with is_direct, records it in m.direct and reuses it", async () => {
    await rig.adapter.port.post({ kind: "dm", userId: `matrix:${ANNA}` }, textMessage("Hallo Anna"));
    await rig.adapter.port.post({ kind: "dm", userId: `matrix:${ANNA}` }, textMessage("Nochmal"));
    const creates = rig.hs.requests.filter((r) => r.path.endsWith("/createRoom"));
    expect(creates.map((r) => r.body)).toEqual([
      { invite: [ANNA], is_direct: true, preset: "trusted_private_chat" },
    ]);
    const dmRoom = [...rig.hs.store.rooms.keys()].find((id) => id !== room) ?? "";
    expect(rig.hs.store.accountData.get("m.direct")).toEqual({ [ANNA]: [dmRoom] });
    expect(rig.hs.sent({ roomId: dmRoom }).map((s) => s.body.body)).toEqual(["Hallo Anna", "Nochmal"]);
  });

  it("sends every event of a delivery with a transaction id from its delivery id, so a repeat is stored once", async () => {
    const target = { kind: "channel", channelId: `matrix:${room}` } as const;
    const message = msg()
      .text("Kommst du?")
      .button("meeting.rsvp", "Ja", "yes")
      .button("meeting.rsvp", "Nein", "no")
      .build();
    const since = new Date();
    const first = await rig.adapter.port.post(target, message, { id: "d-7", inDoubt: false, since });
    // copbot died before it recorded the post: the next attempt sends the same transactions.
    const again = await rig.adapter.port.post(target, message, { id: "d-7", inDoubt: true, since });
    expect(again).toEqual(first);
    const puts = rig.hs.requests.filter((r) => r.method === "PUT" && r.path.includes("/send/"));
    expect(puts.map((r) => decodeURIComponent(r.path.split("/").at(-1) ?? ""))).toEqual([
      "copbot.d-7.message",
      "copbot.d-7.choice0",
      "copbot.d-7.choice1",
      "copbot.d-7.message",
      "copbot.d-7.choice0",
      "copbot.d-7.choice1",
    ]);
    const sentByBot = () =>
      rig.hs
        .mustRoom(room)
        .timeline.map((p) => p.event)
        .filter((e) => e.sender === BOT && e.type !== "m.room.member");
    expect(sentByBot().map((e) => e.type)).toEqual(["m.room.message", "m.reaction", "m.reaction"]);

    await rig.adapter.port.update(first, textMessage("Geändert"), { id: "d-8", inDoubt: false, since });
    await rig.adapter.port.update(first, textMessage("Geändert"), { id: "d-8", inDoubt: true, since });
    expect(rig.hs.sent({ roomId: room, type: "m.room.message" })).toHaveLength(4);
    expect(sentByBot()).toHaveLength(4);
  });
});
