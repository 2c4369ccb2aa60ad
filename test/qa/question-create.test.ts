import { openDatabase } from "../../db/open";
import { QuestionRepo } from "../../src/qa/question-repo";

describe("a new question as create() returns it", () => {
  const at = new Date("2026-12-07T09:00:00Z");

  it("is the stored row, read back, for a member's own message and for copbot's post", () => {
    const db = openDatabase(":memory:");
    const repo = new QuestionRepo(db);
    const own = repo.create({
      askerId: "slack:U0ANNA",
      channelId: "slack:C0FRAGEN",
      messageId: "1733560000.000100",
      text: "Wie geht ihr mit der E-Akte um?",
      at,
    });
    const posted = repo.create({
      askerId: "slack:U0BEN",
      channelId: "slack:C0FRAGEN",
      text: "Wer kennt XRechnung?",
      at,
    });
    expect(posted.postKey).toBe(`qa.question:${posted.id}`);
    for (const created of [own, posted]) {
      const stored = repo.get(created.id);
      expect(stored).toBeDefined();
      // Every key, with the same values (undefined where the column is NULL).
      expect(Object.entries(created).sort()).toStrictEqual(Object.entries(stored ?? {}).sort());
    }
    db.close();
  });

  it("gives back a date of its own, not the caller's", () => {
    const db = openDatabase(":memory:");
    const asked = new Date(at.getTime());
    const q = new QuestionRepo(db).create({
      askerId: "slack:U0ANNA",
      channelId: "slack:C0FRAGEN",
      messageId: "m1",
      text: "Frage zur E-Akte?",
      at: asked,
    });
    asked.setTime(0);
    expect(q.askedAt.getTime()).toBe(at.getTime());
    db.close();
  });
});
