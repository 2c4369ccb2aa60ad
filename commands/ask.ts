import { z } from "zod";
import { askOnBehalf } from "../src/qa/ask";
import { qaChannels } from "../src/qa/qa-channels";
import { defineCommand } from "./types";

/**
 * `/cop ask <Frage>`: copbot posts the question in the current channel (in a DM: the first
 * Q&A channel), credits the asker and routes experts in the thread.
 */
export const askCommand = defineCommand({
  name: "ask",
  summary: "qa.ask.summary",
  usage: "qa.ask.usage",
  example: "qa.ask.example",
  permission: "member",
  raw: true,
  args: z.tuple([z.string()]),
  run(ctx, [text]) {
    const { services, event } = ctx;
    const channelId = event.isDm ? qaChannels(services.db)[0] : event.channelId;
    if (channelId === undefined) return ctx.reply(ctx.t("qa.err.ask_where"));
    const result = askOnBehalf(services, { askerId: ctx.actor.id, channelId, text });
    ctx.reply(
      result.ok
        ? ctx.t("qa.ask.done", { id: result.value.questionId })
        : ctx.t(result.error.key, result.error.params),
    );
  },
});
