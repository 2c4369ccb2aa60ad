import { startSlackStory } from "../../support/slack-story";
import { eventCallback, messageEvent } from "../../support/slack-payloads";

describe("Slack: one conversation's events are handled in the order they arrived", () => {
  it("answers three questions sent together in order, even when the first asker's name comes slowly", async () => {
    const { copbot, story } = await startSlackStory("http");
    try {
      const { slack } = copbot;
      await story.command("U0ADMIN", "C0FRAGEN", "qa channel add <#C0FRAGEN|fragen>");
      // Looking up the first asker takes longer than sending all three questions needs.
      slack.api.intercept = ({ method, args }) =>
        method === "users.info" && args.user === "U0AX" ? { delayMs: 500 } : undefined;
      story.since();
      // One after the other, each once Slack has its acknowledgement: this is the order of arrival
      // (three requests sent at once on three connections may arrive in any order).
      for (const [i, letter] of ["A", "B", "C"].entries()) {
        const ts = `1764500000.00010${i}`;
        const text = `Frage ${letter}: Wie beantrage ich die E-Akte für ${letter}?`;
        const res = await slack.post(
          eventCallback(messageEvent({ channel: "C0FRAGEN", user: `U0${letter}X`, text, ts })),
        );
        expect(res.status).toBe(200);
      }
      // All three acknowledged while the first is still being handled.
      expect(slack.api.callsOf("chat.postMessage")).toEqual([]);
      const replies = (await slack.api.waitFor("chat.postMessage", 3)).filter(
        (c) => c.args.channel === "C0FRAGEN",
      );
      expect(replies.map((c) => c.args.thread_ts)).toEqual([
        "1764500000.000100",
        "1764500000.000101",
        "1764500000.000102",
      ]);
      // Numbered in the order they were asked.
      const numbered = copbot.app.db.prepare("SELECT message_id FROM qa_questions ORDER BY id").pluck().all();
      expect(numbered).toEqual(["1764500000.000100", "1764500000.000101", "1764500000.000102"]);
    } finally {
      await copbot.stop();
    }
  });

  it("says sorry in the answer to a retried event it never saw (copbot was down for the first try)", async () => {
    const { copbot, story } = await startSlackStory("http");
    try {
      const { slack } = copbot;
      await story.command("U0ADMIN", "C0FRAGEN", "qa channel add <#C0FRAGEN|fragen>");
      story.since();
      const text = "Wie beantrage ich eine Dienstreise nach Berlin?";
      const retried = eventCallback(
        messageEvent({ channel: "C0FRAGEN", user: "U0CARLA", text, ts: "1764500000.000200" }),
      );
      const res = await slack.post(retried, {
        headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
      });
      expect(res.status).toBe(200);
      const [reply] = await slack.api.waitFor("chat.postMessage");
      expect(reply?.args.thread_ts).toBe("1764500000.000200");
      expect(JSON.stringify(reply?.args.blocks)).toContain("Entschuldige die späte Antwort");
    } finally {
      await copbot.stop();
    }
  });
});
