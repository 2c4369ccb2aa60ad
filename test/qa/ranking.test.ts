import fc from "fast-check";
import { rankExperts, responseRate, scoreExpert, topExperts, type ExpertStats } from "../../src/qa/ranking";

function expert(memberId: string, over: Partial<ExpertStats> = {}): ExpertStats {
  return {
    memberId,
    match: 1,
    matchedTopics: ["E-Akte"],
    accepted: 0,
    recentPings: 0,
    weekPings: 0,
    weeklyCap: 3,
    answeredPings: 0,
    totalPings: 0,
    unavailable: false,
    ...over,
  };
}

const ids = (list: ExpertStats[]) => rankExperts(list).map((r) => r.stats.memberId);

describe("rankExperts", () => {
  it("puts the better topic match first", () => {
    expect(ids([expert("weak", { match: 0.3 }), expert("strong", { match: 2 })])).toEqual(["strong", "weak"]);
  });

  it("drops experts without any match", () => {
    expect(ids([expert("none", { match: 0 }), expert("some")])).toEqual(["some"]);
  });

  it("prefers accepted-answer history at equal match", () => {
    expect(ids([expert("new"), expert("proven", { accepted: 6 })])).toEqual(["proven", "new"]);
  });

  it("spreads load: recently pinged experts rank lower", () => {
    expect(ids([expert("busy", { recentPings: 2, weekPings: 2 }), expert("rested")])).toEqual([
      "rested",
      "busy",
    ]);
  });

  it("prefers experts who answer when asked", () => {
    expect(
      ids([
        expert("silent", { totalPings: 6, answeredPings: 0, lastPingedAt: new Date(1) }),
        expert("helpful", { totalPings: 6, answeredPings: 6, lastPingedAt: new Date(1) }),
      ]),
    ).toEqual(["helpful", "silent"]);
    expect(responseRate(0, 0)).toBeCloseTo(0.5);
  });

  it("never returns unavailable experts (away, quiet hours, opted out)", () => {
    expect(ids([expert("away", { unavailable: true, accepted: 20 }), expert("here")])).toEqual(["here"]);
  });

  it("respects the weekly cap, including a cap of 0", () => {
    expect(
      ids([
        expert("capped", { weekPings: 3, weeklyCap: 3 }),
        expert("zero", { weeklyCap: 0 }),
        expert("free", { weekPings: 2 }),
      ]),
    ).toEqual(["free"]);
  });

  it("rotates ties: the longest-rested expert goes first, never-pinged before all", () => {
    const list = [
      expert("c", { lastPingedAt: new Date("2026-11-20T10:00:00Z") }),
      expert("a", { lastPingedAt: new Date("2026-11-25T10:00:00Z") }),
      expert("b"),
    ];
    expect(ids(list)).toEqual(["b", "c", "a"]);
  });

  it("breaks remaining ties by id so the order is deterministic", () => {
    expect(ids([expert("zoe"), expert("amy")])).toEqual(["amy", "zoe"]);
  });

  it("scores are monotonic in match and accepted answers", () => {
    expect(scoreExpert(expert("x", { match: 2 }))).toBeGreaterThan(scoreExpert(expert("x", { match: 1 })));
    expect(scoreExpert(expert("x", { accepted: 3 }))).toBeGreaterThan(
      scoreExpert(expert("x", { accepted: 1 })),
    );
  });
});

describe("topExperts", () => {
  it("gives the first experts of rankExperts, in its order", () => {
    const stats = fc.record({
      memberId: fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h"),
      match: fc.constantFrom(0, 0.2, 0.5, 1, 1.7, 2),
      accepted: fc.nat(30),
      recentPings: fc.nat(4),
      weekPings: fc.nat(4),
      totalPings: fc.nat(40),
      unavailable: fc.boolean(),
      quiet: fc.boolean(),
      last: fc.option(fc.constantFrom(1, 2, 3), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(stats, { maxLength: 40 }), fc.nat(6), (rows, limit) => {
        const list = rows.map((r, i) =>
          expert(`${r.memberId}${i}`, {
            match: r.match,
            accepted: r.accepted,
            recentPings: r.recentPings,
            weekPings: r.weekPings,
            totalPings: r.totalPings,
            answeredPings: Math.floor(r.totalPings / 2),
            unavailable: r.unavailable,
            ...(r.quiet ? { quietUntil: new Date(0) } : {}),
            ...(r.last !== undefined ? { lastPingedAt: new Date(r.last) } : {}),
          }),
        );
        expect(topExperts(list, limit)).toEqual(rankExperts(list).slice(0, limit));
      }),
    );
  });
});
