import type { Feature } from "../core/feature";
import { followUpJob, introduceJob } from "./introduce";
import { answerFollowUp, introsHomeSettings } from "./participation";
import { roundJob } from "./round";
import { ParticipantRepo } from "./participant-repo";
import { introsPrivacy } from "./privacy";
import { FOLLOW_UP_JOB, INTRODUCE_JOB, planNextRound, ROUND_JOB } from "./schedule";

/**
 * Introductions across organisations ("Kontakte knüpfen"): every N weeks copbot pairs members
 * from different organisations who share a topic, introduces them and asks a week later
 * whether they met.
 */
export const introsFeature: Feature = {
  name: "intros",
  buttons: { "intros.met": answerFollowUp },
  jobs: { [ROUND_JOB]: roundJob, [INTRODUCE_JOB]: introduceJob, [FOLLOW_UP_JOB]: followUpJob },
  // Rounds are planned once someone joined or a moderator set the schedule (settings exist).
  start(services) {
    const settings = new ParticipantRepo(services.db).settings();
    if (settings) planNextRound(services, settings, services.clock.now());
  },
  homeSettings: introsHomeSettings,
  privacy: introsPrivacy,
};
