import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { askInChannel } from "../../src/qa/api";

/**
 * `/cop ask <Frage>`: copbot posts the question in the current channel (in a DM: the first
 * Q&A channel), credits the asker and routes experts in the thread.
 */
export const askCommand = defineCommand({
  name: "ask",
  summary: "qa.ask.summary",
  usage: "qa.ask.usage",
  example: "qa.ask.example",
  raw: true,
  args: z.tuple([z.string()]),
  run: (ctx, [text]) => askInChannel(ctx, text),
});
