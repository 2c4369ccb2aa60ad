import { pairKey, pairUp, type Candidate } from "../../src/intros/pairing";

function person(id: string, organisation: string, ...topics: string[]): Candidate {
  return { id, organisation, topics: new Map(topics.map((t) => [t.toLowerCase(), t])) };
}

describe("pairing introductions", () => {
  it("pairs only people from different organisations who share a topic", () => {
    const { pairings, unmatched } = pairUp(
      [
        person("anna", "Stadt Musterhausen", "E-Akte"),
        person("bert", "stadt  musterhausen", "E-Akte"),
        person("cem", "Land Brandenburg", "E-Akte"),
        person("dora", "Kreis Nord", "Vergaberecht"),
      ],
      new Set(),
      "2026-11-30T09:00",
    );
    // anna and bert share an organisation (case and spaces do not matter); dora shares no topic.
    expect(pairings).toHaveLength(1);
    const [pair] = pairings;
    expect(pair?.memberIds).toContain("cem");
    expect(pair?.memberIds.some((id) => id === "anna" || id === "bert")).toBe(true);
    expect(pair?.shared).toEqual(["E-Akte"]);
    expect(unmatched).toContain("dora");
  });

  it("gives as many people as possible a partner before it looks at shared topics", () => {
    // Anna and Dirk share two topics, but pairing them would leave Ben and Carla without anyone.
    const { pairings, unmatched } = pairUp(
      [
        person("anna", "A", "Vergaberecht", "E-Akte"),
        person("ben", "B", "Vergaberecht"),
        person("carla", "C", "E-Akte"),
        person("dirk", "D", "E-Akte", "Vergaberecht"),
      ],
      new Set(),
      "seed",
    );
    expect(pairings.map((p) => p.memberIds.length)).toEqual([2, 2]);
    expect(unmatched).toEqual([]);
  });

  it("never repeats a recent pair", () => {
    const people = [person("anna", "A", "E-Akte"), person("ben", "B", "E-Akte")];
    expect(pairUp(people, new Set([pairKey("ben", "anna")]), "x").pairings).toEqual([]);
    expect(pairUp(people, new Set(), "x").pairings).toHaveLength(1);
  });

  it("makes one group of three when the count is odd", () => {
    const { pairings, unmatched } = pairUp(
      [
        person("anna", "A", "E-Akte"),
        person("ben", "B", "E-Akte"),
        person("cem", "C", "E-Akte"),
        person("dora", "D", "E-Akte"),
        person("emil", "E", "E-Akte"),
      ],
      new Set(),
      "round-1",
    );
    expect(pairings.map((p) => p.memberIds.length).sort()).toEqual([2, 3]);
    expect(unmatched).toEqual([]);
    expect(new Set(pairings.flatMap((p) => p.memberIds)).size).toBe(5);
  });

  it("prefers pairs that share more topics and keeps the better spelling of a topic", () => {
    const { pairings } = pairUp(
      [
        person("anna", "A", "E-Akte", "Vergaberecht"),
        {
          id: "ben",
          organisation: "B",
          topics: new Map([
            ["e-akte", "e-akte"],
            ["vergaberecht", "Vergaberecht"],
          ]),
        },
        person("cem", "C", "E-Akte"),
      ],
      new Set(),
      "s",
    );
    const pair = pairings.find((p) => p.memberIds.includes("anna") && p.memberIds.includes("ben"));
    expect(pair?.shared).toEqual(["E-Akte", "Vergaberecht"]);
  });

  it("is reproducible for one round and mixes differently across rounds", () => {
    const people = ["a", "b", "c", "d", "e", "f", "g", "h"].map((id, i) => person(id, `Org ${i}`, "E-Akte"));
    const first = pairUp(people, new Set(), "2026-11-30T09:00").pairings.map((p) => p.memberIds.join("+"));
    expect(pairUp(people, new Set(), "2026-11-30T09:00").pairings.map((p) => p.memberIds.join("+"))).toEqual(
      first,
    );
    const seeds = ["r1", "r2", "r3", "r4"].map((seed) =>
      pairUp(people, new Set(), seed)
        .pairings.map((p) => p.memberIds.join("+"))
        .join(","),
    );
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });
});
