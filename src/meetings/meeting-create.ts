import { fail, ok, UserError, type Result } from "../core/errors";
import type { EventContext } from "../core/feature";
import { code, msg } from "../core/message";
import {
  checkFuture,
  createMeeting,
  DEFAULT_DURATION_MINUTES,
  DEFAULT_REMIND_MINUTES,
  scheduleFrom,
} from "./meeting-ops";
import type { Meeting } from "./meeting-repo";
import { upcoming } from "../schedule/occurrences";
import { EXAMPLES, parseSpec } from "./parse-spec";
import { today } from "./command-support";
import { formatLocal } from "../schedule/local-time";

/** Which step refused the input: the grammar, the dates it produces, or the channel. */
export type AddMeetingProblem = {
  readonly part: "spec" | "schedule" | "channel";
  readonly error: UserError;
};

/**
 * Creates a meeting from the tokens of `meeting add` (quotes already removed) and confirms it
 * to the actor with the next dates. The one-line command and the modal both come through
 * here, so they accept exactly the same grammar and checks. `channelId` is used when the
 * tokens name no channel (the modal's "this channel"). Problems come back unreported, so each
 * caller can say what to fix in its own terms.
 */
export async function addMeeting(
  ctx: EventContext,
  tokens: readonly string[],
  opts: { readonly channelId?: string } = {},
): Promise<{ ok: true; meeting: Meeting } | { ok: false; problem: AddMeetingProblem }> {
  const { services, t } = ctx;
  const refuse = (part: AddMeetingProblem["part"], error: UserError) =>
    ({ ok: false, problem: { part, error } }) as const;
  const parsed = parseSpec(tokens, "meeting", "add", services.clock.now(), EXAMPLES.meeting, {
    lang: services.langOf(ctx.actor),
  });
  if (!parsed.ok) return refuse("spec", parsed.error);
  const parts = parsed.value;
  const zone = parts.zone ?? services.config.timeZone;
  const schedule = scheduleFrom(parts, undefined, { zone, today: today(ctx, zone) });
  if (!schedule) return refuse("spec", new UserError("meeting.error.title", { example: EXAMPLES.meeting }));
  const future = checkFuture(services, schedule);
  if (!future.ok) return refuse("schedule", future.error);
  const channel = await channelOf(ctx, parts.channelRef, opts.channelId);
  if (!channel.ok) return refuse("channel", channel.error);
  const meeting = createMeeting(services, {
    title: parts.title ?? "",
    channelId: channel.value,
    schedule,
    durationMinutes: parts.durationMinutes ?? DEFAULT_DURATION_MINUTES,
    remindMinutes: parts.remindMinutes ?? DEFAULT_REMIND_MINUTES,
    link: parts.link ?? undefined,
    createdBy: ctx.actor.id,
  });
  const lang = services.langOf(ctx.actor);
  const next = upcoming(schedule, services.clock.now(), { count: 3, skips: new Set(), lang });
  const prefix = ctx.prefix;
  ctx.reply(
    msg()
      .text(t("meeting.add.done", { id: meeting.id, title: meeting.title }))
      .list(next.map((o) => [formatLocal(o.local, zone, lang)]))
      .context(
        t("meeting.add.hint"),
        " ",
        code(`${prefix} meeting preview ${meeting.id}`),
        " · ",
        code(`${prefix} meeting ics ${meeting.id}`),
      )
      .build(),
  );
  return { ok: true, meeting };
}

/** The channel the tokens name (`in #kanal`), else the given one; resolved through the platform. */
async function channelOf(
  ctx: EventContext,
  ref: string | undefined,
  fallback: string | undefined,
): Promise<Result<string>> {
  if (ref === undefined) {
    return fallback === undefined
      ? fail("meeting.error.noChannel", { example: EXAMPLES.meeting })
      : ok(fallback);
  }
  const id = await ctx.services.ports.forId(ctx.event.userId).resolveChannel(ref);
  return id === undefined ? fail("meeting.error.channel", { value: ref, example: EXAMPLES.meeting }) : ok(id);
}
