import { PlatformError } from "../../src/core/errors";
import type { ConsoleHarness } from "../support/console-harness";
import {
  copbot,
  EVERYONE,
  groupSessionForEachTest,
  propose,
  startWithThree,
} from "../support/groups-fixtures";

describe("working groups: forming, expiry and reopening", () => {
  let h: ConsoleHarness;
  groupSessionForEachTest(EVERYONE, (s) => (h = s));

  it("expires with a friendly note when too few sign up, and can be reopened", async () => {
    await h.send(propose(), ":as ben", "/cop group join 1");
    const expired = await h.send(":clock 2026-12-07T09:01");
    expect(copbot(expired)).toContain(
      "Die Arbeitsgruppe „Checkliste PDF“ kommt diesmal leider nicht zustande: 2 von mindestens 3 Anmeldungen.",
    );
    expect(expired.join("\n")).toContain("Anmeldung abgelaufen");
    expect(expired.join("\n")).not.toContain("🔒");

    expect(copbot(await h.send(":as carla", "/cop group join 1"))).toContain(
      "#1 „Checkliste PDF“ ist abgelaufen",
    );
    expect(copbot(await h.send("/cop group reopen 1"))).toContain(
      "Das dürfen nur die Moderation der Gruppe #1",
    );

    const reopened = await h.send(":as anna", "/cop group reopen 1");
    expect(copbot(reopened)).toContain("Vorschlag #1 „Checkliste PDF“ ist wieder offen");
    expect(copbot(reopened)).toContain(
      "2 dabei (mind. 3, höchstens 6), 0 auf der Warteliste · Anmeldung bis 14.12.2026",
    );

    await h.send(":as carla", "/cop group join 1");
    const formed = await h.send(":clock 2026-12-14T09:01");
    expect(formed).toContain("[#ag-1-checkliste-pdf] 🔒 Checkliste PDF · @anna, @ben, @carla");
    expect(formed.some((l) => l.startsWith("[#ag-1-checkliste-pdf] 📌"))).toBe(true);
  });

  it("asks for a new due date when reopening would leave less than two weeks", async () => {
    await h.send(propose(), ":clock 2027-01-12T09:00");
    expect(copbot(await h.send("/cop group reopen 1"))).toContain(
      "Die bisherige Fälligkeit passt nicht mehr",
    );
    expect(copbot(await h.send("/cop group reopen 1 2027-01-20"))).toContain("Das ist zu knapp");
    expect(copbot(await h.send("/cop group reopen 1 2027-02-15"))).toContain("ist wieder offen");
  });

  it("keeps a waiting list when full; a seat that opens goes to the first in line", async () => {
    await h.send(propose("size=3"), ":as ben", "/cop group join 1", ":as carla", "/cop group join 1");
    expect(copbot(await h.send(":as dora", "/cop group join 1"))).toContain(
      "du stehst auf Platz 1 der Warteliste",
    );
    expect(copbot(await h.send(":as emil", "/cop group join 1"))).toContain("Platz 2 der Warteliste");
    const left = await h.send(":as ben", "/cop group leave 1");
    expect(copbot(left)).toContain("Du bist bei „Checkliste PDF“ ausgetreten.");
    expect(left.join("\n")).toContain("[dm dora]");
    expect(copbot(left)).toContain("Ein Platz ist frei geworden: Du bist jetzt bei „Checkliste PDF“ dabei!");
    expect(copbot(left)).toContain("3 dabei (mind. 3, höchstens 3), 1 auf der Warteliste");
    expect(copbot(await h.send(":as anna", "/cop group leave 1"))).toContain(
      "Du moderierst „Checkliste PDF“ und kannst deshalb nicht austreten – gib die Moderation zuerst weiter: /cop group facilitator 1 @name",
    );
  });

  it("lets only the facilitator or a moderator start, and only with enough members", async () => {
    await h.send(propose(), ":as ben", "/cop group join 1");
    expect(copbot(await h.send("/cop group confirm 1"))).toContain(
      "Das dürfen nur die Moderation der Gruppe #1",
    );
    expect(copbot(await h.send(":as anna", "/cop group confirm"))).toContain(
      "„Checkliste PDF“ hat erst 2 von mindestens 3 Personen",
    );
    await h.send(":as admin", "/cop mod add @carla", ":as carla", "/cop group join 1");
    const started = await h.send("/cop group confirm 1");
    expect(started.join("\n")).toContain("🔒 Checkliste PDF");
    expect(copbot(await h.send("/cop group confirm 1"))).toContain("#1 „Checkliste PDF“ läuft bereits.");
  });

  it("puts the group back and tells the facilitator when the space cannot be created; archiving is retried", async () => {
    const port = h.adapter.port;
    const create = port.createPrivateSpace.bind(port);
    port.createPrivateSpace = () => Promise.reject(new PlatformError("channel quota", false));
    await h.send(propose(), ":as ben", "/cop group join 1", ":as carla", "/cop group join 1", ":as anna");
    const failed = await h.send("/cop group confirm 1");
    expect(copbot(failed)).toContain("Ich konnte den Gruppenraum für „Checkliste PDF“ gerade nicht anlegen.");
    expect(copbot(await h.send("/cop group list"))).toContain(
      "#1 Checkliste PDF · sucht Mitglieder · 3/6 dabei",
    );
    port.createPrivateSpace = create;
    expect((await h.send("/cop group confirm 1")).join("\n")).toContain("🔒 Checkliste PDF");

    const archive = port.archiveSpace.bind(port);
    port.archiveSpace = () => Promise.reject(new PlatformError("timeout", true));
    const closed = await h.send("/cop group close https://wiki.example.org/checkliste");
    expect(closed.join("\n")).not.toContain("🗄");
    port.archiveSpace = archive;
    expect(await h.send(":clock +6m")).toContain("[#ag-1-checkliste-pdf] 🗄");
  });

  it("gives an interrupted formation back to the facilitator after a while", async () => {
    h.adapter.port.createPrivateSpace = () => new Promise<string>(() => undefined);
    await h.send(propose(), ":as ben", "/cop group join 1", ":as carla", "/cop group join 1", ":as anna");
    await h.send(":clock 2026-12-07T09:01");
    expect(copbot(await h.send("/cop group list"))).toContain("wird eingerichtet");
    const later = await h.send(":clock 2026-12-07T09:20");
    expect(copbot(later)).toContain("Ich konnte den Gruppenraum für „Checkliste PDF“ gerade nicht anlegen.");
    expect(copbot(await h.send("/cop group list"))).toContain("sucht Mitglieder");
  });

  it("lets a member join a running group into its space and check-in", async () => {
    await startWithThree(h);
    const joined = await h.send(":as dora", "/cop group join 1");
    expect(joined).toContain("[#ag-1-checkliste-pdf] + @dora");
    expect(copbot(joined)).toContain("Willkommen in der Gruppe! @dora");
    const prompts = await h.send(":clock 2026-12-07T10:01");
    expect(prompts.some((l) => l.startsWith("[dm dora]") && l.includes("Status: Checkliste PDF"))).toBe(true);
  });
});
