import { checkinAddCommand } from "./checkin-add";
import { checkinDeleteCommand } from "./checkin-delete";
import { checkinListCommand } from "./checkin-list";
import { checkinJoinCommand, checkinLeaveCommand } from "./checkin-members";
import { meetingAddCommand } from "./meeting-add";
import { meetingEditCommand } from "./meeting-edit";
import { meetingIcsCommand } from "./meeting-ics";
import { meetingListCommand } from "./meeting-list";
import { meetingPreviewCommand } from "./meeting-preview";
import { meetingSkipCommand } from "./meeting-skip";
import { meetingDeleteCommand, meetingPauseCommand, meetingResumeCommand } from "./meeting-state";

/** Recurring meetings and async check-ins. */
export const meetingsCommands = [
  meetingAddCommand,
  meetingPreviewCommand,
  meetingListCommand,
  meetingPauseCommand,
  meetingResumeCommand,
  meetingSkipCommand,
  meetingEditCommand,
  meetingDeleteCommand,
  meetingIcsCommand,
  checkinAddCommand,
  checkinJoinCommand,
  checkinLeaveCommand,
  checkinListCommand,
  checkinDeleteCommand,
];
