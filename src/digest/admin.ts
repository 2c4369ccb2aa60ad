import { resolveChannel } from "../core/commands/resolve";
import type { CommandEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { channelRef, msg } from "../core/message";
import { formatDateTime } from "../i18n/format";
import { describeSchedule } from "../schedule/describe";
import type { Weekday } from "../schedule/schedule";
import { parseTimeOfDay, parseWeekday } from "../schedule/weekly-spec";
import { gatherDigest, isEmpty } from "./content";
import { DigestRepo } from "./digest-repo";
import { digestMessage } from "./render";
import { digestSchedule, digestSettings, nextDigest, planNextDigest, today } from "./schedule";

type Ctx = EventContext<CommandEvent>;
const WEEK_MS = 7 * 86_400_000;

/** What a moderator asked for: a channel (with optional day and time), off, or a preview. */
export type DigestRequest =
  | { readonly kind: "in"; readonly channel: string; readonly weekday?: Weekday; readonly time?: string }
  | { readonly kind: "off" }
  | { readonly kind: "preview" };

/** `in #channel [weekday] [HH:MM]`, `off`, `preview`; undefined when it does not fit. */
export function parseDigestRequest(tokens: readonly string[]): DigestRequest | undefined {
  const [first, channel, ...rest] = tokens;
  const word = first?.toLowerCase();
  if (tokens.length === 1 && (word === "off" || word === "aus")) return { kind: "off" };
  if (tokens.length === 1 && (word === "preview" || word === "vorschau")) return { kind: "preview" };
  if ((word !== "in" && word !== "im") || channel === undefined || rest.length > 2) return undefined;
  let weekday: Weekday | undefined;
  let time: string | undefined;
  for (const token of rest) {
    const day = parseWeekday(token);
    const at = parseTimeOfDay(token);
    if (day !== undefined && weekday === undefined) weekday = day;
    else if (at !== undefined && time === undefined) time = at;
    else return undefined;
  }
  return { kind: "in", channel, ...(weekday ? { weekday } : {}), ...(time ? { time } : {}) };
}

/** `digest …` (moderators): set channel, day and time; switch off; or preview the last 7 days. */
export async function configureDigest(ctx: Ctx, request: DigestRequest): Promise<void> {
  const { services, t } = ctx;
  const current = digestSettings(services);
  const repo = new DigestRepo(services.db);
  const lang = services.langOf(ctx.actor);
  const now = services.clock.now();
  if (request.kind === "preview") {
    // Up to and including this moment, so what just happened shows.
    const to = new Date(now.getTime() + 1);
    const from = new Date(now.getTime() - WEEK_MS);
    const content = gatherDigest(services, from, to);
    if (isEmpty(content)) return ctx.reply(t("digest.preview.empty"));
    ctx.reply(t("digest.preview.title"));
    ctx.reply(digestMessage(services, content, { from, to: now }, { lang, prefix: ctx.prefix, late: false }));
    return;
  }
  if (request.kind === "off") {
    repo.save({ ...current, channelId: undefined });
    return ctx.reply(t("digest.off"));
  }
  const channelId = await resolveChannel(ctx, request.channel);
  const saved = repo.save({
    channelId,
    weekday: request.weekday ?? current.weekday,
    time: request.time ?? current.time,
    startDate: today(services),
  });
  planNextDigest(services, saved, now);
  const next = nextDigest(services, saved, now);
  ctx.reply(
    msg()
      .text(
        t("digest.set", { rule: describeSchedule(t, digestSchedule(services, saved), lang) }),
        " ",
        channelRef(channelId),
      )
      .text(t("digest.next", { date: next ? formatDateTime(next.at, services.config.timeZone, lang) : "–" }))
      .build(),
  );
}
