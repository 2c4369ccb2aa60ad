import { z } from "zod";
import { channelToken } from "../../src/core/commands/args";
import { defineCommand } from "../../src/core/commands/command";
import { changeQaChannel, listQaChannels } from "../../src/qa/api";

/** `/cop qa channel add|remove [#kanal]` and `/cop qa channel list`: where questions are tracked. */
export const qaChannelCommand = defineCommand({
  name: "qa channel",
  summary: "qa.channel.summary",
  usage: "qa.channel.usage",
  example: "qa.channel.example",
  args: z.union([
    z.tuple([z.literal("list")]),
    z.tuple([z.enum(["add", "remove"])]),
    z.tuple([z.enum(["add", "remove"]), channelToken]),
  ]),
  run: (ctx, args) => (args[0] === "list" ? listQaChannels(ctx) : changeQaChannel(ctx, args[0], args[1])),
});
