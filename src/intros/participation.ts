import { DateTime } from "luxon";
import type { ButtonEvent, CommandEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import type { HomeLines } from "../core/home";
import { code } from "../core/message";
import type { Services } from "../core/services";
import { translator, type Lang } from "../i18n";
import { formatDateTime, formatDay } from "../i18n/format";
import { parseLocalDate } from "../schedule/weekly-spec";
import { topicMap } from "./candidates";
import { MatchRepo } from "./match-repo";
import { ParticipantRepo } from "./participant-repo";
import { introSettings, nextRound, planNextRound } from "./schedule";

type Ctx = EventContext<CommandEvent>;

/** At most this many topics per person, each this long. */
export const MAX_TOPICS = 10;
export const MAX_TOPIC_LENGTH = 60;
/** How far ahead a pause may reach; longer is leaving. */
const MAX_PAUSE_DAYS = 366;

/** `intros join [topics …]`: takes part from the next round, with an organisation and topics. */
export function joinIntros(ctx: Ctx, topics: readonly string[]): void {
  const { services, t } = ctx;
  const repo = new ParticipantRepo(services.db);
  if (!ctx.actor.organisation) return ctx.reply(t("intros.join.no_org"));
  const wanted = topics.length > 0 ? topics : (repo.get(ctx.actor.id)?.topics ?? []);
  const now = services.clock.now();
  const preview = {
    memberId: ctx.actor.id,
    topics: wanted,
    state: "active",
    pausedUntil: undefined,
    joinedAt: now,
  } as const;
  const labels = [...topicMap(services, preview).values()];
  if (labels.length === 0) return ctx.reply(t("intros.join.no_topics"));
  repo.join(ctx.actor.id, wanted, now);
  const settings = introSettings(services);
  planNextRound(services, settings, now);
  const next = nextRound(services, settings, now);
  const lang = services.langOf(ctx.actor);
  const date = next ? formatDateTime(next.at, services.config.timeZone, lang) : "–";
  ctx.reply(t("intros.join.done", { date, topics: labels.join(", ") }));
}

/** `intros leave`. */
export function leaveIntros(ctx: Ctx): void {
  const left = new ParticipantRepo(ctx.services.db).leave(ctx.actor.id, ctx.services.clock.now());
  ctx.reply(ctx.t(left ? "intros.leave.done" : "intros.not_in"));
}

/** `intros pause until <date>`: sits out every round before that day. */
export function pauseIntros(ctx: Ctx, dateText: string): void {
  const { services, t } = ctx;
  const now = services.clock.now();
  const zone = services.config.timeZone;
  const lang = services.langOf(ctx.actor);
  const back = parseLocalDate(dateText, now, zone);
  if (!back) return ctx.reply(t("intros.err.date", { text: dateText }));
  if (back.toJSDate() <= now)
    return ctx.reply(t("intros.err.date_past", { date: formatDay(back, zone, lang) }));
  if (back.diff(DateTime.fromJSDate(now), "days").days > MAX_PAUSE_DAYS)
    return ctx.reply(t("intros.err.date_far", { days: MAX_PAUSE_DAYS }));
  const paused = new ParticipantRepo(services.db).pause(ctx.actor.id, back.toJSDate(), now);
  ctx.reply(paused ? t("intros.pause.done", { date: formatDay(back, zone, lang) }) : t("intros.not_in"));
}

/** The follow-up buttons: records whether the people met; only people of that match may answer. */
export function answerFollowUp(ctx: EventContext<ButtonEvent>): void {
  const match = /^(\d{1,9}):(met|not_yet)$/.exec(ctx.event.value ?? "");
  const answer = match?.[2] === "met" ? "met" : "not_yet";
  const recorded =
    match !== null &&
    new MatchRepo(ctx.services.db).answer(Number(match[1]), ctx.actor.id, answer, ctx.services.clock.now());
  if (!recorded) return ctx.reply(ctx.t("intros.followup.not_yours"));
  ctx.reply(ctx.t(answer === "met" ? "intros.followup.met" : "intros.followup.not_yet"));
}

/** The member's line in the home's settings, with the command that changes it. */
export function introsHomeSettings(services: Services, memberId: string, lang: Lang): HomeLines {
  const prefix = services.platforms.prefixOf(memberId);
  const t = translator(lang, prefix);
  const p = new ParticipantRepo(services.db).get(memberId);
  if (!p || p.state !== "active") return [[t("intros.home.out"), " · ", code(`${prefix} intros join`)]];
  const now = services.clock.now();
  if (p.pausedUntil !== undefined && p.pausedUntil > now) {
    const date = formatDay(p.pausedUntil, services.config.timeZone, lang);
    return [[t("intros.home.paused", { date }), " · ", code(`${prefix} intros join`)]];
  }
  const topics = [...topicMap(services, p).values()].join(", ");
  return [[t("intros.home.in", { topics }), " · ", code(`${prefix} intros leave`)]];
}
