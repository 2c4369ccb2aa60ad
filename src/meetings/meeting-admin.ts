import type { CommandEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { code, msg } from "../core/message";
import { describeSchedule } from "../schedule/describe";
import { upcoming } from "../schedule/occurrences";
import {
  auditForeign,
  findMeeting,
  mayChange,
  replyError,
  resolveSpecChannel,
  today,
} from "./command-support";
import { addMeeting } from "./meeting-create";
import { meetingForm } from "./meeting-form";
import { checkFuture, editMeeting, scheduleFrom, setMeetingState, skipMeetingDate } from "./meeting-ops";
import { MeetingRepo } from "./meeting-repo";
import { parseFutureDate } from "../schedule/natural";
import { meetingError, parseSpec } from "./parse-spec";
import { formatLocal } from "../schedule/local-time";

/**
 * `meeting add …`: a recurring meeting with reminders; without arguments the form where the
 * platform has forms, else the usage line and an example.
 */
export async function addMeetingOrOpenForm(
  ctx: EventContext<CommandEvent>,
  tokens: readonly string[],
): Promise<void> {
  const { services, t, event, actor } = ctx;
  if (tokens.length === 0) {
    const form = meetingForm(t, event.isDm ? undefined : event.channelId);
    if (await services.ports.forId(actor.id).openForm(event.triggerId, actor.id, form)) return;
    const prefix = ctx.prefix;
    return ctx.reply(
      msg()
        .text(t("core.usage"), " ", code(`${prefix} ${t("meeting.add.usage")}`))
        .text(t("core.example"), " ", code(`${prefix} ${t("meeting.add.example")}`))
        .build(),
    );
  }
  const added = await addMeeting(ctx, tokens);
  if (!added.ok) replyError(ctx, added.problem.error);
}

/** `meeting edit <id> …`: changes a series; moderators or its creator. */
export async function editMeetingByText(
  ctx: EventContext<CommandEvent>,
  raw: string | undefined,
  tokens: readonly string[],
): Promise<void> {
  const { services, t } = ctx;
  const meeting = findMeeting(ctx, raw, "edit");
  if (!meeting || !mayChange(ctx, "meeting edit", meeting.createdBy)) return;
  // Errors show an edit line for this meeting, not the `meeting add` example.
  const example = `meeting edit ${meeting.id} weekly tue 09:30`;
  if (tokens.length === 0) {
    return ctx.reply(t("meeting.edit.nothing", { example: `${ctx.prefix} ${example}` }));
  }
  const parsed = parseSpec(tokens, "meeting", "edit", services.clock.now(), example, {
    base: meeting.schedule.recurrence,
    lang: services.langOf(ctx.actor),
  });
  if (!parsed.ok) return replyError(ctx, parsed.error);
  const parts = parsed.value;
  const zone = parts.zone ?? meeting.schedule.zone;
  const schedule =
    scheduleFrom(parts, meeting.schedule, { zone, today: today(ctx, zone) }) ?? meeting.schedule;
  const future = checkFuture(services, schedule, example);
  if (!future.ok) return replyError(ctx, future.error);
  const channelId =
    parts.channelRef === undefined
      ? meeting.channelId
      : await resolveSpecChannel(ctx, parts.channelRef, "meeting");
  if (channelId === undefined) return;
  const { meeting: edited, changed } = editMeeting(services, meeting, parts, schedule, channelId);
  if (!changed) return ctx.reply(t("meeting.edit.unchanged", { id: edited.id, title: edited.title }));
  auditForeign(ctx, meeting.createdBy, "meeting.edit", meeting.id);
  ctx.reply(
    t("meeting.edit.done", {
      id: edited.id,
      title: edited.title,
      rule: describeSchedule(t, edited.schedule, services.langOf(ctx.actor)),
    }),
  );
}

/** `meeting skip <id> <date>`: cancels one date (`7.6.2027`, `nächsten Montag`); the series goes on. */
export function skipMeetingByText(
  ctx: EventContext<CommandEvent>,
  raw: string | undefined,
  dateText: string,
): void {
  const { services, t } = ctx;
  const meeting = findMeeting(ctx, raw, "skip");
  if (!meeting || !mayChange(ctx, "meeting skip", meeting.createdBy)) return;
  const zone = meeting.schedule.zone;
  const skips = new MeetingRepo(services.db).skips(meeting.id);
  // The example names this series' next real date, so it works as typed.
  const next = upcoming(meeting.schedule, services.clock.now(), { count: 1, skips })[0];
  const exampleDate = next?.local.slice(0, 10) ?? today(ctx, zone);
  const date = parseFutureDate(dateText, {
    now: services.clock.now(),
    zone,
    lang: services.langOf(ctx.actor),
    example: `meeting skip ${meeting.id} ${exampleDate}`,
  });
  if (!date.ok) return replyError(ctx, meetingError(date.error).error);
  const until = new Date(Date.parse(`${date.value}T00:00:00Z`) + 2 * 86_400_000);
  const occurrence = upcoming(meeting.schedule, services.clock.now(), { skips, until }).find(
    (o) => o.local.slice(0, 10) === date.value,
  );
  if (!occurrence) {
    const prefix = ctx.prefix;
    return ctx.reply(
      t("meeting.error.notOccurrence", {
        date: date.value,
        title: meeting.title,
        preview: `${prefix} meeting preview ${meeting.id}`,
      }),
    );
  }
  skipMeetingDate(services, meeting, occurrence.local);
  ctx.reply(
    t("meeting.skip.done", {
      title: meeting.title,
      when: formatLocal(occurrence.local, zone, services.langOf(ctx.actor)),
    }),
  );
}

/** `meeting pause <id>`: no reminders until resumed. */
export function pauseMeeting(ctx: EventContext<CommandEvent>, raw: string | undefined): void {
  const meeting = findMeeting(ctx, raw, "pause");
  if (!meeting || !mayChange(ctx, "meeting pause", meeting.createdBy)) return;
  const already = meeting.state === "paused";
  if (!already) setMeetingState(ctx.services, meeting.id, "paused");
  ctx.reply(
    ctx.t(already ? "meeting.pause.already" : "meeting.pause.done", {
      id: meeting.id,
      title: meeting.title,
    }),
  );
}

/** `meeting resume <id>`: reminders again, from the next date on. */
export function resumeMeeting(ctx: EventContext<CommandEvent>, raw: string | undefined): void {
  const meeting = findMeeting(ctx, raw, "resume");
  if (!meeting || !mayChange(ctx, "meeting resume", meeting.createdBy)) return;
  const already = meeting.state === "active";
  if (!already) setMeetingState(ctx.services, meeting.id, "active");
  ctx.reply(
    ctx.t(already ? "meeting.resume.already" : "meeting.resume.done", {
      id: meeting.id,
      title: meeting.title,
    }),
  );
}

/** `meeting delete <id>`: ends the series; pending reminders are cancelled. */
export function deleteMeeting(ctx: EventContext<CommandEvent>, raw: string | undefined): void {
  const meeting = findMeeting(ctx, raw, "delete");
  if (!meeting || !mayChange(ctx, "meeting delete", meeting.createdBy)) return;
  setMeetingState(ctx.services, meeting.id, "deleted");
  ctx.reply(ctx.t("meeting.delete.done", { id: meeting.id, title: meeting.title }));
}
