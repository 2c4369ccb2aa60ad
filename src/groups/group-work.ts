import type { CommandEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { mention, msg } from "../core/message";
import { auditManagement, communityVoice, groupRepo, mayAct } from "./context";
import { parseDuration } from "./duration";
import { findGroup, findOwnGroup, groupInState } from "./find-group";
import { splitLeadingGroupRef, splitRawGroupRef } from "./group-ref";
import { setInvitations } from "./invitation-repo";
import { resolvePerson, startProposal, submitAndReport } from "./proposal-dialog";
import { parseProposalLine } from "./proposal-line";
import { LATE_LOG_DAYS, mayLogTime } from "./time-log";
import { logTime, totalMinutes } from "./time-log-repo";
import { formatHours, formatIsoDate } from "../i18n/format";

const MAX_STATUS = 280;

/**
 * `group status [#id] <text>`: the group's one-line status (shown in the meeting agenda); without
 * text the current one.
 */
export function setGroupStatus(ctx: EventContext<CommandEvent>, raw: string): void {
  const { t, services } = ctx;
  const { id, rest } = splitRawGroupRef(raw);
  const group = groupInState(ctx, findOwnGroup(ctx, id, "group status"), ["running"]);
  if (!group) return;
  if (rest === "")
    return ctx.reply(
      t("group.status.current", {
        title: group.title,
        status: group.statusText ?? t("group.agenda.noStatus"),
      }),
    );
  if (rest.length > MAX_STATUS) return ctx.reply(t("group.status.tooLong", { max: MAX_STATUS }));
  const repo = groupRepo(services);
  repo.setStatus(group.id, rest);
  // Members set their own group's status; anyone else needed moderator rights.
  if (repo.membership(group.id, ctx.actor.id)?.state !== "joined") {
    auditManagement(services, ctx.actor.id, group, "group.status", { status: rest });
  }
  ctx.reply(t("group.status.saved", { title: group.title }));
  if (group.spaceId !== undefined && group.spaceId !== ctx.event.channelId) {
    const voice = communityVoice(services, group.channelId);
    ctx.post(
      { kind: "channel", channelId: group.spaceId },
      msg().text(voice.t("group.status.posted"), " ", mention(ctx.actor.id), ": ", rest).build(),
    );
  }
}

/**
 * `group time [#id] <2h|90m|1,5h> [note]`: a member logs time spent on the group's work, also for
 * a while after the close.
 */
export function logGroupTime(ctx: EventContext<CommandEvent>, raw: string): void {
  const { t, services, actor } = ctx;
  const { id, rest } = splitLeadingGroupRef(raw);
  if (rest === "") return ctx.reply(t("group.time.missing"));
  const [amount = "", ...note] = rest.split(/\s+/);
  const minutes = parseDuration(amount);
  if (minutes === undefined) return ctx.reply(t("group.time.invalid", { text: amount }));
  const group = groupInState(ctx, findGroup(ctx, id), ["running", "closed"]);
  if (!group) return;
  if (!mayLogTime(group, services.clock.now())) {
    return ctx.reply(t("group.time.tooLate", { title: group.title, days: LATE_LOG_DAYS }));
  }
  if (!mayAct(services, actor, group, "group time")) {
    return ctx.reply(t("group.err.notMember", { id: group.id, title: group.title }));
  }
  logTime(services.db, {
    groupId: group.id,
    memberId: actor.id,
    minutes,
    ...(note.length > 0 ? { note: note.join(" ") } : {}),
    at: services.clock.now(),
  });
  ctx.reply(
    t("group.time.logged", {
      time: formatHours(minutes),
      title: group.title,
      total: formatHours(totalMinutes(services.db, group.id, actor.id)),
    }),
  );
}

/** `group list`: groups looking for members and running groups. */
export function listGroups(ctx: EventContext<CommandEvent>): void {
  const { t, services } = ctx;
  const repo = groupRepo(services);
  const groups = repo.list(["proposed", "forming", "running"]);
  if (groups.length === 0) return ctx.reply(t("group.list.none"));
  const lang = services.langOf(ctx.actor);
  ctx.reply(
    msg()
      .text(t("group.list.title"))
      .list(
        groups.map((g) => [
          t("group.list.line", {
            id: g.id,
            title: g.title,
            state: t(`group.state.${g.state}`),
            seated: repo.members(g.id).length,
            max: g.maxSize,
            due: formatIsoDate(g.due, lang),
          }),
        ]),
      )
      .build(),
  );
}

/** `group invitations on|off`: DMs about new groups that match the member's expertise. */
export function setOwnInvitations(
  ctx: EventContext<CommandEvent>,
  choice: "on" | "off" | "an" | "aus",
): void {
  const on = choice === "on" || choice === "an";
  setInvitations(ctx.services.db, ctx.actor.id, on, ctx.services.clock.now());
  ctx.reply(ctx.t(on ? "group.invitations.on" : "group.invitations.off"));
}

/** `group propose`: the guided proposal, or in one line `group propose title=… problem=… …`. */
export async function proposeGroup(ctx: EventContext<CommandEvent>, text: string): Promise<void> {
  const { t, event } = ctx;
  if (event.isDm) return ctx.reply(t("group.propose.inChannel"));
  if (text.trim() === "") {
    return startProposal(ctx, {
      channelId: event.channelId,
      ...(event.triggerId ? { triggerId: event.triggerId } : {}),
    });
  }
  const fields = parseProposalLine(text);
  if (!fields.ok) return ctx.reply(t(fields.error.key, fields.error.params));
  const { facilitator, ...rest } = fields.value;
  const facilitatorId = facilitator ? await resolvePerson(ctx, facilitator) : ctx.actor.id;
  submitAndReport(
    ctx,
    event.channelId,
    { ...rest, ...(facilitatorId ? { facilitatorId } : { facilitatorUnknown: facilitator ?? "" }) },
    `${ctx.prefix} ${t("group.cmd.propose.example")}`,
  );
}
