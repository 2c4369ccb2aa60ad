import { remember } from "../../src/core/bounded-map";

describe("remember: a map of at most `cap` entries", () => {
  it("makes the oldest entry go when a new key comes to a full map", () => {
    const map = new Map<string, number>();
    for (let i = 0; i < 5; i++) expect(remember(map, `k${i}`, i, 3)).toBe(i);
    expect([...map.entries()]).toEqual([
      ["k2", 2],
      ["k3", 3],
      ["k4", 4],
    ]);
  });

  it("keeps every entry when a key it holds is stored again", () => {
    const map = new Map([
      ["a", 1],
      ["b", 2],
    ]);
    remember(map, "a", 10, 2);
    expect([...map.entries()]).toEqual([
      ["a", 10],
      ["b", 2],
    ]);
  });
});
