import { fail, ok, type Result } from "../core/errors";
import type { Services } from "../core/services";
import { inviteExperts, postCall } from "./call";
import { auditManagement, groupRepo, signupDeadline } from "./context";
import { scheduleDeadline } from "./formation";
import { checkDue } from "./proposal";
import type { Group } from "./group-repo";

/**
 * Opens an expired proposal for sign-up again, with a new deadline and a fresh call. The due
 * date must still be 2–12 weeks ahead; otherwise a new one is needed.
 */
export function reopenGroup(
  services: Services,
  group: Group,
  opts: { due?: string; by: string },
): Result<Group> {
  const due = checkDue(opts.due ?? group.due, { now: services.clock.now(), zone: services.config.timeZone });
  if (!due.ok) return opts.due === undefined ? fail("group.reopen.newDue", { id: group.id }) : fail(due.key);
  return services.db.transaction((): Result<Group> => {
    const repo = groupRepo(services);
    if (!repo.transition(group.id, ["expired"], "proposed"))
      return fail(`group.err.state.${group.state}`, { id: group.id, title: group.title });
    repo.patch(group.id, { due: due.date, signupDeadline: signupDeadline(services) });
    const reopened = repo.get(group.id) ?? group;
    postCall(services, reopened);
    scheduleDeadline(services, reopened);
    inviteExperts(services, reopened);
    auditManagement(services, opts.by, group, "group.reopen");
    return ok(reopened);
  })();
}
