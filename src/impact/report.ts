import type { CommandEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { msg } from "../core/message";
import type { Translate } from "../i18n";
import { formatDay, formatDecimal, formatDurationShort, formatNumber } from "../i18n/format";
import { renderBarChart, type ChartPoint } from "./chart";
import { toCsv } from "./csv";
import { computeFigures, type ReportFigures } from "./figures";
import { gatherPeriod, gatherReport } from "./gather";
import { periodOf, type Period, type PeriodKind } from "./period";

type Ctx = EventContext<CommandEvent>;

const percent = (share: number | undefined): string =>
  share === undefined ? "–" : `${Math.round(share * 100)} %`;

/** The figures as CSV: one row per figure, with the period and raw values (ms, shares 0..1). */
export function reportCsv(period: Period, f: ReportFigures): string {
  const rows: [string, number | undefined][] = [
    ["questions_asked", f.asked],
    ["questions_solved", f.solved],
    [
      "median_first_answer_minutes",
      f.medianFirstAnswerMs === undefined ? undefined : f.medianFirstAnswerMs / 60_000,
    ],
    ["median_solution_minutes", f.medianSolutionMs === undefined ? undefined : f.medianSolutionMs / 60_000],
    ["answers", f.answers],
    ["answers_by_non_experts", f.nonExpertAnswers],
    ["non_expert_share", f.nonExpertShare],
    ["registered_experts", f.experts],
    ["expert_load_gini", f.expertGini],
    ["expert_load_top10_share", f.topTenthShare],
    ["members_active", f.tiers.active],
    ["members_occasional", f.tiers.occasional],
    ["members_sporadic", f.tiers.sporadic],
    ["meeting_dates_with_rsvps", f.meetingDates],
    ["meeting_rsvps_yes", f.attendance],
    ["meeting_yes_per_date", f.attendancePerDate],
    ["introductions_made", f.introsMade],
    ["introductions_asked", f.introsAsked],
    ["introductions_met", f.introsMet],
    ["groups_formed", f.groupsFormed],
    ["results_delivered", f.resultsDelivered],
  ];
  return toCsv([
    ["period", "from", "to", "metric", "value"],
    ...rows.map(([metric, value]) => [
      period.id,
      period.from.toISOString(),
      period.to.toISOString(),
      metric,
      value,
    ]),
  ]);
}

/** The report's lines in the reader's language. */
function reportLines(t: Translate, f: ReportFigures, lang: "de" | "en"): string[] {
  const time = (ms: number | undefined): string => (ms === undefined ? "–" : formatDurationShort(ms, lang));
  const decimal = (value: number | undefined): string =>
    value === undefined ? "–" : formatDecimal(value, lang);
  const n = (count: number): string => formatNumber(count, lang);
  return [
    t("impact.report.questions", { asked: n(f.asked), solved: n(f.solved) }),
    t("impact.report.times", { first: time(f.medianFirstAnswerMs), solution: time(f.medianSolutionMs) }),
    t("impact.report.non_experts", { answers: n(f.answers), share: percent(f.nonExpertShare) }),
    t("impact.report.load", {
      experts: n(f.experts),
      gini: decimal(f.expertGini),
      top: percent(f.topTenthShare),
    }),
    t("impact.report.tiers", {
      active: n(f.tiers.active),
      occasional: n(f.tiers.occasional),
      sporadic: n(f.tiers.sporadic),
    }),
    t("impact.report.meetings", {
      dates: n(f.meetingDates),
      yes: n(f.attendance),
      avg: decimal(f.attendancePerDate),
    }),
    t("impact.report.intros", { made: n(f.introsMade), met: n(f.introsMet), asked: n(f.introsAsked) }),
    t("impact.report.groups", { formed: n(f.groupsFormed), delivered: n(f.resultsDelivered) }),
  ];
}

/**
 * `report [month|quarter|year] [last]` (moderators): a compact message with the figures, a PNG
 * chart of questions asked and solved and of answers per week or month, and the figures as
 * CSV. Only counts and shares: no individual is named or ranked.
 */
export async function sendReport(ctx: Ctx, kind: PeriodKind, previous: boolean): Promise<void> {
  const { services, t } = ctx;
  const lang = services.langOf(ctx.actor);
  const zone = services.config.timeZone;
  const period = periodOf(kind, services.clock.now(), zone, previous);
  const figures = computeFigures(gatherPeriod(services, period));
  const points: ChartPoint[] = period.buckets.flatMap((b) => {
    const f = computeFigures(gatherReport(services, b.from, b.to, 1));
    return [
      { bucket: b.label, series: t("impact.chart.asked"), value: f.asked },
      { bucket: b.label, series: t("impact.chart.solved"), value: f.solved },
      { bucket: b.label, series: t("impact.chart.answers"), value: f.answers },
    ];
  });
  const png = await renderBarChart({
    title: `${t("impact.chart.title")} · ${period.id}`,
    points,
    xTitle: t("impact.chart.x"),
    yTitle: t("impact.chart.y"),
  });
  const lastDay = new Date(period.to.getTime() - 1);
  ctx.reply(
    msg()
      .header(t("impact.report.title", { period: period.id }))
      .context(
        t("impact.report.span", {
          from: formatDay(period.from, zone, lang),
          to: formatDay(lastDay, zone, lang),
        }),
      )
      .list(reportLines(t, figures, lang).map((line) => [line]))
      .context(t("impact.report.files"))
      .attach({
        name: `copbot-bericht-${period.id}.png`,
        mime: "image/png",
        content: png.toString("base64"),
        encoding: "base64",
      })
      .attach({
        name: `copbot-bericht-${period.id}.csv`,
        mime: "text/csv",
        content: reportCsv(period, figures),
      })
      .build(),
  );
}
