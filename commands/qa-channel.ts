import { z } from "zod";
import { channelRef, msg } from "../src/core/message";
import { addQaChannel, qaChannels, removeQaChannel } from "../src/qa/qa-channels";
import { channelToken } from "./args";
import { resolveChannel } from "./resolve";
import { defineCommand } from "./types";

/** `/cop qa channel add|remove [#kanal]` and `/cop qa channel list`: where questions are tracked. */
export const qaChannelCommand = defineCommand({
  name: "qa channel",
  summary: "qa.channel.summary",
  usage: "qa.channel.usage",
  example: "qa.channel.example",
  permission: "moderator",
  args: z.union([
    z.tuple([z.literal("list")]),
    z.tuple([z.enum(["add", "remove"])]),
    z.tuple([z.enum(["add", "remove"]), channelToken]),
  ]),
  async run(ctx, args) {
    const { services, event } = ctx;
    if (args[0] === "list") {
      const channels = qaChannels(services.db);
      if (channels.length === 0) return ctx.reply(ctx.t("qa.channel.none"));
      return ctx.reply(
        msg()
          .text(ctx.t("qa.channel.list"))
          .list(channels.map((c) => [channelRef(c)]))
          .build(),
      );
    }
    if (args[1] === undefined && event.isDm) return ctx.reply(ctx.t("qa.channel.which"));
    const channelId = args[1] === undefined ? event.channelId : await resolveChannel(ctx, args[1]);
    if (args[0] === "add") {
      const added = addQaChannel(services.db, channelId, ctx.actor.id, services.clock.now());
      return ctx.reply(
        msg()
          .text(ctx.t(added ? "qa.channel.added" : "qa.channel.already"), " ", channelRef(channelId))
          .build(),
      );
    }
    const removed = removeQaChannel(services.db, channelId);
    ctx.reply(
      msg()
        .text(ctx.t(removed ? "qa.channel.removed" : "qa.channel.not_qa"), " ", channelRef(channelId))
        .build(),
    );
  },
});
