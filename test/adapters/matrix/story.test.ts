import { t } from "../../../src/i18n";
import { ANNA, BEN, CARLA, communityAndSpace } from "../../support/matrix-harness";
import { startMatrixApp, type MatrixApp } from "../../support/matrix-app";

const START = "2026-11-30T09:00:00+01:00";
const EARLIER = new Date(START).getTime() - 3_600_000;

type Sent = { roomId: string; type: string; body: Record<string, unknown> };

describe("the copbot story on Matrix, through the real core and a stand-in homeserver", () => {
  let m: MatrixApp & { rooms: Record<string, string> };
  let fragen: string;

  beforeEach(async () => {
    m = await startMatrixApp({
      start: START,
      env: {
        COPBOT_ADMINS: `matrix:${ANNA}`,
        MATRIX_SPACE_ID: "#cop:example.org",
        MATRIX_COMMUNITY_ROOM_ID: "#fragen:example.org",
      },
      prepare: (hs) => {
        const rooms = communityAndSpace(hs, { community: "fragen", space: "CoP" }, EARLIER);
        hs.send(
          rooms.community,
          CARLA,
          "m.room.message",
          { msgtype: "m.text", body: "Alte Frage zur Dienstreise?" },
          EARLIER + 1,
        );
        return rooms;
      },
    });
    fragen = m.rooms.community ?? "";
  });

  afterEach(async () => {
    await m.stop();
  });

  const sentSince = (from: number): Sent[] => m.hs.sent().slice(from);
  /** copbot's DM room with a person, as recorded in its `m.direct`. */
  const dmOf = (user: string): string =>
    (m.hs.store.accountData.get("m.direct") as Record<string, string[]> | undefined)?.[user]?.[0] ?? "";
  /** The event id the stand-in gave a message copbot sent. */
  const eventOf = (sent: Sent | undefined): string =>
    m.hs.mustRoom(sent?.roomId ?? "").timeline.find((p) => p.event.content === sent?.body)?.event.event_id ??
    "";
  const withAction = (action: string): Sent | undefined =>
    m.hs.sent().find((s) => JSON.stringify(s.body["org.copbot.buttons"] ?? []).includes(`"${action}"`));
  const react = async (roomId: string, sender: string, eventId: string, key: string): Promise<string> => {
    const id = m.hs.send(roomId, sender, "m.reaction", {
      "m.relates_to": { rel_type: "m.annotation", event_id: eventId, key },
    });
    await m.settle();
    return id;
  };
  const say = async (sender: string, content: Record<string, unknown>): Promise<string> => {
    const id = m.hs.send(fragen, sender, "m.room.message", content);
    await m.settle();
    return id;
  };

  it("asks in a room, pings the expert with a pill in the thread, and ✅ solves it", async () => {
    expect(m.hs.sent()).toEqual([]);

    // Answers for one person go to their DM; the room only sees 📬 on the command.
    const command = await say(ANNA, { msgtype: "m.text", body: "!cop qa channel add" });
    let out = sentSince(0);
    expect(out).toEqual([
      { roomId: dmOf(ANNA), type: "m.room.message", body: expect.objectContaining({ msgtype: "m.notice" }) },
      {
        roomId: fragen,
        type: "m.reaction",
        body: { "m.relates_to": { rel_type: "m.annotation", event_id: command, key: "📬" } },
      },
    ]);
    expect(dmOf(ANNA)).not.toBe(fragen);

    let mark = m.hs.sent().length;
    await say(BEN, { msgtype: "m.text", body: "!cop expert add Dienstreise" });
    expect(sentSince(mark).map((s) => [s.roomId, s.type])).toEqual([
      [dmOf(BEN), "m.room.message"],
      [fragen, "m.reaction"],
    ]);

    mark = m.hs.sent().length;
    const question = await say(CARLA, {
      msgtype: "m.text",
      body: "Wie rechne ich eine Dienstreise nach Berlin ab?",
    });
    out = sentSince(mark);
    const ping = out.find((s) => JSON.stringify(s.body["m.mentions"]).includes(BEN));
    expect(ping?.body).toMatchObject({
      "m.mentions": { user_ids: [BEN] },
      "m.relates_to": { rel_type: "m.thread", event_id: question, is_falling_back: true },
      formatted_body: expect.stringContaining('<a href="https://matrix.to/#/@ben:example.org">Ben Berg</a>'),
    });
    expect(String(ping?.body.body)).toContain("Ben Berg");

    const answer = await say(BEN, {
      msgtype: "m.text",
      body: "Über das Reisekostenportal, Formular RK-1.",
      "m.relates_to": { rel_type: "m.thread", event_id: question, "m.in_reply_to": { event_id: question } },
    });
    mark = m.hs.sent().length;
    const check = m.hs.send(fragen, CARLA, "m.reaction", {
      "m.relates_to": { rel_type: "m.annotation", event_id: answer, key: "✅" },
    });
    await m.settle();
    out = sentSince(mark);
    expect(out.length).toBeGreaterThan(0);
    expect(
      out.every((s) => (s.body["m.relates_to"] as { event_id?: string } | undefined)?.event_id === question),
    ).toBe(true);
    const status = () =>
      (m.app.db.prepare("SELECT status FROM qa_questions").get() as { status: string } | undefined)?.status;
    expect(status()).toBe("solved");

    // #19.3: redacting the ✅ takes the solution back; the question is open again.
    mark = m.hs.sent().length;
    m.hs.redact(fragen, CARLA, check);
    await m.settle();
    const reopened = sentSince(mark);
    expect(reopened.map((s) => s.body.body)).toEqual(["Frage #1 ist wieder offen."]);
    expect(status()).toBe("open");
  });

  it("reminds of the weekly meeting with RSVP choices, and a click updates the count in place", async () => {
    // Ben may add meetings only as a moderator: his power level 50 in the community room makes him one.
    await say(BEN, { msgtype: "m.text", body: '!cop meeting add "Teamtreffen" weekly mon 10:00 in #fragen' });
    const created = m.hs.sent({ roomId: dmOf(BEN) })[0];
    expect(created?.body).toMatchObject({
      msgtype: "m.notice",
      body: expect.stringContaining("Teamtreffen"),
    });
    expect(String(created?.body.body)).toContain("!cop meeting preview 1");

    await m.advance(new Date("2026-11-30T10:00:00+01:00"));
    const reminder = withAction("meeting.rsvp");
    expect(reminder?.roomId).toBe(fragen);
    expect(reminder?.body).toMatchObject({
      msgtype: "m.notice",
      body: expect.stringContaining("Reagiere mit 1️⃣ Zusage · 2️⃣ Vielleicht · 3️⃣ Absage"),
      "org.copbot.buttons": [
        { key: "1️⃣", action: "meeting.rsvp", value: "1|2026-11-30T10:00|yes" },
        { key: "2️⃣", action: "meeting.rsvp", value: "1|2026-11-30T10:00|maybe" },
        { key: "3️⃣", action: "meeting.rsvp", value: "1|2026-11-30T10:00|no" },
      ],
    });
    const reminderId = eventOf(reminder);
    const choices = m.hs
      .sent({ type: "m.reaction" })
      .map((r) => r.body["m.relates_to"] as { event_id?: string })
      .filter((relation) => relation.event_id === reminderId);
    expect(choices).toEqual(
      ["1️⃣", "2️⃣", "3️⃣"].map((key) => ({ rel_type: "m.annotation", event_id: reminderId, key })),
    );

    let mark = m.hs.sent().length;
    const choice = await react(fragen, CARLA, reminderId, "1️⃣");
    const editSince = (from: number) =>
      sentSince(from).find(
        (s) => (s.body["m.relates_to"] as { rel_type?: string })?.rel_type === "m.replace",
      );
    const edit = editSince(mark);
    expect(edit?.body["m.relates_to"]).toEqual({ rel_type: "m.replace", event_id: reminderId });
    expect((edit?.body["m.new_content"] as { body: string }).body).toContain("Zusagen: 1");

    // #19.3: redacting the choice withdraws the RSVP.
    mark = m.hs.sent().length;
    m.hs.redact(fragen, CARLA, choice);
    await m.settle();
    expect((editSince(mark)?.body["m.new_content"] as { body: string }).body).toContain("Zusagen: 0");
  });

  it("forms a proposed group as a private room inside the space, members invited, charter pinned", async () => {
    await say(ANNA, {
      msgtype: "m.text",
      body:
        '!cop group propose title="AG Barrierefreiheit" problem="Unsere Formulare sind nicht barrierefrei und jede ' +
        'Behörde fängt neu an" deliverable=Leitfaden due=2027-02-15 size=3-6 topics="Barrierefreiheit"',
    });
    const call = withAction("group.join");
    expect(call?.roomId).toBe(fragen);
    for (const who of [BEN, CARLA]) await react(fragen, who, eventOf(call), "1️⃣");

    const offer = withAction("group.start");
    expect(offer?.roomId).not.toBe(fragen);
    expect(offer?.roomId).toBe(dmOf(ANNA));
    await react(offer?.roomId ?? "", ANNA, eventOf(offer), "1️⃣");

    const creates = m.hs.requests
      .filter((r) => r.path.endsWith("/createRoom"))
      .map((r) => r.body as Record<string, unknown>);
    const groupRoom = creates.find((c) => c.preset === "private_chat");
    expect(groupRoom).toMatchObject({
      preset: "private_chat",
      visibility: "private",
      topic: "AG Barrierefreiheit",
      initial_state: [
        {
          type: "m.space.parent",
          state_key: m.rooms.space,
          content: { via: ["example.org"], canonical: true },
        },
      ],
    });
    expect((groupRoom?.invite as string[]).sort()).toEqual([ANNA, BEN, CARLA]);
    const roomId =
      [...m.hs.store.rooms.values()].find((r) => r.stateEvent("m.space.parent", m.rooms.space))?.id ?? "";
    expect(m.hs.mustRoom(m.rooms.space ?? "").stateEvent("m.space.child", roomId)?.content).toEqual({
      via: ["example.org"],
      suggested: false,
    });
    const charter = m.hs.sent({ roomId }).find((s) => s.type === "m.room.message");
    expect(String(charter?.body.body)).toContain("AG Barrierefreiheit");
    expect(m.hs.mustRoom(roomId).stateEvent("m.room.pinned_events")?.content).toEqual({
      pinned: [eventOf(charter)],
    });
  });

  it("welcomes a new member in a DM, with commands as code, and not again when they accept the DM", async () => {
    const dora = "@dora:example.org";
    m.hs.membership(fragen, dora, dora, "join");
    await m.settle();
    expect(m.hs.sent({ roomId: fragen })).toEqual([]);
    const dm = dmOf(dora);
    m.hs.membership(dm, dora, dora, "join");
    await m.settle();
    const welcome = m.hs.sent({ roomId: dm });
    expect(welcome).toHaveLength(1);
    expect(welcome[0]?.body).toMatchObject({
      msgtype: "m.notice",
      body: expect.stringContaining("`!cop help`"),
      formatted_body: expect.stringContaining("<code>!cop help</code>"),
    });
  });

  it("proposes a group step by step in a DM: the command in the room, the answers in the DM, the call in the room", async () => {
    const command = await say(ANNA, { msgtype: "m.text", body: "!cop group propose" });
    const dm = dmOf(ANNA);
    expect(m.hs.mustRoom(dm).membership(ANNA)).toBe("invite");
    expect(m.hs.sent({ roomId: fragen }).map((s) => s.body)).toEqual([
      { "m.relates_to": { rel_type: "m.annotation", event_id: command, key: "📬" } },
    ]);
    const lastInDm = (): string => String(m.hs.sent({ roomId: dm }).at(-1)?.body.body);
    expect(lastInDm()).toContain(t("de", "group.dialog.ask.title"));

    m.hs.membership(dm, ANNA, ANNA, "join");
    await m.settle();
    const steps: [answer: string, next: Parameters<typeof t>[1]][] = [
      ["AG Barrierefreiheit", "group.dialog.ask.problem"],
      [
        "Unsere Formulare sind nicht barrierefrei und jede Behörde fängt neu an",
        "group.dialog.ask.deliverable",
      ],
      ["Leitfaden", "group.dialog.ask.due"],
      ["15.02.2027", "group.dialog.ask.size"],
      ["-", "group.dialog.ask.topics"],
      ["Barrierefreiheit", "group.dialog.ask.facilitator"],
    ];
    for (const [answer, next] of steps) {
      m.hs.send(dm, ANNA, "m.room.message", { msgtype: "m.text", body: answer });
      await m.settle();
      expect(lastInDm()).toBe(t("de", next));
    }
    m.hs.send(dm, ANNA, "m.room.message", { msgtype: "m.text", body: "ich" });
    await m.settle();

    expect(lastInDm()).toContain("AG Barrierefreiheit");
    const call = withAction("group.join");
    expect(call?.roomId).toBe(fragen);
    expect(String(call?.body.body)).toContain("AG Barrierefreiheit");
    expect(m.hs.requests.filter((r) => r.path.endsWith("/createRoom"))).toHaveLength(1);
  });
});
