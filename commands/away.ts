import { DateTime } from "luxon";
import { z } from "zod";
import { formatLocalDay } from "../src/qa/dates";
import { updateExpertSettings } from "../src/qa/expert-settings";
import { defineCommand } from "./types";

const MAX_DAYS = 366;

/**
 * The first day back as a local date: `2026-12-07`, `7.12.2026` or `7.12.` (the next such
 * day). Undefined when it is no valid date.
 */
function parseReturnDate(text: string, now: Date, zone: string): DateTime | undefined {
  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})?$/.exec(text);
  let date: DateTime | undefined;
  if (iso) date = DateTime.fromObject({ year: +iso[1]!, month: +iso[2]!, day: +iso[3]! }, { zone });
  else if (german) {
    const year = german[3] === undefined ? today.year : Number(german[3]);
    date = DateTime.fromObject({ year, month: Number(german[2]), day: Number(german[1]) }, { zone });
    if (german[3] === undefined && date.isValid && date < today) date = date.plus({ years: 1 });
  }
  return date?.isValid ? date : undefined;
}

/** `/cop away until <Datum>` / `/cop away off`: no expert pings while away. */
export const awayCommand = defineCommand({
  name: "away",
  summary: "qa.away.summary",
  usage: "qa.away.usage",
  example: "qa.away.example",
  permission: "member",
  args: z.union([z.tuple([z.literal("off")]), z.tuple([z.enum(["until", "bis"]), z.string()])]),
  run(ctx, args) {
    const { services } = ctx;
    if (args[0] === "off") {
      updateExpertSettings(services.db, ctx.actor.id, { awayUntil: undefined });
      return ctx.reply(ctx.t("qa.away.off"));
    }
    const now = services.clock.now();
    const zone = services.config.timeZone;
    const lang = services.langOf(ctx.actor);
    const back = parseReturnDate(args[1], now, zone);
    if (!back) return ctx.reply(ctx.t("qa.err.date", { text: args[1] }));
    if (back.toJSDate() <= now)
      return ctx.reply(ctx.t("qa.err.date_past", { date: formatLocalDay(back, zone, lang) }));
    if (back.diff(DateTime.fromJSDate(now), "days").days > MAX_DAYS) {
      return ctx.reply(ctx.t("qa.err.date_far", { days: MAX_DAYS }));
    }
    updateExpertSettings(services.db, ctx.actor.id, { awayUntil: back.toJSDate() });
    ctx.reply(ctx.t("qa.away.set", { date: formatLocalDay(back, zone, lang) }));
  },
});
