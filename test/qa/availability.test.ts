import { startConsole, type ConsoleHarness } from "../support/console-harness";
import { refOf, text } from "./console-lines";

/** Monday 2026-11-30, 18:30 Berlin: after work. */
const EVENING = "2026-11-30T18:30:00+01:00";

async function setup(start = EVENING): Promise<ConsoleHarness> {
  const h = await startConsole({ start });
  await h.send("/cop qa channel add #fragen");
  return h;
}

describe("experts who are not reachable right now", () => {
  it("tags an expert in quiet hours now and says when they will see it, instead of claiming nobody exists", async () => {
    const h = await setup();
    await h.send(":as anna", "/cop expert add OZG", "/cop expert quiet 18:00-08:00");
    const out = text(
      await h.send(":as ben", ":in #fragen", "Wie setzt ihr das OZG in kleinen Gemeinden um?"),
    );
    expect(out).toContain("Ich frage mal nach:");
    expect(out).toContain(
      "@anna – *OZG* · noch keine gelösten Fragen · gerade Ruhezeit bis 08:00 Uhr, sieht die Frage danach",
    );
    expect(out).not.toContain("kenne ich noch keine");
    h.close();
  });

  it("prefers an expert reachable now over one in quiet hours", async () => {
    const h = await setup();
    await h.send(":as anna", "/cop expert add OZG", "/cop expert quiet 18:00-08:00");
    await h.send(":as bert", "/cop expert add OZG");
    const out = text(
      await h.send(":as ben", ":in #fragen", "Wie setzt ihr das OZG in kleinen Gemeinden um?"),
    );
    expect(out.indexOf("@bert – *OZG*")).toBeGreaterThan(-1);
    expect(out.indexOf("@bert – *OZG*")).toBeLessThan(out.indexOf("@anna – *OZG*"));
    h.close();
  });

  it("says the experts are busy when they are away, and that nobody is known only when nobody is", async () => {
    const h = await setup();
    await h.send(":as anna", "/cop expert add OZG", "/cop away until 2026-12-10");
    const busy = text(
      await h.send(":as ben", ":in #fragen", "Wie setzt ihr das OZG in kleinen Gemeinden um?"),
    );
    expect(busy).toContain(
      "Die passenden Expert:innen sind gerade abwesend oder diese Woche schon oft gefragt.",
    );
    expect(busy).not.toContain("kenne ich noch keine");
    const none = text(await h.send("Wer kennt sich mit Glasfaserausbau im ländlichen Raum aus?"));
    expect(none).toContain("Für dieses Thema kenne ich noch keine Expert:innen.");
    h.close();
  });
});

describe("escalation when nobody can be notified", () => {
  it("escalates inside working hours and, without moderators, asks in the question's thread", async () => {
    // Nobody with moderator rights has acted yet: ben asks by mentioning copbot.
    const h = await startConsole({ start: EVENING });
    const question = refOf(
      await h.send(
        ":as ben",
        ":in #fragen",
        "@copbot Wer kennt sich mit Glasfaserausbau im ländlichen Raum aus?",
      ),
      /ben: @copbot Wer kennt/,
    );
    // asked Monday 18:30: 24 working hours end Tuesday 18:30, after work, so Wednesday 08:00
    expect(text(await h.send(":clock 2026-12-02T07:59"))).not.toContain(`[#fragen › ${question}]`);
    const stage1 = text(await h.send(":clock 2026-12-02T08:01"));
    // Nobody was ever tagged for it: copbot says it still knows nobody, not "no further experts".
    expect(stage1).toContain("für dieses Thema kenne ich noch keine Expert:innen");
    expect(stage1).not.toContain("Die Moderation schaut drauf");
    // stage 2: Wednesday 08:00 + 24 h = Thursday 08:00
    expect(text(await h.send(":clock 2026-12-03T07:59"))).not.toContain("niemanden aus der Moderation");
    const stage2 = text(await h.send(":clock 2026-12-03T08:01"));
    expect(stage2).toContain(`[#fragen › ${question}]`);
    expect(stage2).toContain("ich kenne niemanden aus der Moderation");
    expect(stage2).not.toContain("[dm ");
    h.close();
  });
});

describe("escalation to moderators the platform appointed", () => {
  it("reaches someone who is a moderator only through the platform, as last seen", async () => {
    // The console's `admin` is an administrator through the platform, not through the database.
    const h = await setup();
    const question = refOf(
      await h.send(":as ben", ":in #fragen", "Wer kennt sich mit Glasfaserausbau im ländlichen Raum aus?"),
      /ben: Wer kennt/,
    );
    await h.send(":clock 2026-12-02T08:01");
    const stage2 = text(await h.send(":clock 2026-12-03T08:01"));
    expect(stage2).toContain("[dm admin]");
    expect(stage2).toContain("Frage #1 ist seit einiger Zeit unbeantwortet");
    expect(stage2).not.toContain(`[#fragen › ${question}] (m`);
    h.close();
  });
});
