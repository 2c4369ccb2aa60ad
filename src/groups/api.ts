/**
 * The working-groups feature's public face: the operations its commands call. Nothing outside
 * `src/groups/` imports any other file of it.
 */
export { closeWithResult, extendGroup, passFacilitation, reopenExpired } from "./group-admin";
export { GROUP_REF } from "./group-ref";
export { listGroups, logGroupTime, proposeGroup, setGroupStatus, setOwnInvitations } from "./group-work";
export { joinGroup, leaveGroup } from "./membership";
export { manageMilestones } from "./milestone-admin";
export { sendConfirmation } from "./send-confirmation";
export { startGroup } from "./start";
export { allGroups, groupPartsOf, minutesLogged, type GroupFact, type GroupPart } from "./activity-repo";
export { deliverableKey } from "./deliverable";
