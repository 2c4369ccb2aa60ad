import { startConsole, type ConsoleHarness } from "../support/console-harness";
import { MIGRATION_PROBLEM, refOf } from "../support/groups-fixtures";

describe("working groups: the console story", () => {
  let h: ConsoleHarness;
  beforeAll(async () => {
    // Monday 2026-11-30 09:00 Berlin
    h = await startConsole();
  });
  afterAll(() => h.close());

  it("runs a group from proposal to participation confirmation", async () => {
    // Experts: dora and emil know E-Akte; only dora wants group invitations.
    await h.send(
      ":as ben",
      ":as carla",
      ":as emil",
      "/cop expert add E-Akte",
      ":as dora",
      "/cop expert add E-Akte Archiv",
    );
    await h.send("/cop group invitations on");

    // A proposal with one missing condition, explained in one sentence.
    await h.send(":as anna", ":in #allgemein");
    const missing = await h.send(
      '/cop group propose title="Leitfaden E-Akte-Migration" deliverable=Leitfaden due=2027-01-25 topics="E-Akte, Archiv"',
    );
    expect(missing.join("\n")).toContain("Fast geschafft – eine Sache fehlt noch:");
    expect(missing.join("\n")).toContain("Beschreib das konkrete Praxisproblem");
    expect(missing.filter((l) => l.includes("copbot:")).length).toBe(1);

    // Completed: the call goes to the channel, dora (opted in, matching) gets a DM, emil not.
    const proposed = await h.send(
      `/cop group propose title="Leitfaden E-Akte-Migration" problem="${MIGRATION_PROBLEM}" deliverable=Leitfaden due=2027-01-25 topics="E-Akte, Archiv"`,
    );
    const call = refOf(proposed, "Neue Arbeitsgruppe #1: Leitfaden E-Akte-Migration");
    expect(proposed).toContain(
      "[#allgemein] (" + call + ") copbot: *Neue Arbeitsgruppe #1: Leitfaden E-Akte-Migration*",
    );
    expect(proposed.join("\n")).toContain("[button group.join: Mitmachen] [button group.leave: Austreten]");
    const invitation = proposed.find((l) => l.startsWith("[dm dora]"));
    expect(invitation).toContain(
      "Zur neuen Arbeitsgruppe „Leitfaden E-Akte-Migration“ passt deine Expertise",
    );
    expect(proposed.some((l) => l.startsWith("[dm emil]"))).toBe(false);
    expect(proposed.join("\n")).toContain("steht. Der Aufruf läuft in #allgemein.\n");
    expect(proposed.join("\n")).toContain(
      "Ich habe eine passende Expertin oder einen passenden Experten persönlich eingeladen.",
    );

    // Four members join: by button in the channel, by the DM invitation, by command.
    await h.send(":as ben", `:click ${call} group.join`, ":as carla", `:click ${call} group.join`);
    const dora = await h.send(":as dora", `:click ${refOf(proposed, "[dm dora]")} group.join`);
    expect(dora.join("\n")).toContain("4 dabei (mind. 3, höchstens 6)");
    const emil = await h.send(":as emil", "/cop group join 1");
    expect(emil.join("\n")).toContain("Du bist bei „Leitfaden E-Akte-Migration“ dabei!");
    expect(emil.join("\n")).toContain("5 dabei (mind. 3, höchstens 6), 0 auf der Warteliste");

    // The facilitator starts it: private space with the members, charter posted and pinned.
    const start = refOf(h.transcript, "hat die Mindestgröße von 3 erreicht");
    const formed = await h.send(":as anna", `:click ${start} group.start`);
    expect(formed).toContain(
      "[#ag-1-leitfaden-e-akte-migration] 🔒 Leitfaden E-Akte-Migration · @anna, @ben, @carla, @dora, @emil",
    );
    const charter = refOf(formed, "Charta: Leitfaden E-Akte-Migration");
    expect(formed).toContain(`[#ag-1-leitfaden-e-akte-migration] 📌 ${charter}`);
    expect(formed.join("\n")).toContain("*Rollen:* Moderation @anna · Mitglieder @ben, @carla, @dora, @emil");
    expect(formed.join("\n")).toContain(
      "Die Arbeitsgruppe „Leitfaden E-Akte-Migration“ startet mit 5 Personen.",
    );
    expect(formed.join("\n")).not.toContain("[button group.join");

    // Weekly status prompts appear as the virtual clock moves (Mondays 10:00, by DM), the
    // first after a full working week: none two hours after a Monday start (#19.9).
    const week1 = await h.send(":clock 2026-11-30T10:05");
    expect(week1.filter((l) => l.includes("Status: Leitfaden E-Akte-Migration"))).toEqual([]);
    await h.send(":clock 2026-12-07T09:55");
    const week2 = await h.send(":clock 2026-12-07T10:05");
    expect(
      week2.filter((l) => l.startsWith("[dm ") && l.includes("Status: Leitfaden E-Akte-Migration")).length,
    ).toBe(5);

    // Running: status, milestone, time.
    await h.send(
      ":in #ag-1-leitfaden-e-akte-migration",
      "/cop group status Gliederung steht, Kapitel 2 in Arbeit",
    );
    await h.send("/cop group milestone add 2026-12-18 Entwurf Kapitel 1-3");
    const reminder = await h.send(":clock 2026-12-17T09:05");
    expect(reminder.join("\n")).toContain(
      "Erinnerung: Morgen (18.12.2026) ist der Meilenstein #1 „Entwurf Kapitel 1-3“ fällig.",
    );
    await h.send(":as ben", "/cop group time 1,5h Kapitel 2", "/cop group time 2h");

    // Closing with a result: announced, searchable, space archived, confirmations offered.
    const closed = await h.send(
      ":as anna",
      "/cop group close https://wiki.example.org/e-akte-leitfaden Zwölf Schritte von der Papierakte zur E-Akte",
    );
    expect(closed.join("\n")).toContain(
      "[#allgemein] (" +
        refOf(closed, "Ergebnis der Arbeitsgruppe") +
        ") copbot: Ergebnis der Arbeitsgruppe „Leitfaden E-Akte-Migration“ (Leitfaden): https://wiki.example.org/e-akte-leitfaden",
    );
    expect(closed).toContain("[#ag-1-leitfaden-e-akte-migration] 🗄");
    expect(closed.filter((l) => l.includes("Möchtest du eine Teilnahmebestätigung")).length).toBe(5);

    const search = await h.send(":in #allgemein", "/cop search Papierakte");
    expect(search.join("\n")).toContain("Leitfaden E-Akte-Migration");

    // A member receives the participation confirmation with the Markdown file.
    const offer = refOf(closed, "[dm ben]");
    const confirmation = await h.send(":as ben", `:click ${offer} group.confirmation`);
    const text = confirmation.join("\n");
    expect(text).toContain("[dm ben]");
    expect(text).toContain(
      "ben hat in der Arbeitsgruppe „Leitfaden E-Akte-Migration“ der Community of Practice mitgewirkt.",
    );
    expect(text).toContain("*Erfasste Zeit:* 3:30 h");
    expect(text).toContain("[file teilnahmebestaetigung-gruppe-1.md]");
    expect(text).toContain("│ - **Rolle:** Mitglied");
    expect(text).toContain("│ - **Zeitraum:** 30.11.2026 – 17.12.2026");
  });
});
