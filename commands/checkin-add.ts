import { z } from "zod";
import { msg } from "../src/core/message";
import { createCheckin, DEFAULT_DEADLINE_MINUTES } from "../src/meetings/api";
import { CheckinRepo } from "../src/meetings/checkin-repo";
import { formatLocal, formatSpan } from "../src/meetings/format";
import { shortestGapMinutes } from "../src/meetings/checkin-plan";
import { checkFuture, scheduleFrom } from "../src/meetings/meeting-ops";
import { upcoming } from "../src/schedule/occurrences";
import { EXAMPLES, parseSpec } from "../src/meetings/parse-spec";
import { translator } from "../src/i18n";
import { replyError, resolveSpecChannel, today } from "./meeting-common";
import { commandPrefix } from "./registry";
import { defineCommand } from "./types";

/** `/cop checkin add "Titel" weekly fri 14:00 in #kanal questions "A?|B?"`: an async check-in. */
export const checkinAddCommand = defineCommand({
  name: "checkin add",
  summary: "checkin.add.summary",
  usage: "checkin.add.usage",
  example: "checkin.add.example",
  permission: "moderator",
  args: z.array(z.string()),
  async run(ctx, tokens) {
    const { services, t } = ctx;
    const example = `${commandPrefix(ctx.event.platform)} ${EXAMPLES.checkin}`;
    const parsed = parseSpec(tokens, "checkin", "add", services.clock.now());
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
    const ct = translator(lang);
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
    ctx.reply(
      t("checkin.add.done", { id: checkin.id, title: checkin.title, cmd: commandPrefix(ctx.event.platform) }),
    );
  },
});
