import { sqlLimit } from "../../db/statements";

describe("sqlLimit", () => {
  it("writes a whole number as the limit's SQL text", () => {
    expect(sqlLimit(0)).toBe("0");
    expect(sqlLimit(48)).toBe("48");
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])(
    "refuses %p, which is no row count",
    (n) => {
      expect(() => sqlLimit(n)).toThrow(RangeError);
    },
  );
});
