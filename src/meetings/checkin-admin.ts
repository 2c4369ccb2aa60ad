import type { CommandEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { type Inline, bold, channelRef, msg } from "../core/message";
import { translator } from "../i18n";
import { describeSchedule } from "../schedule/describe";
import { upcoming } from "../schedule/occurrences";
import { DEFAULT_DEADLINE_MINUTES, createCheckin, stopCheckin } from "./checkin-ops";
import { shortestGapMinutes } from "./checkin-plan";
import { CheckinRepo } from "./checkin-repo";
import {
  auditForeign,
  findCheckin,
  mayChange,
  maySeeCheckin,
  replyError,
  resolveSpecChannel,
  today,
} from "./command-support";
import { checkFuture, scheduleFrom } from "./meeting-ops";
import { EXAMPLES, parseSpec } from "./parse-spec";
import { formatSpan } from "../i18n/format";
import { formatLocal } from "../schedule/local-time";

/** `checkin add …`: an async check-in, announced in its channel with a join button. */
export async function addCheckin(ctx: EventContext<CommandEvent>, tokens: readonly string[]): Promise<void> {
  const { services, t } = ctx;
  const example = `${ctx.prefix} ${EXAMPLES.checkin}`;
  const parsed = parseSpec(tokens, "checkin", "add", services.clock.now(), EXAMPLES.checkin, {
    lang: services.langOf(ctx.actor),
  });
  if (!parsed.ok) return replyError(ctx, parsed.error);
  const parts = parsed.value;
  if (!parts.questions) return ctx.reply(t("checkin.error.noQuestions", { example }));
  const zone = parts.zone ?? services.config.timeZone;
  const schedule = scheduleFrom(parts, undefined, { zone, today: today(ctx, zone) });
  if (!schedule) return ctx.reply(t("meeting.error.title", { example }));
  const future = checkFuture(services, schedule, EXAMPLES.checkin);
  if (!future.ok) return replyError(ctx, future.error);
  const deadline = parts.deadlineMinutes ?? DEFAULT_DEADLINE_MINUTES;
  const gap = shortestGapMinutes(schedule, services.clock.now());
  if (gap !== undefined && deadline >= gap) {
    return ctx.reply(
      t("checkin.error.deadlineOverlap", {
        deadline: formatSpan(t, deadline),
        gap: formatSpan(t, gap),
        example: `${example} deadline ${Math.max(1, Math.floor(gap / 120))}h`,
      }),
    );
  }
  const channelId = await resolveSpecChannel(ctx, parts.channelRef, "checkin");
  if (channelId === undefined) return;
  const created = createCheckin(services, {
    title: parts.title ?? "",
    channelId,
    questions: parts.questions,
    schedule,
    participantIds: [ctx.actor.id],
    createdBy: ctx.actor.id,
    deadlineMinutes: deadline,
  });
  if (!created.ok) return replyError(ctx, created.error);
  const checkin = new CheckinRepo(services.db).get(created.value.id);
  const next = upcoming(schedule, services.clock.now(), { count: 1 })[0];
  if (!checkin || !next) return;
  const lang = services.config.lang;
  const ct = translator(lang, services.platforms.prefixOf(channelId));
  ctx.post(
    { kind: "channel", channelId },
    msg()
      .text(
        ct("checkin.announce", {
          title: checkin.title,
          when: formatLocal(next.local, zone, lang),
          deadline: formatSpan(ct, checkin.deadlineMinutes),
        }),
      )
      .list(checkin.questions.map((q) => [q]))
      .button("checkin.join", ct("checkin.join.button"), String(checkin.id), "primary")
      .build(),
  );
  ctx.reply(t("checkin.add.done", { id: checkin.id, title: checkin.title }));
}

/** `checkin delete <id>`: ends a check-in; moderators or its creator. */
export function deleteCheckin(ctx: EventContext<CommandEvent>, raw: string | undefined): void {
  const checkin = findCheckin(ctx, raw, "delete");
  if (!checkin || !mayChange(ctx, "checkin delete", checkin.createdBy, "checkin.error.notOwner")) return;
  stopCheckin(ctx.services, checkin.id);
  auditForeign(ctx, checkin.createdBy, "checkin.delete", checkin.id);
  ctx.reply(ctx.t("checkin.delete.done", { id: checkin.id, title: checkin.title }));
}

/** `checkin list`: every check-in with its rule, channel, participants and whether you take part. */
export function listCheckins(ctx: EventContext<CommandEvent>): void {
  const { services, t } = ctx;
  const repo = new CheckinRepo(services.db);
  const checkins = repo.list().filter((c) => maySeeCheckin(repo, c, ctx.actor));
  if (checkins.length === 0) return ctx.reply(t("checkin.list.empty"));
  const items = checkins.map((c): Inline[] => {
    const people = repo.participants(c.id);
    const mine = people.includes(ctx.actor.id) ? ` · ${t("checkin.list.you")}` : "";
    return [
      bold(`#${c.id} ${c.title}`),
      ` · ${describeSchedule(t, c.schedule, services.langOf(ctx.actor))} · `,
      channelRef(c.channelId),
      ` · ${t("checkin.list.people", { n: people.length })}${mine}`,
    ];
  });
  ctx.reply(msg().header(t("checkin.list.header")).list(items).build());
}

/** `checkin join <id>`: the check-in's questions by DM from the next round on. */
export function optIntoCheckin(ctx: EventContext<CommandEvent>, raw: string | undefined): void {
  const checkin = findCheckin(ctx, raw, "join");
  if (!checkin) return;
  const fresh = new CheckinRepo(ctx.services.db).join(checkin.id, ctx.actor.id, ctx.services.clock.now());
  ctx.reply(ctx.t(fresh ? "checkin.joined" : "checkin.alreadyIn", { id: checkin.id, title: checkin.title }));
}

/** `checkin leave <id>`: no more prompts from this check-in. */
export function optOutOfCheckin(ctx: EventContext<CommandEvent>, raw: string | undefined): void {
  const checkin = findCheckin(ctx, raw, "leave");
  if (!checkin) return;
  const left = new CheckinRepo(ctx.services.db).leave(checkin.id, ctx.actor.id);
  ctx.reply(ctx.t(left ? "checkin.left" : "checkin.notIn", { id: checkin.id, title: checkin.title }));
}
