import type { CommandEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { msg } from "../core/message";
import { formatDateTime } from "../i18n/format";
import { describeSchedule } from "../schedule/describe";
import type { Weekday } from "../schedule/schedule";
import { parseTimeOfDay, parseWeekday } from "../schedule/weekly-spec";
import { sitsOut } from "./candidates";
import { MatchRepo } from "./match-repo";
import { ParticipantRepo } from "./participant-repo";
import { FOLLOW_UP_DAYS, introSchedule, introSettings, nextRound, planNextRound, today } from "./schedule";

type Ctx = EventContext<CommandEvent>;

/** A round schedule as moderators set it. */
export interface IntroScheduleSpec {
  readonly everyWeeks: number;
  readonly weekday: Weekday;
  readonly time: string | undefined;
}

const WEEKS = new Set(["weeks", "week", "wochen", "woche"]);

/** `every N weeks <weekday> [HH:MM]` (or `alle N Wochen …`), N from 1 to 12; undefined when it does not fit. */
export function parseIntroSchedule(tokens: readonly string[]): IntroScheduleSpec | undefined {
  const [every, n, weeks, day, time, ...rest] = tokens.map((tok) => tok.toLowerCase());
  const everyWeeks = Number(n);
  const weekday = day === undefined ? undefined : parseWeekday(day);
  const at = time === undefined ? undefined : parseTimeOfDay(time);
  const fits =
    (every === "every" || every === "alle") &&
    Number.isInteger(everyWeeks) &&
    everyWeeks >= 1 &&
    everyWeeks <= 12 &&
    weeks !== undefined &&
    WEEKS.has(weeks) &&
    (time === undefined || at !== undefined) &&
    rest.length === 0;
  return fits && weekday !== undefined ? { everyWeeks, weekday, time: at } : undefined;
}

/** `intros schedule every N weeks <weekday> [HH:MM]` (moderators): counted from today, replanned at once. */
export function scheduleIntros(ctx: Ctx, spec: IntroScheduleSpec): void {
  const { services, t } = ctx;
  const current = introSettings(services);
  const saved = new ParticipantRepo(services.db).saveSettings({
    everyWeeks: spec.everyWeeks,
    weekday: spec.weekday,
    time: spec.time ?? current.time,
    startDate: today(services),
  });
  const now = services.clock.now();
  planNextRound(services, saved, now);
  const lang = services.langOf(ctx.actor);
  const next = nextRound(services, saved, now);
  ctx.reply(
    t("intros.schedule.done", {
      rule: describeSchedule(t, introSchedule(services, saved), lang),
      date: next ? formatDateTime(next.at, services.config.timeZone, lang) : "–",
    }),
  );
}

/** The opt-in count and how many introductions led to a meeting (moderators). */
export interface IntroStats {
  readonly optedIn: number;
  readonly sittingOut: number;
  readonly rounds: number;
  readonly matches: number;
  /** Matches whose follow-up has gone out. */
  readonly asked: number;
  /** Of those, the ones where at least one person said they met. */
  readonly met: number;
}

/** Figures about introductions now; matches are counted from `from` on. */
export function introStats(ctx: Pick<Ctx, "services">, from = new Date(0)): IntroStats {
  const { services } = ctx;
  const now = services.clock.now();
  const participants = new ParticipantRepo(services.db).active();
  const repo = new MatchRepo(services.db);
  // Up to and including this moment: a round that just ran counts.
  const matches = repo.matchesBetween(from, new Date(now.getTime() + 1));
  const asked = matches.filter((m) => m.createdAt.getTime() + FOLLOW_UP_DAYS * 86_400_000 <= now.getTime());
  return {
    optedIn: participants.length,
    sittingOut: participants.filter((p) => sitsOut(services, p, now) !== undefined).length,
    rounds: repo.roundCount(),
    matches: matches.length,
    asked: asked.length,
    met: asked.filter((m) => m.members.some((x) => x.answer === "met")).length,
  };
}

/** `intros stats` (moderators). */
export function showIntroStats(ctx: Ctx): void {
  const { services, t } = ctx;
  const s = introStats(ctx);
  const lang = services.langOf(ctx.actor);
  const settings = introSettings(services);
  const next = nextRound(services, settings, services.clock.now());
  const share = s.asked === 0 ? "–" : `${Math.round((100 * s.met) / s.asked)} %`;
  ctx.reply(
    msg()
      .header(t("intros.stats.title"))
      .list([
        [t("intros.stats.opted_in", { n: s.optedIn, paused: s.sittingOut })],
        [t("intros.stats.rounds", { rounds: s.rounds, matches: s.matches })],
        [
          s.asked === 0
            ? t("intros.stats.met_none")
            : t("intros.stats.met", { met: s.met, asked: s.asked, share }),
        ],
        [
          t("intros.stats.next", {
            date: next ? formatDateTime(next.at, services.config.timeZone, lang) : "–",
            rule: describeSchedule(t, introSchedule(services, settings), lang),
          }),
        ],
      ])
      .build(),
  );
}
