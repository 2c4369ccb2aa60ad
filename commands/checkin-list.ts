import { z } from "zod";
import { bold, channelRef, msg, type Inline } from "../src/core/message";
import { CheckinRepo } from "../src/meetings/checkin-repo";
import { describeSchedule } from "../src/schedule/describe";
import { defineCommand } from "./types";

/** `/cop checkin list`: every check-in with its rule, channel, participants and whether you take part. */
export const checkinListCommand = defineCommand({
  name: "checkin list",
  summary: "checkin.list.summary",
  usage: "checkin.list.usage",
  example: "checkin.list.example",
  permission: "member",
  args: z.tuple([]),
  run(ctx) {
    const { services, t } = ctx;
    const repo = new CheckinRepo(services.db);
    const checkins = repo.list();
    if (checkins.length === 0) return ctx.reply(t("checkin.list.empty"));
    const items = checkins.map((c): Inline[] => {
      const people = repo.participants(c.id);
      const mine = people.includes(ctx.actor.id) ? ` · ${t("checkin.list.you")}` : "";
      return [
        bold(`#${c.id} ${c.title}`),
        ` · ${describeSchedule(t, c.schedule, services.langOf(ctx.actor))} · `,
        channelRef(c.channelId),
        ` · ${t("checkin.list.people", { n: people.length })}${mine}`,
      ];
    });
    ctx.reply(msg().header(t("checkin.list.header")).list(items).build());
  },
});
