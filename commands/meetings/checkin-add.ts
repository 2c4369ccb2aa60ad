import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { addCheckin } from "../../src/meetings/api";

/** `/cop checkin add "Titel" weekly fri 14:00 in #kanal questions "A?|B?"`: an async check-in. */
export const checkinAddCommand = defineCommand({
  name: "checkin add",
  summary: "checkin.add.summary",
  usage: "checkin.add.usage",
  example: "checkin.add.example",
  args: z.array(z.string()),
  run: (ctx, tokens) => addCheckin(ctx, tokens),
});
