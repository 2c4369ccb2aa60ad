import type { Services } from "../core/services";
import { allGroups, minutesLogged } from "../groups/api";
import { introductionsBetween } from "../intros/api";
import { rsvpsForDates } from "../meetings/api";
import { answersGiven, expertIds, questionsAsked, questionsSolved } from "../qa/api";
import type { ReportInput } from "./figures";
import { localKey, weekOf, type Period } from "./period";

const FOLLOW_UP_MS = 7 * 86_400_000;

/** Collects the facts of a period from Q&A, meetings, introductions and working groups (their api.ts). */
export function gatherReport(services: Services, from: Date, to: Date, weeks: number): ReportInput {
  const { db } = services;
  const zone = services.config.timeZone;
  const now = services.clock.now();
  const inPeriod = (at: Date | undefined): boolean => at !== undefined && at >= from && at < to;
  const groups = allGroups(db);
  return {
    questions: questionsAsked(db, from, to),
    solvedCount: questionsSolved(db, from, to).length,
    answers: answersGiven(db, from, to),
    expertIds: expertIds(db),
    rsvps: rsvpsForDates(db, localKey(from, zone), localKey(to, zone)),
    timeLogs: minutesLogged(db, from, to),
    intros: introductionsBetween(db, from, to).map((m) => ({
      asked: m.createdAt.getTime() + FOLLOW_UP_MS <= now.getTime(),
      met: m.members.some((x) => x.answer === "met"),
    })),
    groupsFormed: groups.filter((g) => inPeriod(g.startedAt)).length,
    resultsDelivered: groups.filter((g) => inPeriod(g.closedAt) && g.resultUrl !== undefined).length,
    weeks,
    weekOf: (at) => weekOf(at, zone),
  };
}

/** The facts of a whole period (for the figures). */
export function gatherPeriod(services: Services, period: Period): ReportInput {
  return gatherReport(services, period.from, period.to, period.weeks);
}
