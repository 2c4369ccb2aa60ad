import { formatDecimal, formatNumber } from "../../src/i18n/format";

describe("counts in the reader's language", () => {
  it("groups digits the German way and the English way", () => {
    expect(formatNumber(5001, "de")).toBe("5.001");
    expect(formatNumber(100000, "de")).toBe("100.000");
    expect(formatNumber(5001, "en")).toBe("5,001");
    expect(formatNumber(7, "de")).toBe("7");
  });

  it("writes measures with two decimals in the reader's notation", () => {
    expect(formatDecimal(0.347, "de")).toBe("0,35");
    expect(formatDecimal(1234.5, "de")).toBe("1.234,50");
    expect(formatDecimal(0.347, "en")).toBe("0.35");
  });
});
