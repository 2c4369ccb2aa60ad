import { ANNA, BEN, CARLA } from "../../support/matrix-harness";
import { E2eeWorld } from "../../support/matrix-e2ee";
import type { ClearEvent, E2eeMember } from "../../support/matrix-member";

/** The copbot story of the Matrix suite, in rooms and DMs that are all end-to-end encrypted. */
describe("the copbot story in encrypted Matrix rooms", () => {
  let w: E2eeWorld;
  let anna: E2eeMember;
  let ben: E2eeMember;
  let carla: E2eeMember;

  beforeAll(async () => {
    w = await E2eeWorld.create();
    await w.start();
    [anna, ben, carla] = [await w.member(ANNA), await w.member(BEN), await w.member(CARLA)];
  });

  afterAll(async () => {
    await w.close();
  });

  /** The bot message in a room whose choices include `action`, as the member reads it. */
  async function withAction(
    member: E2eeMember,
    roomId: string,
    action: string,
  ): Promise<ClearEvent | undefined> {
    return (await member.readFromBot(roomId)).find((e) =>
      JSON.stringify(e.content["org.copbot.buttons"] ?? []).includes(`"${action}"`),
    );
  }

  it("asks, pings the expert in the thread, and a ✅ solves the question", async () => {
    await anna.say(w.room, "!cop qa channel add");
    await ben.say(w.room, "!cop expert add Dienstreise");
    await w.app.settle();
    const question = await carla.say(w.room, "Wie rechne ich eine Dienstreise nach Berlin ab?");
    await w.app.settle();
    const ping = (await carla.readFromBot(w.room)).find((e) => JSON.stringify(e.content).includes(BEN));
    expect(ping?.content).toMatchObject({ "m.relates_to": { rel_type: "m.thread", event_id: question } });
    const answer = await ben.say(w.room, "Über das Reisekostenportal, Formular RK-1.", question);
    await w.app.settle();
    await carla.react(w.room, answer, "✅");
    await w.app.settle();
    const row = w.app.app.db.prepare("SELECT status FROM qa_questions").get() as
      { status: string } | undefined;
    expect(row?.status).toBe("solved");
  });

  it("reminds of the meeting with RSVP choices, and a click updates the count in an encrypted edit", async () => {
    await anna.say(w.room, '!cop meeting add "Teamtreffen" weekly mon 10:00 in #fragen');
    await w.app.settle();
    await w.app.advance(new Date("2026-11-30T10:00:00+01:00"));
    const reminder = await withAction(carla, w.room, "meeting.rsvp");
    expect(String(reminder?.content.body)).toContain("Reagiere mit 1️⃣ Zusage · 2️⃣ Vielleicht · 3️⃣ Absage");
    const choices = (await carla.readFromBot(w.room)).filter(
      (e) => e.type === "m.reaction" && JSON.stringify(e.content).includes(reminder?.eventId ?? "-"),
    );
    expect(choices).toHaveLength(3);

    await carla.react(w.room, reminder?.eventId ?? "", "1️⃣");
    await w.app.settle();
    const edit = (await carla.readFromBot(w.room)).at(-1);
    expect(edit?.content["m.relates_to"]).toEqual({ rel_type: "m.replace", event_id: reminder?.eventId });
    expect((edit?.content["m.new_content"] as { body: string }).body).toContain("Zusagen: 1");
  });

  it("forms a working group in a room the server encrypts, with the charter pinned and readable", async () => {
    await anna.say(
      w.room,
      '!cop group propose title="AG Barrierefreiheit" problem="Unsere Formulare sind nicht barrierefrei und jede ' +
        'Behörde fängt neu an" deliverable=Leitfaden due=2027-02-15 size=3-6 topics="Barrierefreiheit"',
    );
    await w.app.settle();
    const call = await withAction(ben, w.room, "group.join");
    await ben.react(w.room, call?.eventId ?? "", "1️⃣");
    await carla.react(w.room, call?.eventId ?? "", "1️⃣");
    await w.app.settle();
    const offer = await withAction(anna, w.dmOf(ANNA), "group.start");
    await anna.react(w.dmOf(ANNA), offer?.eventId ?? "", "1️⃣");
    await w.app.settle();

    const group = [...w.hs.store.rooms.values()].find((r) =>
      String(r.stateEvent("m.room.name")?.content.name).startsWith("ag-1-"),
    );
    expect(group?.stateEvent("m.room.encryption")).toBeDefined();
    expect(group?.members("invite").sort()).toEqual([ANNA, BEN, CARLA]);
    const roomId = group?.id ?? "";
    for (const member of [anna, ben, carla]) {
      const [charter] = await member.readFromBot(roomId);
      expect(String(charter?.content.body)).toContain("AG Barrierefreiheit");
      expect(group?.stateEvent("m.room.pinned_events")?.content).toEqual({ pinned: [charter?.eventId] });
    }
  });

  it("sent nothing in clear: every member reads every message copbot sent to them", async () => {
    for (const member of [anna, ben, carla]) {
      for (const room of w.hs.store.rooms.values()) {
        if (room.membership(member.userId) !== "join" && room.membership(member.userId) !== "invite")
          continue;
        await expect(member.readFromBot(room.id)).resolves.toBeDefined();
      }
    }
    expect(w.hs.sent().every((s) => s.type === "m.room.encrypted")).toBe(true);
    expect(w.hs.sent().length).toBeGreaterThan(20);
  });
});
