import type { ConsoleHarness } from "../support/console-harness";
import {
  copbot,
  dmTo,
  groupSessionForEachTest,
  propose,
  refOf,
  startWithThree,
} from "../support/groups-fixtures";

describe("working groups: handing facilitation on", () => {
  let h: ConsoleHarness;
  groupSessionForEachTest(["anna", "ben", "carla", "dora", "anna"], (s) => (h = s));

  it("lets someone named by another person decline; the role goes back to the proposer", async () => {
    const proposed = await h.send(propose("facilitator=@carla"));
    const named = refOf(proposed, "[dm carla]");
    expect(proposed.join("\n")).toContain("[button group.decline: Ablehnen]");
    const declined = await h.send(":as carla", `:click ${named} group.decline`);
    expect(copbot(declined)).toContain(
      "Alles klar – du moderierst „Checkliste PDF“ nicht und bist nicht mehr in der Gruppe (mitmachen: /cop group join 1). Die Moderation liegt wieder bei @anna",
    );
    expect(declined.some((l) => l.startsWith("[dm anna]") && l.includes("@carla hat die Moderation"))).toBe(
      true,
    );
    expect(copbot(declined)).toContain("@anna sucht Mitstreiter:innen.");
    expect(copbot(declined)).toContain("1 dabei (mind. 3");
    expect(copbot(await h.send(`:click ${named} group.decline`))).toContain(
      "Du moderierst „Checkliste PDF“ nicht (mehr)",
    );
    expect(copbot(await h.send("/cop group confirm 1"))).toContain("Das dürfen nur die Moderation");
  });

  it("lets a named facilitator decline in a running group: out of the space, the proposer in", async () => {
    const proposed = await h.send(propose("facilitator=@carla"));
    const named = refOf(proposed, "[dm carla]");
    await h.send(":as ben", "/cop group join 1", ":as dora", "/cop group join 1", ":as carla");
    await h.send("/cop group confirm 1");
    const declined = await h.send(`:click ${named} group.decline`);
    expect(declined).toContain("[#ag-1-checkliste-pdf] + @anna");
    expect(declined).toContain("[#ag-1-checkliste-pdf] − @carla");
    expect(copbot(await h.send(":as anna", "/cop group list"))).toContain(
      "#1 Checkliste PDF · läuft · 3/6 dabei",
    );
  });

  it("hands facilitation on by command; the new facilitator joins, the old one may then leave", async () => {
    await h.send(propose(), ":as ben", "/cop group join 1", ":as carla", "/cop group join 1", ":as anna");
    await h.send("/cop group confirm 1");
    expect(copbot(await h.send(":as ben", "/cop group facilitator 1 @carla"))).toContain(
      "Das dürfen nur die Moderation der Gruppe #1",
    );
    expect(copbot(await h.send(":as anna", "/cop group facilitator 1 @ghost"))).toContain(
      "@ghost kenne ich nicht",
    );
    expect(copbot(await h.send("/cop group facilitator 1"))).toContain(
      "Nenn die Person, die moderieren soll",
    );
    const handed = await h.send("/cop group facilitator 1 @dora");
    expect(copbot(handed)).toContain("Die Moderation von „Checkliste PDF“ liegt jetzt bei @dora");
    expect(handed).toContain("[#ag-1-checkliste-pdf] + @dora");
    expect(
      handed.some((l) => l.startsWith("[dm dora]") && l.includes("Du moderierst jetzt die Arbeitsgruppe #1")),
    ).toBe(true);
    expect(copbot(await h.send("/cop group facilitator 1 @ben"))).toContain("Das dürfen nur die Moderation");
    const left = await h.send("/cop group leave 1");
    expect(copbot(left)).toContain("Du bist bei „Checkliste PDF“ ausgetreten.");
    expect(left).toContain("[#ag-1-checkliste-pdf] − @anna");
    expect(copbot(await h.send(":as dora", "/cop group milestone add 2026-12-10 Entwurf"))).toContain(
      "Meilenstein #1 „Entwurf“",
    );
  });

  it("lets someone handed facilitation without a seat decline: back to the old facilitator, out of the space", async () => {
    await startWithThree(h);
    const handed = await h.send("/cop group facilitator 1 @dora");
    expect(handed).toContain("[#ag-1-checkliste-pdf] + @dora");
    expect(handed.join("\n")).toContain("Übergeben von @anna\n    [button group.decline: Ablehnen]");
    const declined = await h.send(":as dora", `:click ${refOf(handed, "[dm dora]")} group.decline`);
    expect(copbot(declined)).toContain(
      "Alles klar – du moderierst „Checkliste PDF“ nicht und bist nicht mehr in der Gruppe (mitmachen: /cop group join 1). Die Moderation liegt wieder bei @anna",
    );
    expect(declined).toContain("[#ag-1-checkliste-pdf] − @dora");
    expect(declined).not.toContain("[#ag-1-checkliste-pdf] + @anna");
    expect(dmTo(declined, "anna")).toContain("@dora hat die Moderation von #1 „Checkliste PDF“ abgelehnt");
    expect(copbot(await h.send(":as anna", "/cop group list"))).toContain(
      "#1 Checkliste PDF · läuft · 3/6 dabei",
    );
    expect(copbot(await h.send("/cop group milestone add 2026-12-10 Entwurf"))).toContain("Meilenstein #1");
  });

  it("lets a member handed facilitation decline the role only: they keep their seat", async () => {
    await startWithThree(h);
    const handed = await h.send("/cop group facilitator 1 @ben");
    const declined = await h.send(":as ben", `:click ${refOf(handed, "[dm ben]")} group.decline`);
    expect(copbot(declined)).toContain(
      "Alles klar – du moderierst „Checkliste PDF“ nicht mehr, bleibst aber Mitglied. Die Moderation liegt wieder bei @anna",
    );
    expect(dmTo(declined, "anna")).toContain("@ben hat die Moderation von #1 „Checkliste PDF“ abgelehnt");
    expect(declined.some((l) => l.startsWith("[#ag-1-checkliste-pdf]"))).toBe(false);
    expect(copbot(await h.send(":as anna", "/cop group list"))).toContain(
      "#1 Checkliste PDF · läuft · 3/6 dabei",
    );
  });

  it("does not seat a former facilitator again who left after handing over", async () => {
    await startWithThree(h);
    const handed = await h.send("/cop group facilitator 1 @dora", "/cop group leave 1");
    const declined = await h.send(":as dora", `:click ${refOf(handed, "[dm dora]")} group.decline`);
    expect(copbot(declined)).toContain(
      "@anna hat dir die Moderation von „Checkliste PDF“ übergeben, ist aber nicht mehr in der Gruppe.",
    );
    expect(declined.some((l) => l.startsWith("[#ag-1-checkliste-pdf]"))).toBe(false);
  });
});
