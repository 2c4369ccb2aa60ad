import { DateTime } from "luxon";
import type { CommandEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { type Inline, bold, channelRef, msg } from "../core/message";
import type { Translate } from "../i18n";
import { describeSchedule } from "../schedule/describe";
import { type Occurrence, expand, upcoming } from "../schedule/occurrences";
import { findMeeting } from "./command-support";
import { meetingIcs } from "./meeting-ics";
import { MeetingRepo } from "./meeting-repo";
import { formatLocal } from "../schedule/local-time";
import { formatLeadsShort } from "./parse-fields";

/** `meeting list`: every meeting with its rule, channel and next date. */
export function listMeetings(ctx: EventContext<CommandEvent>): void {
  const { services, t } = ctx;
  const repo = new MeetingRepo(services.db);
  const meetings = repo.list();
  if (meetings.length === 0) return ctx.reply(t("meeting.list.empty"));
  const lang = services.langOf(ctx.actor);
  const items = meetings.map((m): Inline[] => {
    const next = upcoming(m.schedule, services.clock.now(), { count: 1, skips: repo.skips(m.id) })[0];
    const state =
      m.state === "paused"
        ? t("meeting.list.paused")
        : next
          ? t("meeting.list.next", { when: formatLocal(next.local, m.schedule.zone, lang) })
          : "";
    return [
      bold(`#${m.id} ${m.title}`),
      ` · ${describeSchedule(t, m.schedule, lang)} · `,
      channelRef(m.channelId),
      ` · ${state}`,
    ];
  });
  ctx.reply(msg().header(t("meeting.list.header")).list(items).build());
}

const PREVIEW_COUNT = 5;

function mark(t: Translate, o: Occurrence): string {
  if (o.status === "holiday") return ` – ${t("meeting.preview.holiday", { holiday: o.holiday ?? "" })}`;
  if (o.status === "moved") return ` – ${t("meeting.preview.moved", { holiday: o.holiday ?? "" })}`;
  if (o.status === "skipped") return ` – ${t("meeting.preview.skipped")}`;
  // `monthly 31` and cron rules can land on a Saturday or Sunday: make it visible.
  return DateTime.fromISO(o.local).weekday >= 6 ? ` – ${t("meeting.preview.weekend")}` : "";
}

/** `meeting preview <id>`: the next dates in local time, holidays and skipped dates marked. */
export function previewMeeting(ctx: EventContext<CommandEvent>, raw: string | undefined): void {
  const { services, t } = ctx;
  const meeting = findMeeting(ctx, raw, "preview");
  if (!meeting) return;
  const lang = services.langOf(ctx.actor);
  const zone = meeting.schedule.zone;
  const skips = new MeetingRepo(services.db).skips(meeting.id);
  const entries = expand(meeting.schedule, services.clock.now(), { count: PREVIEW_COUNT, skips, lang });
  const items = entries.map((o): Inline[] =>
    [formatLocal(o.status === "moved" ? o.original : o.local, zone, lang), mark(t, o)].concat(
      o.status === "moved" ? [` → ${formatLocal(o.local, zone, lang)}`] : [],
    ),
  );
  const m = msg()
    .header(t("meeting.preview.header", { id: meeting.id, title: meeting.title }))
    .list(items)
    .context(
      describeSchedule(t, meeting.schedule, lang),
      " · ",
      channelRef(meeting.channelId),
      " · ",
      t("meeting.preview.reminders", { leads: formatLeadsShort(meeting.remindMinutes) || "–" }),
    );
  if (meeting.state === "paused") m.context(t("meeting.list.paused"));
  ctx.reply(m.build());
}

/** `meeting ics <id>`: the series as an RFC 5545 calendar file. */
export function sendMeetingIcs(ctx: EventContext<CommandEvent>, raw: string | undefined): void {
  const { services, t } = ctx;
  const meeting = findMeeting(ctx, raw, "ics");
  if (!meeting) return;
  const content = meetingIcs(meeting, new MeetingRepo(services.db).skips(meeting.id), services.clock.now());
  const name = `${
    meeting.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "meeting"
  }.ics`;
  ctx.reply(
    msg()
      .text(
        t("meeting.ics.done", {
          title: meeting.title,
          cmd: `${ctx.prefix} meeting ics ${meeting.id}`,
        }),
      )
      .attach({ name, mime: "text/calendar", content })
      .build(),
  );
}
