import { askCommand } from "../../commands/ask";
import { awayCommand } from "../../commands/away";
import { expertAddCommand, expertListCommand, expertRemoveCommand } from "../../commands/expert";
import {
  expertCapCommand,
  expertPauseCommand,
  expertQuietCommand,
  expertResumeCommand,
} from "../../commands/expert-settings";
import { qaChannelCommand } from "../../commands/qa-channel";
import { qaOpenCommand } from "../../commands/qa-open";
import { qaStatsCommand } from "../../commands/qa-stats";
import { searchCommand } from "../../commands/search";
import { solvedCommand } from "../../commands/solved";
import { topicAliasCommand } from "../../commands/topic-alias";
import { topicsCommand } from "../../commands/topics";
import type { Feature } from "../core/feature";
import { acceptButton } from "./accept";
import { qaAgenda } from "./agenda";
import { moreButton, solvedButton, stillOpenButton } from "./buttons";
import { escalateJob, nudgeJob } from "./escalation";
import { onMessage, onMessageDeleted, onMessageEdited, onReaction } from "./handlers";
import { qaHome, qaHomeSettings } from "./home";

/** Questions and expert routing: ask, tag the right experts, escalate, solve, keep the knowledge. */
export const qaFeature: Feature = {
  name: "qa",
  commands: [
    askCommand,
    searchCommand,
    solvedCommand,
    qaChannelCommand,
    qaOpenCommand,
    qaStatsCommand,
    expertAddCommand,
    expertRemoveCommand,
    expertListCommand,
    expertCapCommand,
    expertQuietCommand,
    expertPauseCommand,
    expertResumeCommand,
    awayCommand,
    topicsCommand,
    topicAliasCommand,
  ],
  buttons: {
    "qa.solved": solvedButton,
    "qa.accept": acceptButton,
    "qa.more": moreButton,
    "qa.still_open": stillOpenButton,
  },
  jobs: { "qa.escalate": escalateJob, "qa.nudge": nudgeJob },
  onMessage,
  onReaction,
  onMessageEdited,
  onMessageDeleted,
  agenda: qaAgenda,
  home: qaHome,
  homeSettings: qaHomeSettings,
};
