import { z } from "zod";
import { msg } from "../src/core/message";
import { formatDuration } from "../src/qa/duration";
import { qaStats } from "../src/qa/stats";
import { defineCommand } from "./types";

const DAYS = 90;

/** `/cop qa stats`: questions of the last 90 days, median time to first answer and to solution. */
export const qaStatsCommand = defineCommand({
  name: "qa stats",
  summary: "qa.stats.summary",
  usage: "qa.stats.usage",
  example: "qa.stats.example",
  permission: "member",
  args: z.tuple([]),
  run(ctx) {
    const { services, t } = ctx;
    const now = services.clock.now();
    const stats = qaStats(services.db, new Date(now.getTime() - DAYS * 86_400_000));
    const lang = services.langOf(ctx.actor);
    const time = (ms: number | undefined) => (ms === undefined ? "–" : formatDuration(ms, lang));
    ctx.reply(
      msg()
        .text(t("qa.stats.title", { days: DAYS }))
        .list([
          [t("qa.stats.counts", { asked: stats.asked, answered: stats.answered, solved: stats.solved })],
          [t("qa.stats.first_answer", { time: time(stats.medianFirstAnswerMs) })],
          [t("qa.stats.solution", { time: time(stats.medianSolutionMs) })],
        ])
        .build(),
    );
  },
});
