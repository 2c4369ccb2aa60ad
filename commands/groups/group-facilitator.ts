import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { passFacilitation } from "../../src/groups/api";

/** `/cop group facilitator [#id] @name`: the facilitator or a moderator hands facilitation on. */
export const groupFacilitatorCommand = defineCommand({
  name: "group facilitator",
  summary: "group.cmd.facilitator.summary",
  usage: "group.cmd.facilitator.usage",
  example: "group.cmd.facilitator.example",
  raw: true,
  args: z.tuple([z.string()]),
  run: (ctx, [raw]) => passFacilitation(ctx, raw),
});
