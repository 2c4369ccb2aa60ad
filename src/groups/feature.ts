import type { Feature } from "../core/feature";
import { groupsAgenda } from "./agenda";
import { groupsHome, groupsHomeSettings } from "./home";
import { ARCHIVE_JOB, archiveJob } from "./closing";
import { groupRepo } from "./context";
import { declineFacilitation } from "./facilitator";
import { DEADLINE_JOB, deadlineJob, FORM_CHECK_JOB, formCheckJob } from "./formation";
import { joinGroup, leaveGroup } from "./membership";
import { offerClicked, offerOnProposal } from "./offer";
import { PROPOSE_DIALOG, PROPOSE_FORM, proposalDialogStep, proposalFormSubmitted } from "./proposal-dialog";
import { groupsPrivacy, onMessageDeleted } from "./privacy";
import { proposalFormCheck } from "./proposal-form-check";
import { DUE_JOB, dueJob, MILESTONE_JOB, milestoneJob } from "./reminders";
import { sendConfirmation } from "./send-confirmation";
import { startGroup } from "./start";

/** A button's group number; buttons carry it as their value. */
const buttonGroup = (value: string | undefined): number => Number(value ?? "0");

/** Working groups: propose, form, run and close small focused groups that deliver a result. */
export const groupsFeature: Feature = {
  name: "groups",
  // Proposals are recognised before anything reads them as questions.
  priority: 1,
  buttons: {
    "group.join": (ctx) => joinGroup(ctx, buttonGroup(ctx.event.value)),
    "group.leave": (ctx) => leaveGroup(ctx, buttonGroup(ctx.event.value)),
    "group.start": (ctx) => startGroup(ctx, buttonGroup(ctx.event.value)),
    "group.offer": offerClicked,
    "group.decline": declineFacilitation,
    "group.confirmation": (ctx) => sendConfirmation(ctx, buttonGroup(ctx.event.value)),
  },
  forms: { [PROPOSE_FORM]: proposalFormSubmitted },
  formValidators: { [PROPOSE_FORM]: proposalFormCheck },
  dialogs: { [PROPOSE_DIALOG]: proposalDialogStep },
  jobs: {
    [DEADLINE_JOB]: deadlineJob,
    [FORM_CHECK_JOB]: formCheckJob,
    [DUE_JOB]: dueJob,
    [MILESTONE_JOB]: milestoneJob,
    [ARCHIVE_JOB]: archiveJob,
  },
  onMessage: offerOnProposal,
  onMessageDeleted,
  // Joining a working group's room is joining the group, not the community: no welcome there.
  onMemberJoined: (ctx) => (groupRepo(ctx.services).bySpace(ctx.event.channelId) ? "handled" : undefined),
  agenda: groupsAgenda,
  home: groupsHome,
  homeSettings: groupsHomeSettings,
  privacy: groupsPrivacy,
};
