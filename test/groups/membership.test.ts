import { GroupRepo } from "../../src/groups/group-repo";
import { RecordingPort } from "../support/recording-port";
import type { ConsoleHarness } from "../support/console-harness";
import {
  copbot,
  dmTo,
  EVERYONE,
  groupSessionForEachTest,
  propose,
  startWithThree,
} from "../support/groups-fixtures";

describe("working groups: membership edges", () => {
  let h: ConsoleHarness;
  groupSessionForEachTest(EVERYONE, (s) => (h = s));

  it("refuses a join while the group's space is being created, so nobody is left outside", async () => {
    let finish: (id: string) => void = () => undefined;
    const port = h.adapter.port;
    const create = port.createPrivateSpace.bind(port);
    port.createPrivateSpace = (spec) =>
      new Promise<string>((resolve) => {
        finish = (id) => resolve(id);
        void create(spec);
      });
    await h.send(propose(), ":as ben", "/cop group join 1", ":as carla", "/cop group join 1");
    await h.send(":clock 2026-12-07T09:01");
    expect(copbot(await h.send(":as dora", "/cop group join 1"))).toContain(
      "„Checkliste PDF“ startet gerade – versuch es gleich noch einmal.",
    );
    expect(copbot(await h.send(":as ben", "/cop group leave 1"))).toContain("startet gerade");
    finish("console:ag-1-checkliste-pdf");
    await h.app.bot.services.outbox.drain();
    expect(copbot(await h.send("/cop group list"))).toContain("#1 Checkliste PDF · läuft · 3/6 dabei");
    const joined = await h.send(":as dora", "/cop group join 1");
    expect(joined).toContain("[#ag-1-checkliste-pdf] + @dora");
  });

  it("does not greet someone joining a working group's space with the community welcome", async () => {
    await startWithThree(h);
    const join = (id: string, channelId: string) =>
      h.app.bot.handle({
        kind: "member_joined",
        id,
        platform: "console",
        at: h.clock.now(),
        userId: "console:dora",
        userName: "dora",
        channelId,
        isDm: false,
      });
    await join("join-space", "console:ag-1-checkliste-pdf");
    expect(h.transcript.filter((l) => l.includes("Willkommen in der Community"))).toEqual([]);
    await join("join-community", "console:allgemein");
    expect(h.transcript.filter((l) => l.includes("Willkommen in der Community, dora"))).toHaveLength(1);
  });

  it("takes someone who leaves a running group out of its space", async () => {
    await startWithThree(h);
    const left = await h.send(":as ben", "/cop group leave 1");
    expect(copbot(left)).toContain("Du bist bei „Checkliste PDF“ ausgetreten.");
    expect(left).toContain("[#ag-1-checkliste-pdf] − @ben");
  });

  it("says a full running group is already working, and tells the waiting list when it starts and closes", async () => {
    await h.send(propose("size=3"), ":as ben", "/cop group join 1", ":as carla", "/cop group join 1");
    await h.send(":as dora", "/cop group join 1");
    const started = await h.send(":as anna", "/cop group confirm 1");
    expect(dmTo(started, "dora")).toContain(
      "„Checkliste PDF“ (#1) ist mit voller Besetzung gestartet. Du bleibst auf Platz 1 der Warteliste",
    );
    expect(copbot(await h.send(":as emil", "/cop group join 1"))).toContain(
      "„Checkliste PDF“ arbeitet schon und ist voll – du stehst auf Platz 2 der Warteliste",
    );
    const closed = await h.send(":as anna", "/cop group close 1 https://wiki/checkliste-pdf");
    expect(dmTo(closed, "emil")).toContain(
      "„Checkliste PDF“ ist abgeschlossen – ein Platz wird dort nicht mehr frei. Danke für dein Interesse! Hier ist das Ergebnis: https://wiki/checkliste-pdf",
    );
    expect(dmTo(closed, "dora")).toContain("Hier ist das Ergebnis:");
    expect(dmTo(closed, "dora")).not.toContain("Teilnahmebestätigung");
  });

  describe("with a member of another platform", () => {
    const FRITZ = "matrix:@fritz:example.org";
    let matrix: RecordingPort;
    const asFritz = async (text: string) => {
      await h.app.bot.handle({
        kind: "command",
        id: `matrix:$${text}`,
        platform: "matrix",
        at: h.clock.now(),
        userId: FRITZ,
        channelId: "matrix:!dm:example.org",
        isDm: true,
        text,
      });
      await h.app.bot.services.outbox.drain();
    };
    beforeEach(() => {
      matrix = new RecordingPort("matrix");
      h.app.bot.services.ports.add(matrix);
    });

    it("refuses their join and sends them no invitation: the group's space could not take them", async () => {
      await asFritz("expert add Barrierefreiheit");
      await asFritz("group invitations on");
      const before = matrix.calls.length;
      await h.send(propose('topics="Barrierefreiheit"'));
      await h.app.bot.services.outbox.drain();
      expect(matrix.calls.length).toBe(before);
      await asFritz("group join 1");
      expect(JSON.stringify(matrix.calls.slice(before))).toContain("auf einer anderen Plattform");
      expect(copbot(await h.send("/cop group list"))).toContain(
        "#1 Checkliste PDF · sucht Mitglieder · 1/6 dabei",
      );
    });

    it("leaves them out of the space even when they hold a seat", async () => {
      await h.send(propose(), ":as ben", "/cop group join 1", ":as carla", "/cop group join 1", ":as anna");
      new GroupRepo(h.app.db, h.clock).join(1, FRITZ, 6);
      expect(await h.send("/cop group confirm 1")).toContain(
        "[#ag-1-checkliste-pdf] 🔒 Checkliste PDF · @anna, @ben, @carla",
      );
    });
  });
});
