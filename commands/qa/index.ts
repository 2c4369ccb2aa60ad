import { askCommand } from "./ask";
import { awayCommand } from "./away";
import { expertAddCommand, expertListCommand, expertRemoveCommand } from "./expert";
import {
  expertCapCommand,
  expertPauseCommand,
  expertQuietCommand,
  expertResumeCommand,
} from "./expert-settings";
import { qaChannelCommand } from "./qa-channel";
import { qaOpenCommand } from "./qa-open";
import { qaStatsCommand } from "./qa-stats";
import { searchCommand } from "./search";
import { solvedCommand } from "./solved";
import { topicAliasCommand } from "./topic-alias";
import { topicsCommand } from "./topics";

/** Questions and experts. */
export const qaCommands = [
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
];
