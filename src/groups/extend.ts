import { DateTime } from "luxon";
import { fail, ok, type Result } from "../core/errors";
import type { Services } from "../core/services";
import { auditManagement, groupRepo } from "./context";
import { parseDate } from "./dates";
import { MAX_WEEKS } from "./proposal";
import { dueKeyPrefix, scheduleDueReminders } from "./reminders";
import type { Group } from "./group-repo";

/**
 * Moves a running group's due date later, with a reason (kept in the history). The new date
 * must be real, later than the current one and at most 12 weeks ahead; reminders follow it.
 */
export function extendDue(
  services: Services,
  group: Group,
  opts: { date: string; reason: string; by: string },
): Result<string> {
  const zone = services.config.timeZone;
  if (opts.date.trim() === "") return fail("group.extend.dateMissing");
  const date = parseDate(opts.date, zone, services.clock.now());
  if (!date) return fail("group.check.dueInvalid");
  const today = DateTime.fromJSDate(services.clock.now(), { zone }).startOf("day");
  if (date < today) return fail("group.extend.past", { due: group.due, max: MAX_WEEKS });
  if (date.diff(today, "days").days > MAX_WEEKS * 7) return fail("group.check.dueFar", { max: MAX_WEEKS });
  const due = date.toISODate() ?? opts.date;
  if (due <= group.due) return fail("group.extend.notLater", { due: group.due });
  if (opts.reason.trim() === "") return fail("group.extend.reason");
  services.db.transaction(() => {
    const repo = groupRepo(services);
    repo.recordExtension(group.id, {
      from: group.due,
      to: due,
      reason: opts.reason.trim(),
      by: opts.by,
      at: services.clock.now(),
    });
    repo.patch(group.id, { due });
    services.scheduler.cancelPrefix(dueKeyPrefix(group.id));
    scheduleDueReminders(services, { ...group, due });
    auditManagement(services, opts.by, group, "group.extend", {
      from: group.due,
      to: due,
      reason: opts.reason,
    });
  })();
  return ok(due);
}
