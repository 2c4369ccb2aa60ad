import type { PrivacyHooks } from "../core/privacy";
import { IntrosPrivacyRepo } from "./privacy-repo";

/**
 * The introductions part of a member's data: their opt-in and intro history, both deleted on
 * erasure, which also keeps them out of every coming round.
 */
export const introsPrivacy: PrivacyHooks = {
  export: (services, memberId) => new IntrosPrivacyRepo(services.db).export(memberId),
  forget: (services, memberId) => new IntrosPrivacyRepo(services.db).forget(memberId),
};
