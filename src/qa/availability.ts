import { DateTime } from "luxon";
import type { CommandEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { updateExpertSettings } from "./expert-settings-repo";
import { formatDay } from "../i18n/format";

type Ctx = EventContext<CommandEvent>;

/** How far ahead `away until` may reach. */
const MAX_AWAY_DAYS = 366;

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

/** `away until <date>`: no expert pings until that day. */
export function setAway(ctx: Ctx, dateText: string): void {
  const { services } = ctx;
  const now = services.clock.now();
  const zone = services.config.timeZone;
  const lang = services.langOf(ctx.actor);
  const back = parseReturnDate(dateText, now, zone);
  if (!back) return ctx.reply(ctx.t("qa.err.date", { text: dateText }));
  if (back.toJSDate() <= now)
    return ctx.reply(ctx.t("qa.err.date_past", { date: formatDay(back, zone, lang) }));
  if (back.diff(DateTime.fromJSDate(now), "days").days > MAX_AWAY_DAYS) {
    return ctx.reply(ctx.t("qa.err.date_far", { days: MAX_AWAY_DAYS }));
  }
  updateExpertSettings(services.db, ctx.actor.id, { awayUntil: back.toJSDate() });
  ctx.reply(ctx.t("qa.away.set", { date: formatDay(back, zone, lang) }));
}

/** `away off`: back before the announced day. */
export function clearAway(ctx: Ctx): void {
  updateExpertSettings(ctx.services.db, ctx.actor.id, { awayUntil: undefined });
  ctx.reply(ctx.t("qa.away.off"));
}

/** `expert cap <n>`: at most n pings per week. */
export function setWeeklyCap(ctx: Ctx, cap: number): void {
  updateExpertSettings(ctx.services.db, ctx.actor.id, { weeklyCap: cap });
  ctx.reply(ctx.t("qa.settings.cap.set", { n: cap }));
}

/** `expert quiet 18:00-08:00`: no pings in that local window; `off` removes it. */
export function setQuietHours(ctx: Ctx, quiet: { start: string; end: string } | "off"): void {
  if (quiet === "off") {
    updateExpertSettings(ctx.services.db, ctx.actor.id, { quiet: undefined });
    return ctx.reply(ctx.t("qa.settings.quiet.off"));
  }
  updateExpertSettings(ctx.services.db, ctx.actor.id, { quiet });
  ctx.reply(ctx.t("qa.settings.quiet.set", quiet));
}

/** `expert pause` / `expert resume`: never / again tagged as an expert. */
export function setExpertPaused(ctx: Ctx, paused: boolean): void {
  updateExpertSettings(ctx.services.db, ctx.actor.id, { optedOut: paused });
  ctx.reply(ctx.t(paused ? "qa.settings.pause.done" : "qa.settings.resume.done"));
}
