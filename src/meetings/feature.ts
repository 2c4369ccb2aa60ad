import { MEETING_FORM, meetingFormSubmitted } from "./meeting-form";
import { meetingFormCheck } from "./meeting-form-check";
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
import { meetingsPrivacy, meetingsRetention } from "./privacy";
import { DROP_JOB, dropJob } from "./drop-notice";
import { handleRsvp, withdrawRsvp } from "./rsvp";
import { DateTime } from "luxon";
import { Ledger } from "../schedule/ledger-repo";
import { warmHolidays } from "../schedule/holidays";
import { holidayRegionsInUse } from "./series-repo";

/** Recurring meetings (reminders, RSVP, calendar files) and async check-ins. */
export const meetingsFeature: Feature = {
  name: DIALOG_OWNER,
  withdrawnButtons: { "meeting.rsvp": withdrawRsvp },
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
    [DROP_JOB]: dropJob,
    [PROMPT_JOB]: promptJob,
    [NUDGE_JOB]: nudgeJob,
    [SUMMARY_JOB]: summaryJob,
  },
  dialogs: { [ANSWER_DIALOG]: answerDialog, [CLOSED_DIALOG]: closedDialog },
  home: meetingsHome,
  privacy: meetingsPrivacy,
  retention: meetingsRetention,
  // At start, not in the first reminder of each region: a catch-up must not stall on them.
  start: (services) => {
    const year = DateTime.fromJSDate(services.clock.now(), { zone: services.config.timeZone }).year;
    warmHolidays(holidayRegionsInUse(services.db), [year, year + 1]);
  },
  prune: (services, limit) =>
    new Ledger(services.db).pruneBefore(
      new Date(services.clock.now().getTime() - services.config.retention.ledgerDays * 86_400_000),
      limit,
    ),
};
