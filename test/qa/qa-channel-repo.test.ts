import { openDatabase } from "../../db/open";
import { addQaChannel, isQaChannel, removeQaChannel } from "../../src/qa/qa-channel-repo";

describe("Q&A channels (read from memory on every channel message)", () => {
  const at = new Date("2026-12-01T09:00:00Z");

  it("follows every add and remove, and forgets an add that was rolled back", () => {
    const db = openDatabase(":memory:");
    expect(isQaChannel(db, "slack:C0FRAGEN")).toBe(false);
    expect(addQaChannel(db, "slack:C0FRAGEN", "slack:U0ANNA", at)).toBe(true);
    expect(isQaChannel(db, "slack:C0FRAGEN")).toBe(true);
    expect(() =>
      db.transaction(() => {
        addQaChannel(db, "slack:C0HILFE", "slack:U0ANNA", at);
        expect(isQaChannel(db, "slack:C0HILFE")).toBe(true);
        throw new Error("rolled back");
      })(),
    ).toThrow("rolled back");
    expect(isQaChannel(db, "slack:C0HILFE")).toBe(false);
    expect(removeQaChannel(db, "slack:C0FRAGEN")).toBe(true);
    expect(isQaChannel(db, "slack:C0FRAGEN")).toBe(false);
    db.close();
  });
});
