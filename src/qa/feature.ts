import type { Feature } from "../core/feature";
import { acceptButton } from "./accept";
import { qaAgenda } from "./agenda";
import { moreButton, solvedButton, stillOpenButton } from "./buttons";
import { escalateJob, nudgeJob } from "./escalation";
import { onMessageDeleted } from "./deletion";
import { followButton } from "./follow";
import { compactKnowledgeSlice } from "./knowledge-compaction";
import { onMessage, onMessageEdited, onReaction } from "./handlers";
import { qaHome, qaHomeSettings } from "./home";
import { qaPrivacy, qaRetention } from "./privacy";

/** Questions and expert routing: ask, tag the right experts, escalate, solve, keep the knowledge. */
export const qaFeature: Feature = {
  name: "qa",
  buttons: {
    "qa.solved": solvedButton,
    "qa.accept": acceptButton,
    "qa.more": moreButton,
    "qa.still_open": stillOpenButton,
    "qa.follow": followButton,
  },
  jobs: { "qa.escalate": escalateJob, "qa.nudge": nudgeJob },
  onMessage,
  onReaction,
  onMessageEdited,
  onMessageDeleted,
  agenda: qaAgenda,
  home: qaHome,
  homeSettings: qaHomeSettings,
  privacy: qaPrivacy,
  retention: qaRetention,
  compact: (services) => compactKnowledgeSlice(services.db),
};
