import { DateTime } from "luxon";
import type { CommandEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { updateExpertSettings } from "./expert-settings-repo";
import { formatDay } from "../i18n/format";
import { parseDate, parseTime } from "../schedule/natural";

type Ctx = EventContext<CommandEvent>;

/** How far ahead `away until` may reach. */
const MAX_AWAY_DAYS = 366;

/** The two ends of a quiet window: `18:00-08:00`, `18 Uhr bis 8 Uhr`, `6pm - 8am`. */
const QUIET_SEPARATOR = /\s*[-–]\s*|\s+(?:bis|to)\s+/i;

/** Quiet hours as typed (times in any form the date parser reads); undefined when malformed. */
export function parseQuietHours(text: string): { start: string; end: string } | undefined {
  const [start, end, ...rest] = text
    .trim()
    .split(QUIET_SEPARATOR)
    .map((part) => parseTime(part));
  if (rest.length > 0 || !start?.ok || !end?.ok || start.value === end.value) return undefined;
  return { start: start.value, end: end.value };
}

/**
 * `away until <date>`: no expert pings until that day, the first day back, in any form the
 * date parser reads (`7.1.2027`, `07.01.`, `nächsten Montag`, `next Monday`).
 */
export function setAway(ctx: Ctx, dateText: string): void {
  const { services } = ctx;
  const now = services.clock.now();
  const zone = services.config.timeZone;
  const lang = services.langOf(ctx.actor);
  const parsed = parseDate(dateText, {
    now,
    zone,
    lang,
    example: `${ctx.prefix} away until ${ctx.t("dates.example.date")}`,
  });
  if (!parsed.ok) return ctx.reply(ctx.t(parsed.error.key, parsed.error.params));
  const back = DateTime.fromISO(parsed.value, { zone });
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
