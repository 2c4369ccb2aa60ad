import {
  introsJoinCommand,
  introsLeaveCommand,
  introsPauseCommand,
  introsScheduleCommand,
  introsStatsCommand,
} from "./intros";

/** Introductions across organisations. */
export const introsCommands = [
  introsJoinCommand,
  introsLeaveCommand,
  introsPauseCommand,
  introsScheduleCommand,
  introsStatsCommand,
];
