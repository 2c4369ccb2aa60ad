import { formatNumber } from "../../src/i18n/format";

describe("counts in the reader's language", () => {
  it("groups digits the German way and the English way", () => {
    expect(formatNumber(5001, "de")).toBe("5.001");
    expect(formatNumber(100000, "de")).toBe("100.000");
    expect(formatNumber(5001, "en")).toBe("5,001");
    expect(formatNumber(7, "de")).toBe("7");
  });
});
