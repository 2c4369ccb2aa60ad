import { z } from "zod";
import { findManagedGroup } from "../src/groups/find-group";
import { MAX_WEEKS, MIN_WEEKS } from "../src/groups/proposal";
import { reopenGroup } from "../src/groups/reopen";
import { groupId } from "./group-args";
import { defineCommand } from "./types";

/** `/cop group reopen <id> [new due date]`: an expired proposal gets a second call. */
export const groupReopenCommand = defineCommand({
  name: "group reopen",
  summary: "group.cmd.reopen.summary",
  usage: "group.cmd.reopen.usage",
  example: "group.cmd.reopen.example",
  permission: "member",
  args: z.union([z.tuple([groupId]), z.tuple([groupId, z.string()])]),
  run(ctx, [id, due]) {
    const { t, services } = ctx;
    const found = findManagedGroup(ctx, id);
    if (!found.ok) return ctx.reply(t(found.error.key, found.error.params));
    const reopened = reopenGroup(services, found.value, { by: ctx.actor.id, ...(due ? { due } : {}) });
    if (!reopened.ok)
      return ctx.reply(t(reopened.error.key, { min: MIN_WEEKS, max: MAX_WEEKS, ...reopened.error.params }));
    ctx.reply(t("group.reopen.done", { id, title: reopened.value.title }));
  },
});
