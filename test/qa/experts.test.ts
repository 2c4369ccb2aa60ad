import { inlineToPlain } from "../../src/core/message";
import type { Services } from "../../src/core/services";
import { addExpertTopics, recordAnsweredQuestion } from "../../src/qa/expert-repo";
import { updateExpertSettings } from "../../src/qa/expert-settings-repo";
import { findExperts } from "../../src/qa/experts";
import { QuestionRepo } from "../../src/qa/question-repo";
import { setTopicAlias } from "../../src/qa/topic-repo";
import { DAY, HOUR, qaServices } from "./qa-services";

const id = (name: string) => `console:${name}`;

function expertsFor(
  services: Services,
  text: string,
  opts: { exclude?: string[]; questionId?: number; limit?: number } = {},
) {
  return findExperts(services, {
    text,
    exclude: opts.exclude ?? [],
    limit: opts.limit ?? 3,
    purpose: "question",
    ...(opts.questionId !== undefined ? { questionId: opts.questionId } : {}),
  });
}

function register(services: Services, name: string, ...topics: string[]) {
  addExpertTopics(services.db, id(name), topics, services.clock.now());
}

let messages = 0;
function question(services: Services, asker: string, text: string) {
  messages += 1;
  return new QuestionRepo(services.db).create({
    askerId: id(asker),
    channelId: "console:fragen",
    messageId: `m${messages}`,
    text,
    at: services.clock.now(),
  });
}

describe("findExperts", () => {
  it("matches the question text to topics (plural, case, hyphen) and explains why", () => {
    const { services } = qaServices();
    register(services, "anna", "E-Akte");
    register(services, "otto", "Vergaberecht");
    const found = expertsFor(services, "Wie migriert ihr Altakten in die E-Akten?");
    expect(found.map((e) => e.memberId)).toEqual([id("anna")]);
    expect(found[0]?.reason.map((r) => inlineToPlain(r)).join("")).toBe(
      "E-Akte · noch keine gelösten Fragen",
    );
  });

  it("counts accepted answers in the reason and finds people by what they answered", () => {
    const { services } = qaServices();
    register(services, "anna", "E-Akte");
    const repo = new QuestionRepo(services.db);
    for (let i = 0; i < 4; i++) {
      const q = question(services, "ben", `Frage ${i} zur E-Akte?`);
      repo.addAnswer({
        questionId: q.id,
        messageId: `a${i}`,
        authorId: id("anna"),
        text: "So.",
        at: services.clock.now(),
      });
      repo.solve(q.id, id("ben"), services.clock.now(), repo.answers(q.id)[0]);
    }
    recordAnsweredQuestion(services.db, id("anna"), 1, "Scanstraße für Posteingang einrichten");
    const [byTopic] = expertsFor(services, "Hat jemand Erfahrung mit der E-Akte?");
    expect(byTopic?.reason.map((r) => inlineToPlain(r)).join("")).toBe("E-Akte · 4 gelöste Fragen");
    const [byHistory] = expertsFor(services, "Wie richtet ihr die Scanstraße ein?");
    expect(byHistory?.memberId).toBe(id("anna"));
    expect(byHistory?.reason.map((r) => inlineToPlain(r)).join("")).toBe(
      "hat Ähnliches beantwortet · 4 gelöste Fragen",
    );
  });

  it("follows topic aliases", () => {
    const { services } = qaServices();
    register(services, "anna", "E-Akte");
    setTopicAlias(services.db, "E-Akte", "elektronische Akte", id("admin"), services.clock.now());
    expect(
      expertsFor(services, "Wer kennt sich mit der elektronischen Akte aus?").map((e) => e.memberId),
    ).toEqual([id("anna")]);
    expect(
      findExperts(services, {
        topics: ["Elektronische Akten"],
        exclude: [],
        limit: 3,
        purpose: "group-invite",
      }),
    ).toHaveLength(1);
  });

  it("needs no alias for spelling variants: eakte and E-Akte are one topic", () => {
    const { services } = qaServices();
    register(services, "anna", "eakte");
    register(services, "bert", "E-Akte");
    expect(setTopicAlias(services.db, "E-Akte", "eakte", id("admin"), services.clock.now())).toMatchObject({
      ok: false,
    });
    const found = findExperts(services, {
      topics: ["e akte"],
      exclude: [],
      limit: 3,
      purpose: "group-invite",
    });
    expect(found.map((e) => e.memberId).sort()).toEqual([id("anna"), id("bert")]);
  });

  it("never tags the asker and never the same person twice for one question", () => {
    const { services } = qaServices();
    register(services, "anna", "OZG");
    register(services, "ben", "OZG");
    const q = question(services, "ben", "Wie setzt ihr das OZG um?");
    expect(
      expertsFor(services, q.text, { exclude: [id("ben")], questionId: q.id }).map((e) => e.memberId),
    ).toEqual([id("anna")]);
    expect(expertsFor(services, q.text, { exclude: [id("ben")], questionId: q.id })).toEqual([]);
  });

  it("respects away, opt-out and quiet hours", () => {
    const { services, clock } = qaServices("2026-11-30T17:30:00Z"); // 18:30 Berlin
    register(services, "anna", "OZG");
    register(services, "carl", "OZG");
    register(services, "dora", "OZG");
    updateExpertSettings(services.db, id("anna"), { awayUntil: new Date("2026-12-02T23:00:00Z") });
    updateExpertSettings(services.db, id("carl"), { optedOut: true });
    updateExpertSettings(services.db, id("dora"), { quiet: { start: "18:00", end: "08:00" } });
    expect(expertsFor(services, "OZG?")).toEqual([]);
    clock.set(new Date("2026-12-01T08:30:00Z")); // Tuesday 09:30: dora's quiet hours are over
    expect(expertsFor(services, "Frage zum OZG").map((e) => e.memberId)).toEqual([id("dora")]);
    clock.set(new Date("2026-12-03T08:30:00Z")); // anna is back
    expect(expertsFor(services, "Noch eine Frage zum OZG").map((e) => e.memberId)).toContain(id("anna"));
  });

  it("counts every ping against the weekly cap (default 3), also group invites, and resets next week", () => {
    const { services, clock } = qaServices();
    register(services, "anna", "OZG");
    for (let i = 0; i < 2; i++) expect(expertsFor(services, `OZG Frage ${i}`)).toHaveLength(1);
    expect(
      findExperts(services, { topics: ["OZG"], exclude: [], limit: 1, purpose: "group-invite" }),
    ).toHaveLength(1);
    expect(expertsFor(services, "OZG Frage 4")).toEqual([]);
    clock.advance(7 * DAY);
    expect(expertsFor(services, "OZG Frage 5")).toHaveLength(1);
  });

  it("honours a custom cap", () => {
    const { services } = qaServices();
    register(services, "anna", "OZG");
    updateExpertSettings(services.db, id("anna"), { weeklyCap: 1 });
    expect(expertsFor(services, "OZG eins")).toHaveLength(1);
    expect(expertsFor(services, "OZG zwei")).toEqual([]);
  });

  it("rotates equally good experts so the same person is not always asked", () => {
    const { services, clock } = qaServices();
    for (const name of ["anna", "bert", "cleo"]) register(services, name, "OZG");
    const first: string[] = [];
    for (let i = 0; i < 3; i++) {
      first.push(...expertsFor(services, `OZG Frage ${i}`, { limit: 1 }).map((e) => e.memberId));
      clock.advance(HOUR);
    }
    expect(new Set(first).size).toBe(3);
  });

  it("prefers the less loaded expert at equal match", () => {
    const { services, clock } = qaServices();
    register(services, "anna", "OZG");
    register(services, "bert", "OZG");
    expertsFor(services, "OZG Frage a", { exclude: [id("bert")] });
    expertsFor(services, "OZG Frage b", { exclude: [id("bert")] });
    clock.advance(HOUR);
    expect(expertsFor(services, "OZG Frage c", { limit: 1 }).map((e) => e.memberId)).toEqual([id("bert")]);
  });

  it("tags at most `limit` experts", () => {
    const { services } = qaServices();
    for (const name of ["a1", "a2", "a3", "a4", "a5"]) register(services, name, "OZG");
    expect(expertsFor(services, "OZG?", { limit: 3 })).toHaveLength(3);
  });
});
