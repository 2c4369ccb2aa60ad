/**
 * The meetings feature's public face: the operations its commands call and what other
 * features may use (a working group's weekly status check-in). Nothing outside
 * `src/meetings/` imports any other file of it.
 */
export { addCheckin, deleteCheckin, listCheckins, optIntoCheckin, optOutOfCheckin } from "./checkin-admin";
export {
  createCheckin,
  DEFAULT_DEADLINE_MINUTES,
  joinCheckin,
  leaveCheckin,
  stopCheckin,
  weeklySchedule,
  type Schedule,
  type Weekday,
} from "./checkin-ops";
export {
  addMeetingOrOpenForm,
  deleteMeeting,
  editMeetingByText,
  pauseMeeting,
  resumeMeeting,
  skipMeetingByText,
} from "./meeting-admin";
export { listMeetings, previewMeeting, sendMeetingIcs } from "./meeting-views";
export { rsvpsForDates, rsvpsOf, type RsvpFact } from "./activity-repo";
export { meetingDatesBetween, type MeetingDate } from "./dates-between";
