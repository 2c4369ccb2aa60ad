import { startConsole, type ConsoleHarness } from "../support/console-harness";
import { qaServices } from "../qa/qa-services";
import { introduceJob } from "../../src/intros/introduce";
import { MatchRepo } from "../../src/intros/match-repo";
import { ParticipantRepo } from "../../src/intros/participant-repo";

/** The people of each introduction printed in `lines` (group conversations are `[#kontakt-…] 💬 @a, @b`). */
function introductions(lines: readonly string[]): string[][] {
  return lines
    .filter((l) => l.includes("💬"))
    .map((l) =>
      (l.split("💬 ")[1] ?? "")
        .split(", ")
        .map((name) => name.replace(/^@/, ""))
        .sort(),
    );
}

const ORGS: Readonly<Record<string, string>> = {
  anna: "Stadt Musterhausen",
  ben: "Land Brandenburg",
  carla: "Kreis Nord",
  dirk: "Stadt Musterhausen",
  emil: "Bezirk Mitte",
  frieda: "Stadtwerke Süd",
};

async function join(h: ConsoleHarness, name: string, topics: string): Promise<string[]> {
  return h.send(`:as ${name}`, `/cop profile org "${ORGS[name] ?? ""}"`, `/cop intros join ${topics}`);
}

describe("introductions across organisations (console, virtual clock)", () => {
  it("runs two rounds across organisations without repeats, skips away and paused people, follows up", async () => {
    const h = await startConsole({ start: "2026-11-30T08:00:00+01:00" });
    await join(h, "anna", "E-Akte Vergaberecht");
    await join(h, "ben", "E-Akte");
    await join(h, "carla", "Vergaberecht");
    await join(h, "dirk", "E-Akte");
    await join(h, "emil", "E-Akte");
    await join(h, "frieda", "Vergaberecht");
    await h.send(
      ":as emil",
      "/cop away until 2026-12-02",
      ":as frieda",
      "/cop intros pause until 2026-12-10",
    );
    expect((await h.send(":as admin", "/cop intros stats")).join("\n")).toContain(
      "Dabei: 6 (davon 2 pausiert oder abwesend)",
    );

    const first = introductions(await h.send(":clock 2026-11-30T09:00"));
    const inFirst = first.flat();
    expect(inFirst).not.toContain("emil");
    expect(inFirst).not.toContain("frieda");
    for (const group of first) {
      const orgs = group.map((name) => ORGS[name]);
      expect(new Set(orgs).size).toBe(group.length);
    }
    expect(first.length).toBeGreaterThan(0);

    // A week later everyone introduced is asked privately, with two buttons.
    const week = await h.send(":clock 2026-12-07T09:00");
    const asks = week.filter((l) => l.includes("Habt ihr euch getroffen?"));
    expect(asks).toHaveLength(inFirst.length);
    expect(asks.every((l) => l.startsWith("[dm "))).toBe(true);
    const annaAsk = week.find((l) => l.startsWith("[dm anna]") || l.startsWith(`[dm ${inFirst[0]}]`)) ?? "";
    const asker = /^\[dm (\w+)\]/.exec(annaAsk)?.[1] ?? "";
    const ref = /\((m\d+)\)/.exec(annaAsk)?.[1] ?? "";
    const clicked = await h.send(`:as ${asker}`, `:click ${ref} intros.met/1`);
    expect(clicked.join("\n")).toContain("Schön, danke für die Rückmeldung!");
    // Someone else cannot answer for them.
    const stranger = await h.send(":as frieda", `:click ${ref} intros.met/1`);
    expect(stranger.join("\n")).toContain("Diese Rückfrage gehört zu einer anderen Vorstellung.");

    const second = introductions(await h.send(":clock 2026-12-14T09:00"));
    const pairs = (groups: string[][]): Set<string> =>
      new Set(groups.flatMap((g) => g.flatMap((a) => g.filter((b) => a < b).map((b) => `${a}|${b}`))));
    const repeated = [...pairs(second)].filter((p) => pairs(first).has(p));
    expect(repeated).toEqual([]);
    // Emil is back and Frieda's pause is over.
    expect(second.flat()).toEqual(expect.arrayContaining(["emil", "frieda"]));

    const stats = (await h.send(":as admin", "/cop intros stats")).join("\n");
    expect(stats).toContain(`Runden: 2 · Vorstellungen: ${first.length + second.length}`);
    expect(stats).toContain(`Getroffen: 1 von ${first.length} nachgefragten Vorstellungen`);
    // The ledger holds each round once.
    const rounds = h.app.db
      .prepare("SELECT local_at, outcome FROM occurrence_ledger WHERE series = 'intros' ORDER BY local_at")
      .all();
    expect(rounds).toEqual([
      { local_at: "2026-11-30T09:00", outcome: "sent" },
      { local_at: "2026-12-14T09:00", outcome: "sent" },
    ]);
    h.close();
  });

  it("catches up once after a downtime and never runs a round twice", async () => {
    const h = await startConsole({ start: "2026-11-30T08:00:00+01:00" });
    await join(h, "anna", "E-Akte");
    await join(h, "ben", "E-Akte");
    await h.send(":as admin", "/cop intros schedule every 1 weeks tue 10:00");
    // Down for three weeks: the next tick runs one late round, the two before are missed.
    h.clock.set(new Date("2026-12-16T12:00:00+01:00"));
    const late = introductions(await h.send(":clock +1m"));
    expect(late).toEqual([["anna", "ben"]]);
    const rounds = h.app.db
      .prepare("SELECT local_at, outcome FROM occurrence_ledger WHERE series = 'intros' ORDER BY local_at")
      .all();
    expect(rounds).toEqual([
      { local_at: "2026-12-01T10:00", outcome: "missed" },
      { local_at: "2026-12-08T10:00", outcome: "missed" },
      { local_at: "2026-12-15T10:00", outcome: "late" },
    ]);
    // The next Tuesday they are not introduced again (26 weeks without repeats by default).
    const next = await h.send(":clock 2026-12-22T10:00");
    expect(introductions(next)).toEqual([]);
    expect(next.join("\n")).toContain("In dieser Runde habe ich niemanden aus einer anderen Organisation");
    h.close();
  });

  it("explains what is missing and refuses bad dates and schedules", async () => {
    const h = await startConsole();
    const noOrg = await h.send(":as anna", "/cop intros join E-Akte");
    expect(noOrg.join("\n")).toContain('brauche ich deine Organisation: `/cop profile org "…"`');
    const noTopics = await h.send('/cop profile org "Stadt"', "/cop intros join");
    expect(noTopics.join("\n")).toContain("Nenne mindestens ein Thema");
    expect((await h.send("/cop intros pause until 31.02.2027")).join("\n")).toContain("ist kein Datum");
    expect((await h.send("/cop intros pause until 2026-11-01")).join("\n")).toContain(
      "liegt nicht in der Zukunft",
    );
    expect((await h.send(":as admin", "/cop intros schedule every 13 weeks mon")).join("\n")).toContain(
      "every 2 weeks mon 09:00",
    );
    expect((await h.send(":as anna", "/cop intros stats")).join("\n")).toContain("Moderator:in");
    expect(h.app.db.prepare("SELECT count(*) AS n FROM intro_participants").get()).toEqual({ n: 0 });
    h.close();
  });
});

describe("introductions without a group conversation", () => {
  it("writes to each person directly, in their language, with the others and why", async () => {
    const { services } = qaServices("2026-11-30T08:00:00Z");
    const { members, db } = services;
    members.ensure("console:anna", "anna");
    members.ensure("console:ben", "ben");
    members.update("console:anna", { organisation: "Stadt Musterhausen" });
    members.update("console:ben", { organisation: "Land Brandenburg", lang: "en" });
    const repo = new MatchRepo(db);
    new ParticipantRepo(db).join("console:anna", ["E-Akte"], new Date());
    const round = repo.createRound("2026-11-30T09:00", new Date(), 2) ?? 0;
    const id = repo.createMatch(round, ["console:anna", "console:ben"], ["E-Akte"], new Date());
    // The RecordingPort has no group conversations: the introduction goes out as two DMs.
    await introduceJob(
      { id: 1, kind: "intros.introduce", key: "k", runAt: new Date(), payload: { matchId: id } },
      { services, now: new Date(), lateMs: 0 },
    );
    const queued = db.prepare("SELECT target, message FROM outbox ORDER BY id").all() as {
      target: string;
      message: string;
    }[];
    expect(queued.map((q) => JSON.parse(q.target))).toEqual([
      { kind: "dm", userId: "console:anna" },
      { kind: "dm", userId: "console:ben" },
    ]);
    expect(queued[0]?.message).toContain(
      "Ich möchte dich jemandem aus einer anderen Organisation vorstellen",
    );
    expect(queued[0]?.message).toContain("Land Brandenburg");
    expect(queued[1]?.message).toContain("I'd like to introduce you to someone from another organisation");
    expect(queued[1]?.message).toContain("Stadt Musterhausen");
  });
});
