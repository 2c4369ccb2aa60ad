/**
 * The introductions feature's public face: the operations its commands call and the facts
 * reports and a member's impact read. Nothing outside `src/intros/` imports any other file of it.
 */
import type { Db } from "../../db/open";
import { MatchRepo, type IntroMatch } from "./match-repo";

export { parseIntroSchedule, scheduleIntros, showIntroStats } from "./admin";
export { joinIntros, leaveIntros, MAX_TOPIC_LENGTH, MAX_TOPICS, pauseIntros } from "./participation";
export type { IntroMatch } from "./match-repo";

/** Introductions made in [from, to), with each person's answer to the follow-up. */
export function introductionsBetween(db: Db, from: Date, to: Date): IntroMatch[] {
  return new MatchRepo(db).matchesBetween(from, to);
}

/** The introductions one member was part of. */
export function introductionsOf(db: Db, memberId: string): IntroMatch[] {
  return new MatchRepo(db).matchesOf(memberId);
}
