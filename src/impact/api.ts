/**
 * Reports and a member's impact: what their commands call. Nothing outside `src/impact/`
 * imports any other file of it.
 */
export { sendMemberImpact } from "./member-impact";
export { PERIOD_KINDS, type PeriodKind } from "./period";
export { sendReport } from "./report";
