import { VirtualClock } from "../../../src/core/clock";
import type { CoreEvent } from "../../../src/core/events";
import {
  ANNA,
  BEN,
  BOT,
  CARLA,
  communityAndSpace,
  settle,
  startMatrixRig,
  startRecordingRig,
  type RecordingRig,
} from "../../support/matrix-harness";

const START = new Date("2026-12-01T09:00:00Z");
const EARLIER = START.getTime() - 60_000;

describe("Matrix adapter, rooms, spaces and roles", () => {
  let rig: RecordingRig;
  let events: CoreEvent[];
  let community: string;
  let space: string;

  async function start(config: { autojoin?: string[] } = {}): Promise<void> {
    rig = await startRecordingRig({
      clock: new VirtualClock(START),
      prepare: (hs) => {
        ({ community, space } = communityAndSpace(
          hs,
          { community: "Community", space: "CoP Space" },
          EARLIER,
        ));
      },
      config: { spaceId: "#cop:example.org", communityRoomId: "#fragen:example.org", ...config },
    });
    events = rig.events;
  }

  afterEach(async () => {
    await rig.stop();
  });

  it("creates a group room: private, named, members invited, inside the space", async () => {
    await start();
    const channelId = await rig.adapter.port.createPrivateSpace({
      name: "AG Barrierefreiheit",
      topic: "Charta: barrierefreie Formulare bis März",
      memberIds: [`matrix:${ANNA}`, `matrix:${BEN}`, "slack:U1", `matrix:${BOT}`],
    });
    const roomId = channelId.replace(/^matrix:/, "");
    const create = rig.hs.requests.find((r) => r.path.endsWith("/createRoom"));
    expect(create?.body).toEqual({
      preset: "private_chat",
      visibility: "private",
      name: "AG Barrierefreiheit",
      topic: "Charta: barrierefreie Formulare bis März",
      invite: [ANNA, BEN],
      initial_state: [
        { type: "m.space.parent", state_key: space, content: { via: ["example.org"], canonical: true } },
      ],
    });
    const child = rig.hs.requests.find((r) => r.method === "PUT" && r.path.includes("/state/m.space.child/"));
    expect(child?.path).toBe(
      `/_matrix/client/v3/rooms/${encodeURIComponent(space)}/state/m.space.child/${encodeURIComponent(roomId)}`,
    );
    expect(child?.body).toEqual({ via: ["example.org"], suggested: false });
    expect(rig.hs.mustRoom(roomId).members("invite").sort()).toEqual([ANNA, BEN]);

    const ref = await rig.adapter.port.post(
      { kind: "channel", channelId },
      { blocks: [{ kind: "header", text: "Charta" }] },
    );
    await rig.adapter.port.pin(ref);
    await rig.adapter.port.pin(ref);
    expect(rig.hs.mustRoom(roomId).stateEvent("m.room.pinned_events")?.content).toEqual({
      pinned: [ref.messageId],
    });
    expect(
      rig.hs.requests.filter((r) => r.method === "PUT" && r.path.includes("m.room.pinned_events")),
    ).toHaveLength(1);

    await rig.adapter.port.invite(channelId, [`matrix:${CARLA}`, `matrix:${BEN}`]);
    expect(rig.hs.mustRoom(roomId).members("invite").sort()).toEqual([ANNA, BEN, CARLA]);

    await rig.adapter.port.archiveSpace(channelId);
    const notes = rig.hs.sent({ roomId }).map((s) => s.body);
    expect(notes[notes.length - 1]).toMatchObject({
      msgtype: "m.notice",
      body: expect.stringContaining("archiviert"),
    });
    expect(rig.hs.mustRoom(roomId).stateEvent("m.room.power_levels")?.content).toMatchObject({
      events_default: 100,
    });
  });

  it("makes power level 50 or more in the community room a moderator, never an admin", async () => {
    await start();
    const port = rig.adapter.port;
    // Anna has 100 as the room's creator: admins come from COPBOT_ADMINS only.
    expect(await port.platformRole(`matrix:${ANNA}`)).toBe("moderator");
    expect(await port.platformRole(`matrix:${BEN}`)).toBe("moderator");
    expect(await port.platformRole(`matrix:${CARLA}`)).toBeUndefined();
    const reads = rig.hs.requests.filter((r) => r.path.includes("m.room.power_levels")).length;
    expect(reads).toBe(1);
  });

  it("removes a member from a group room with a reason, withdraws a pending invitation, and leaves the gone alone", async () => {
    await start();
    const port = rig.adapter.port;
    const channelId = await port.createPrivateSpace({
      name: "AG Barrierefreiheit",
      topic: "Charta",
      memberIds: [`matrix:${ANNA}`, `matrix:${BEN}`],
    });
    const roomId = channelId.replace(/^matrix:/, "");
    rig.hs.membership(roomId, BEN, BEN, "join");
    await port.removeFromSpace(channelId, `matrix:${BEN}`);
    await port.removeFromSpace(channelId, `matrix:${ANNA}`);
    await port.removeFromSpace(channelId, `matrix:${BEN}`);
    await port.removeFromSpace(channelId, `matrix:${CARLA}`);
    await port.removeFromSpace(channelId, "slack:U1");
    const kicks = rig.hs.requests.filter((r) => r.path.endsWith("/kick"));
    expect(kicks.map((r) => [r.path, r.body])).toEqual(
      [BEN, ANNA].map((user) => [
        `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/kick`,
        { user_id: user, reason: "Austritt aus der Arbeitsgruppe" },
      ]),
    );
    const room = rig.hs.mustRoom(roomId);
    expect([room.membership(ANNA), room.membership(BEN), room.membership(BOT)]).toEqual([
      "leave",
      "leave",
      "join",
    ]);
  });

  it("refuses a group room the server encrypted: names the setting, withdraws the invitations, leaves", async () => {
    await start();
    rig.hs.encryptNewRooms = true;
    const creating = rig.adapter.port.createPrivateSpace({
      name: "AG Geheim",
      topic: "Charta",
      memberIds: [`matrix:${ANNA}`, `matrix:${BEN}`],
    });
    await expect(creating).rejects.toMatchObject({
      code: "platform",
      retryable: false,
      message: expect.stringContaining("encryption_enabled_by_default_for_room_type"),
    });
    const room = [...rig.hs.store.rooms.values()].find(
      (r) => r.stateEvent("m.room.name")?.content.name === "AG Geheim",
    );
    expect([room?.membership(ANNA), room?.membership(BEN), room?.membership(BOT)]).toEqual([
      "leave",
      "leave",
      "leave",
    ]);
    expect(room?.stateEvent("m.room.member", BEN)?.content.reason).toContain("verschlüsselt");
    expect(rig.hs.requests.some((r) => r.path.includes("/state/m.space.child/"))).toBe(false);
  });

  it("resolves rooms and people the way users type them", async () => {
    await start();
    const port = rig.adapter.port;
    expect(await port.resolveChannel("#fragen:example.org")).toBe(`matrix:${community}`);
    expect(await port.resolveChannel("#community")).toBe(`matrix:${community}`);
    expect(await port.resolveChannel(`https://matrix.to/#/${community}`)).toBe(`matrix:${community}`);
    expect(await port.resolveChannel("#gibtsnicht")).toBeUndefined();
    expect(await port.resolveChannel("#weg:example.org")).toBeUndefined();
    expect(await port.resolveUser("@ben:example.org")).toBe(`matrix:${BEN}`);
    expect(await port.resolveUser("@Carla Conrad")).toBe(`matrix:${CARLA}`);
    expect(await port.resolveUser("anna")).toBe(`matrix:${ANNA}`);
    expect(await port.resolveUser("slack:U1")).toBeUndefined();
    expect(await port.userInfo(`matrix:${BEN}`)).toEqual({ displayName: "Ben Berg" });
    expect(await port.permalink({ channelId: `matrix:${community}`, messageId: "$abc" })).toBe(
      `https://matrix.to/#/${community}/$abc`,
    );
    expect(
      await port.openForm(undefined, `matrix:${ANNA}`, {
        formId: "f",
        title: "t",
        submitLabel: "ok",
        fields: [],
      }),
    ).toBe(false);
  });

  it("joins on invite from allowed users or servers and declines the rest", async () => {
    await start({ autojoin: ["@anna:example.org", "partner.example"] });
    const fromAnna = rig.hs.createRoom({ creator: ANNA, name: "A" });
    const fromPartner = rig.hs.createRoom({ creator: "@paul:partner.example", name: "P" });
    const fromStranger = rig.hs.createRoom({ creator: "@eve:evil.example", name: "E" });
    rig.hs.membership(fromAnna, ANNA, BOT, "invite");
    rig.hs.membership(fromPartner, "@paul:partner.example", BOT, "invite");
    rig.hs.membership(fromStranger, "@eve:evil.example", BOT, "invite");
    await settle(rig);
    await settle(rig);
    expect(rig.hs.mustRoom(fromAnna).membership(BOT)).toBe("join");
    expect(rig.hs.mustRoom(fromPartner).membership(BOT)).toBe("join");
    expect(rig.hs.mustRoom(fromStranger).membership(BOT)).toBe("leave");
  });

  it("tells an encrypted room once that it cannot read it, and ignores its messages", async () => {
    await start();
    const secret = rig.hs.createRoom({ creator: ANNA, name: "Geheim", encrypted: true });
    rig.hs.membership(secret, ANNA, BOT, "invite");
    await settle(rig);
    await settle(rig);
    rig.hs.send(secret, ANNA, "m.room.encrypted", { algorithm: "m.megolm.v1.aes-sha2", ciphertext: "xyz" });
    await settle(rig);
    const notices = rig.hs.sent({ roomId: secret });
    expect(notices).toHaveLength(1);
    expect(notices[0]?.body).toMatchObject({
      msgtype: "m.notice",
      body: expect.stringContaining("verschlüsselt"),
    });
    expect(rig.hs.mustRoom(secret).accountData.get("org.copbot.encryption_notice")).toBeDefined();
    expect(events.filter((e) => "channelId" in e && e.channelId === `matrix:${secret}`)).toEqual([]);

    // A restart forgets everything in memory; the room's account data remembers the notice.
    await rig.adapter.stop();
    const again = await startMatrixRig({
      clock: new VirtualClock(START),
      handle: async () => undefined,
      hs: rig.hs,
    });
    rig.hs.send(secret, ANNA, "m.room.encrypted", { algorithm: "m.megolm.v1.aes-sha2", ciphertext: "abc" });
    await settle(again);
    await again.stop();
    expect(rig.hs.sent({ roomId: secret })).toHaveLength(1);
  });
});
