import { z } from "zod";
import { mention, msg } from "../src/core/message";
import { userToken } from "./args";
import { resolveMember } from "./resolve";
import { defineCommand } from "./types";

/** `/cop mod add|remove @user`, `/cop mod list`: admins manage the moderators. */
export const modCommand = defineCommand({
  name: "mod",
  summary: "core.mod.summary",
  usage: "core.mod.usage",
  example: "core.mod.example",
  permission: "admin",
  readOnly: (args) => args[0] === "list",
  args: z.union([z.tuple([z.literal("list")]), z.tuple([z.enum(["add", "remove"]), userToken])]),
  async run(ctx, args) {
    const { t, services } = ctx;
    if (args[0] === "list") {
      const people = services.members.withRole("moderator");
      const configured = services.config.admins.filter((id) => !people.some((m) => m.id === id));
      const lines = [
        ...people.map((m) => [
          mention(m.id),
          ` – ${t(m.role === "admin" ? "core.role.admin" : "core.role.moderator")}`,
        ]),
        ...configured.map((id) => [mention(id), ` – ${t("core.role.admin")}`]),
      ];
      ctx.reply(
        lines.length === 0
          ? msg().text(t("core.mod.none")).build()
          : msg().text(t("core.mod.list_title")).list(lines).build(),
      );
      return;
    }
    const [action, token] = args;
    const target = await resolveMember(ctx, token);
    if (action === "add") {
      if (target.role !== "member") {
        ctx.reply(msg().text(mention(target.id), " ", t("core.mod.already")).build());
        return;
      }
      services.members.setRole(target.id, "moderator");
      ctx.reply(msg().text(mention(target.id), " ", t("core.mod.added")).build());
      return;
    }
    if (target.role === "admin" || services.config.admins.includes(target.id)) {
      ctx.reply(msg().text(mention(target.id), " ", t("core.mod.is_admin")).build());
      return;
    }
    if (target.role !== "moderator") {
      ctx.reply(msg().text(mention(target.id), " ", t("core.mod.not_mod")).build());
      return;
    }
    services.members.setRole(target.id, "member");
    ctx.reply(msg().text(mention(target.id), " ", t("core.mod.removed")).build());
  },
});
