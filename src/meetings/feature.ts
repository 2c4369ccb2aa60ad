import { checkinAddCommand } from "../../commands/checkin-add";
import { checkinDeleteCommand } from "../../commands/checkin-delete";
import { checkinListCommand } from "../../commands/checkin-list";
import { checkinJoinCommand, checkinLeaveCommand } from "../../commands/checkin-members";
import { meetingAddCommand } from "../../commands/meeting-add";
import { MEETING_FORM, meetingFormSubmitted } from "../../commands/meeting-add-form";
import { meetingFormCheck } from "../../commands/meeting-form-check";
import { meetingEditCommand } from "../../commands/meeting-edit";
import { meetingIcsCommand } from "../../commands/meeting-ics";
import { meetingListCommand } from "../../commands/meeting-list";
import { meetingPreviewCommand } from "../../commands/meeting-preview";
import { meetingSkipCommand } from "../../commands/meeting-skip";
import {
  meetingDeleteCommand,
  meetingPauseCommand,
  meetingResumeCommand,
} from "../../commands/meeting-state";
import type { Feature } from "../core/feature";
import { handleAskButton, handleJoinButton } from "./checkin-buttons";
import {
  ANSWER_DIALOG,
  answerDialog,
  CLOSED_DIALOG,
  closedDialog,
  DIALOG_OWNER,
  handleAnswerButton,
} from "./checkin-dialog";
import { promptJob, nudgeJob, summaryJob } from "./checkin-jobs";
import { NUDGE_JOB, PROMPT_JOB, SUMMARY_JOB } from "./checkin-plan";
import { meetingsHome } from "./home";
import { REMIND_JOB, remindJob } from "./meeting-jobs";
import { handleRsvp } from "./rsvp";

/** Recurring meetings (reminders, RSVP, calendar files) and async check-ins. */
export const meetingsFeature: Feature = {
  name: DIALOG_OWNER,
  commands: [
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
  ],
  buttons: {
    "meeting.rsvp": handleRsvp,
    "checkin.answer": handleAnswerButton,
    "checkin.join": handleJoinButton,
    "checkin.ask": handleAskButton,
  },
  forms: { [MEETING_FORM]: meetingFormSubmitted },
  formValidators: { [MEETING_FORM]: meetingFormCheck },
  jobs: {
    [REMIND_JOB]: remindJob,
    [PROMPT_JOB]: promptJob,
    [NUDGE_JOB]: nudgeJob,
    [SUMMARY_JOB]: summaryJob,
  },
  dialogs: { [ANSWER_DIALOG]: answerDialog, [CLOSED_DIALOG]: closedDialog },
  home: meetingsHome,
};
