import { ButtonCache } from "../../../adapters/matrix/buttons";

describe("Matrix button cache", () => {
  it("keeps at most its capacity, forgetting the least recently stored first", () => {
    const cache = new ButtonCache(3);
    const table = [{ key: "1️⃣", action: "qa.solved", value: "1" }];
    for (const id of ["$a", "$b", "$c"]) cache.set(id, { table });
    cache.set("$a", { table });
    cache.set("$d", { table });
    expect([...cache.keys()]).toEqual(["$c", "$a", "$d"]);
    expect(cache.size).toBe(3);
  });
});
