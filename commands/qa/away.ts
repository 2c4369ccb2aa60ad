import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { clearAway, setAway } from "../../src/qa/api";

/** `/cop away until <Datum>` / `/cop away off`: no expert pings while away. */
export const awayCommand = defineCommand({
  name: "away",
  summary: "qa.away.summary",
  usage: "qa.away.usage",
  example: "qa.away.example",
  args: z.union([
    z.tuple([z.literal("off")]),
    z.tuple([z.enum(["until", "bis"]), z.string()]).rest(z.string()),
  ]),
  run: (ctx, args) => (args[0] === "off" ? clearAway(ctx) : setAway(ctx, args.slice(1).join(" "))),
});
