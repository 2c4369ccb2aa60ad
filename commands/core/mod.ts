import { z } from "zod";
import { userToken } from "../../src/core/commands/args";
import { defineCommand } from "../../src/core/commands/command";
import { addModerator, listModerators, removeModerator } from "../../src/core/moderators";

/** `/cop mod add|remove @user`, `/cop mod list`: admins manage the moderators. */
export const modCommand = defineCommand({
  name: "mod",
  summary: "core.mod.summary",
  usage: "core.mod.usage",
  example: "core.mod.example",
  readOnly: (args) => args[0] === "list",
  args: z.union([z.tuple([z.literal("list")]), z.tuple([z.enum(["add", "remove"]), userToken])]),
  run(ctx, args) {
    if (args[0] === "list") return listModerators(ctx);
    return args[0] === "add" ? addModerator(ctx, args[1]) : removeModerator(ctx, args[1]);
  },
});
