import { DateTime } from "luxon";
import { z } from "zod";
import type { Lang, Translate } from "../i18n";
import { formatNumber } from "../i18n/format";
import type { ButtonEvent, CommandEvent } from "./events";
import type { EventContext } from "./feature";
import { channelRef, code, mention, msg, type Inline, type OutgoingMessage } from "./message";
import { describeItem } from "./outbox-describe";
import type { Connection } from "./port";
import { permits } from "../permissions";
import type { Services } from "./services";
import { StatusRepo } from "./status-repo";

const LANES_SHOWN = 5;
const FAILED_SHOWN = 5;

/** A duration the way people say it: 40 s, 3 Min., 2 Std., 4 Tg. */
export function formatAge(ms: number, t: Translate): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return t("ops.age.seconds", { n: seconds });
  if (seconds < 3600) return t("ops.age.minutes", { n: Math.floor(seconds / 60) });
  if (seconds < 86_400) return t("ops.age.hours", { n: Math.floor(seconds / 3600) });
  return t("ops.age.days", { n: Math.floor(seconds / 86_400) });
}

/** A lane as people know it: the channel, or the person everything private goes to. */
function laneLabel(lane: string, t: Translate): Inline[] {
  if (lane.startsWith("channel:")) return [channelRef(lane.slice("channel:".length))];
  if (lane.startsWith("person:")) return [t("ops.where.private"), " ", mention(lane.slice("person:".length))];
  return [lane];
}

function connectionLine(platform: string, connection: Connection, now: number, t: Translate): Inline[] {
  const state = t(`ops.platform.${connection.state}`);
  const since = connection.since
    ? ` ${t("ops.platform.since", { age: formatAge(now - connection.since.getTime(), t) })}`
    : "";
  const detail = connection.detail !== undefined ? ` (${connection.detail})` : "";
  return [code(platform), `: ${state}${since}${detail}`];
}

/**
 * `/cop status` for moderators: each platform's connection, the outbox (what waits where, the
 * oldest item, holds), deliveries that failed for good with buttons to retry or drop them,
 * and jobs that are overdue.
 */
export function statusMessage(services: Services, t: Translate, prefix: string, lang: Lang): OutgoingMessage {
  const count = (n: number): string => formatNumber(n, lang);
  const now = services.clock.now().getTime();
  const reply = msg().header(t("ops.status.title"));
  reply
    .text(t("ops.status.platforms"))
    .list(
      services.ports
        .all()
        .map((port) => connectionLine(port.platform, port.connection?.() ?? { state: "connected" }, now, t)),
    );

  const outbox = services.outbox.status({ lanes: LANES_SHOWN, failed: FAILED_SHOWN });
  if (outbox.total === 0) {
    reply.text(t("ops.outbox.empty"));
  } else {
    const oldest = outbox.oldest;
    const summary = t("ops.outbox.summary", {
      total: count(outbox.total),
      lanes: count(outbox.laneCount),
      inflight: count(outbox.inFlight),
      age: formatAge(now - (oldest?.createdAt ?? now), t),
    });
    const item = oldest ? describeItem(oldest, t) : undefined;
    reply.text(
      summary,
      ...(item ? [" „", item.what, "“", ...(item.where.length > 0 ? [" → ", ...item.where] : [])] : []),
    );
    if (outbox.laneCount > 1) {
      reply
        .text(t("ops.outbox.lanes"))
        .list(
          outbox.lanes.map((lane) => [
            ...laneLabel(lane.lane, t),
            ": ",
            t("ops.outbox.lane", { depth: count(lane.depth), age: formatAge(now - lane.oldestAt, t) }),
          ]),
        );
    }
    if (outbox.stalledMs > 0) reply.text(t("ops.outbox.stalled", { age: formatAge(outbox.stalledMs, t) }));
  }
  for (const hold of outbox.holds) {
    const time = DateTime.fromJSDate(hold.until, { zone: services.config.timeZone }).toFormat("HH:mm:ss");
    reply.context(
      t("ops.outbox.held", { what: hold.scope.replace(/^(class|platform):/, "").replace(":", " · "), time }),
    );
  }

  if (outbox.failedTotal === 0) {
    reply.text(t("ops.failed.none"));
  } else {
    reply.text(t("ops.failed.title", { count: count(outbox.failedTotal) })).list(
      outbox.failed.map((row) => {
        const { what, where } = describeItem(row, t);
        return [
          t("ops.failed.item", { id: row.id, what }),
          ...(where.length > 0 ? [" → ", ...where] : []),
          " · ",
          t("ops.failed.why", { reason: row.lastError ?? "?" }),
        ];
      }),
    );
    if (outbox.failedTotal > outbox.failed.length) {
      reply.context(
        t("ops.failed.more", {
          count: count(outbox.failedTotal - outbox.failed.length),
          command: `${prefix} status`,
        }),
      );
    }
    for (const row of outbox.failed) {
      const value = `${row.id}:${row.deliveryId}`;
      reply.button("ops.retry", t("ops.failed.retry", { id: row.id }), value, "primary");
      reply.button("ops.drop", t("ops.failed.drop", { id: row.id }), value, "danger");
    }
  }

  const jobs = new StatusRepo(services.db);
  const overdue = jobs.overdueJobs(now);
  reply.text(
    overdue.count === 0
      ? t("ops.jobs.none")
      : t("ops.jobs.overdue", {
          count: count(overdue.count),
          kind: overdue.kind ?? "?",
          age: formatAge(now - (overdue.oldestAt ?? now), t),
        }),
  );
  const failedJobs = jobs.failedJobs();
  if (failedJobs > 0) reply.context(t("ops.jobs.failed", { count: count(failedJobs) }));
  return reply.build();
}

/** `/cop status`: answers the moderator with the status (see `statusMessage`). */
export function showStatus(ctx: EventContext<CommandEvent>): void {
  ctx.reply(statusMessage(ctx.services, ctx.t, ctx.prefix, ctx.services.langOf(ctx.actor)));
}

/** A failed delivery's button value: its id and delivery id (`FailedRef`), as `statusMessage` writes it. */
const FailedButton = z
  .string()
  .regex(/^\d+:\S+$/)
  .transform((value) => {
    const at = value.indexOf(":");
    return { id: Number(value.slice(0, at)), deliveryId: value.slice(at + 1) };
  });

/** The buttons of a failed delivery: moderators try it again or drop it (audited). */
export function decideDelivery(action: "retry" | "drop") {
  return (ctx: EventContext<ButtonEvent>): void => {
    const { services, t, actor, event } = ctx;
    // The buttons under `/cop status` are part of it: its row of the permission table decides.
    if (!permits("status", { role: actor.role })) {
      ctx.reply(
        t("core.err.permission", {
          command: `${ctx.prefix} status`,
          required: t("core.role.moderator"),
          role: t(`core.role.${actor.role}`),
        }),
      );
      return;
    }
    const item = FailedButton.safeParse(event.value);
    const done =
      item.success &&
      (action === "retry" ? services.outbox.retry(item.data) : services.outbox.drop(item.data));
    if (!done) {
      ctx.reply(t("ops.not_failed", { id: item.success ? item.data.id : (event.value ?? "?") }));
      return;
    }
    const { id } = item.data;
    services.audit.record(actor.id, `outbox.${action}`, `#${id}`);
    ctx.reply(t(action === "retry" ? "ops.retried" : "ops.dropped", { id }));
  };
}
