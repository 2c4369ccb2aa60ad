import { groupCloseCommand } from "./group-close";
import { groupConfirmCommand } from "./group-confirm";
import { groupConfirmationCommand } from "./group-confirmation";
import { groupExtendCommand } from "./group-extend";
import { groupFacilitatorCommand } from "./group-facilitator";
import { groupInvitationsCommand } from "./group-invitations";
import { groupJoinCommand } from "./group-join";
import { groupLeaveCommand } from "./group-leave";
import { groupListCommand } from "./group-list";
import { groupMilestoneCommand } from "./group-milestone";
import { groupProposeCommand } from "./group-propose";
import { groupReopenCommand } from "./group-reopen";
import { groupStatusCommand } from "./group-status";
import { groupTimeCommand } from "./group-time";

/** Working groups. */
export const groupsCommands = [
  groupProposeCommand,
  groupJoinCommand,
  groupLeaveCommand,
  groupConfirmCommand,
  groupStatusCommand,
  groupMilestoneCommand,
  groupExtendCommand,
  groupFacilitatorCommand,
  groupTimeCommand,
  groupCloseCommand,
  groupListCommand,
  groupReopenCommand,
  groupConfirmationCommand,
  groupInvitationsCommand,
];
