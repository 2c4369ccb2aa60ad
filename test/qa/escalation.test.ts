import type { Services } from "../../src/core/services";
import { escalateJob, scheduleEscalation } from "../../src/qa/escalation";
import { QuestionRepo } from "../../src/qa/question-repo";
import { solveQuestion } from "../../src/qa/solve";
import { qaServices } from "./qa-services";

const jobs = (services: Services) =>
  services.db.prepare("SELECT key, run_at, state FROM jobs WHERE kind LIKE 'qa.%' ORDER BY id").all() as {
    key: string;
    run_at: number;
    state: string;
  }[];

/** A tracked question with its first escalation, as the event path stores it. */
function ask(services: Services, messageId: string) {
  const q = new QuestionRepo(services.db).create({
    askerId: "console:ben",
    channelId: "console:fragen",
    messageId,
    text: "Wie geht OZG?",
    at: services.clock.now(),
  });
  scheduleEscalation(services, q, 1, q.askedAt);
  return q;
}

describe("escalation timing", () => {
  it("schedules the first escalation after 24 working hours, skipping the weekend, inside working hours", () => {
    const { services } = qaServices("2026-12-05T10:00:00Z"); // Saturday 11:00 Berlin
    const q = ask(services, "m1");
    // Monday counts fully (due Tuesday 00:00), which moves to the start of working hours
    expect(jobs(services)).toEqual([
      { key: `qa.escalate:${q.id}:1`, run_at: Date.parse("2026-12-08T07:00:00Z"), state: "pending" },
    ]);
  });

  it("never escalates in the evening: a question asked at 20:00 escalates at 08:00", () => {
    const { services } = qaServices("2026-12-01T19:00:00Z"); // Tuesday 20:00 Berlin
    ask(services, "m1");
    expect(new Date(jobs(services)[0]?.run_at ?? 0).toISOString()).toBe("2026-12-03T07:00:00.000Z");
  });

  it("uses COPBOT_QA_ESCALATE_HOURS", () => {
    const { services } = qaServices("2026-12-04T21:00:00Z", { COPBOT_QA_ESCALATE_HOURS: "4" }); // Friday 22:00
    ask(services, "m1");
    // 2 h on Friday, the weekend does not count, 2 h on Monday: Monday 02:00, moved to 08:00 Berlin
    expect(new Date(jobs(services)[0]?.run_at ?? 0).toISOString()).toBe("2026-12-07T07:00:00.000Z");
  });

  it("runs stage 2 one more deadline after stage 1, and not at all once answered", async () => {
    const { services, clock } = qaServices("2026-12-01T08:00:00Z"); // Tuesday 09:00
    services.scheduler.register("qa.escalate", escalateJob);
    const q = ask(services, "m1");
    clock.set(new Date("2026-12-02T08:00:00Z"));
    await services.scheduler.runDue(services);
    expect(jobs(services).map((j) => [j.key, new Date(j.run_at).toISOString(), j.state])).toEqual([
      [`qa.escalate:${q.id}:1`, "2026-12-02T08:00:00.000Z", "done"],
      [`qa.escalate:${q.id}:2`, "2026-12-03T08:00:00.000Z", "pending"],
    ]);
    expect(new QuestionRepo(services.db).get(q.id)?.escalationStage).toBe(1);

    const answered = ask(services, "m2");
    new QuestionRepo(services.db).addAnswer({
      questionId: answered.id,
      messageId: "m3",
      authorId: "console:anna",
      text: "So.",
      at: clock.now(),
    });
    const before = services.outbox.pendingCount();
    escalateJob(
      {
        id: 0,
        kind: "qa.escalate",
        key: "x",
        runAt: clock.now(),
        payload: { questionId: answered.id, stage: 1 },
      },
      { services, now: clock.now(), lateMs: 0 },
    );
    expect(services.outbox.pendingCount()).toBe(before);
    expect(new QuestionRepo(services.db).get(answered.id)?.escalationStage).toBe(0);
  });

  it("solving cancels every pending follow-up", async () => {
    const { services } = qaServices();
    const q = ask(services, "m1");
    const ben = services.members.ensure("console:ben");
    const result = await solveQuestion(services, { questionId: q.id, actor: ben, answer: undefined });
    expect(result.ok).toBe(true);
    expect(jobs(services).map((j) => j.state)).toEqual(["cancelled"]);
  });
});
