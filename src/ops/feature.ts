import { statusCommand } from "../../commands/status";
import type { ButtonEvent } from "../core/events";
import type { EventContext, Feature } from "../core/feature";
import { hasRole } from "../core/roles";

/** Moderators decide about a delivery that failed for good: try it again, or drop it. */
function decide(action: "retry" | "drop") {
  return (ctx: EventContext<ButtonEvent>): void => {
    const { services, t, actor, event } = ctx;
    if (!hasRole(actor.role, "moderator")) {
      ctx.reply(
        t("core.err.permission", {
          command: "status",
          required: t("core.role.moderator"),
          role: t(`core.role.${actor.role}`),
        }),
      );
      return;
    }
    const id = Number(event.value);
    const done =
      Number.isInteger(id) && (action === "retry" ? services.outbox.retry(id) : services.outbox.drop(id));
    if (!done) {
      ctx.reply(t("ops.not_failed", { id: event.value ?? "?" }));
      return;
    }
    services.audit.record(actor.id, `outbox.${action}`, `#${id}`);
    ctx.reply(t(action === "retry" ? "ops.retried" : "ops.dropped", { id }));
  };
}

/** How copbot is doing, for moderators: `/cop status` and its retry/drop buttons. */
export const opsFeature: Feature = {
  name: "ops",
  commands: [statusCommand],
  buttons: { "ops.retry": decide("retry"), "ops.drop": decide("drop") },
};
