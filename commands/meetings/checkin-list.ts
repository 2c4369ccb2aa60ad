import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { listCheckins } from "../../src/meetings/api";

/** `/cop checkin list`: every check-in with its rule, channel, participants and whether you take part. */
export const checkinListCommand = defineCommand({
  name: "checkin list",
  summary: "checkin.list.summary",
  usage: "checkin.list.usage",
  example: "checkin.list.example",
  args: z.tuple([]),
  run: (ctx) => listCheckins(ctx),
});
