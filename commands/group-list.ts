import { msg } from "../src/core/message";
import { noArgs } from "./args";
import { groupRepo } from "../src/groups/context";
import { formatDay } from "../src/groups/dates";
import { defineCommand } from "./types";

/** `/cop group list`: groups looking for members and running groups. */
export const groupListCommand = defineCommand({
  name: "group list",
  summary: "group.cmd.list.summary",
  usage: "group.cmd.list.usage",
  example: "group.cmd.list.example",
  permission: "member",
  args: noArgs,
  run(ctx) {
    const { t, services } = ctx;
    const repo = groupRepo(services);
    const groups = repo.list(["proposed", "forming", "running"]);
    if (groups.length === 0) return ctx.reply(t("group.list.none"));
    const lang = services.langOf(ctx.actor);
    ctx.reply(
      msg()
        .text(t("group.list.title"))
        .list(
          groups.map((g) => [
            t("group.list.line", {
              id: g.id,
              title: g.title,
              state: t(`group.state.${g.state}`),
              seated: repo.members(g.id).length,
              max: g.maxSize,
              due: formatDay(g.due, lang),
            }),
          ]),
        )
        .build(),
    );
  },
});
