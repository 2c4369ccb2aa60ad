import { z } from "zod";
import type { UserError } from "../core/errors";
import type { FormSubmitEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { code, msg } from "../core/message";
import type { FormSpec } from "../core/port";
import { permits, requiredRole } from "../permissions";
import { EXAMPLES, parseSpec } from "./parse-spec";
import type { MessageKey, Translate } from "../i18n";
import { addMeeting, type AddMeetingProblem } from "./meeting-create";
import { tokenize } from "../core/commands/tokenize";
import { roleName } from "../core/commands/registry";

/** The form id of the meeting modal (`FormSubmitEvent.formId`). */
export const MEETING_FORM = "meeting.add";

const field = z.string().trim().default("");
/** The submitted fields; Slack leaves out empty ones, so each defaults to "". */
const FormValues = z.object({
  title: field,
  channel: field,
  rule: field,
  options: field,
  __context: z.string().optional(),
});
type Field = "title" | "channel" | "rule" | "options";

const LABELS: Readonly<Record<Field, MessageKey>> = {
  title: "meeting.field.title",
  channel: "meeting.field.channel",
  rule: "meeting.field.rule",
  options: "meeting.field.options",
};

/**
 * The modal for `/cop meeting add` without arguments. `channelId` is where the command was
 * typed; it travels as the form's context and is used when the channel field stays empty.
 */
export function meetingForm(t: Translate, channelId: string | undefined): FormSpec {
  return {
    formId: MEETING_FORM,
    title: t("meeting.form.title"),
    submitLabel: t("meeting.form.submit"),
    ...(channelId !== undefined ? { context: channelId } : {}),
    fields: [
      { name: "title", label: t(LABELS.title), kind: "text", hint: t("meeting.field.titleHint") },
      {
        name: "channel",
        label: t(LABELS.channel),
        kind: "text",
        optional: channelId !== undefined,
        hint: t(channelId !== undefined ? "meeting.field.channelHintHere" : "meeting.field.channelHint"),
      },
      { name: "rule", label: t(LABELS.rule), kind: "text", hint: t("meeting.field.ruleHint") },
      {
        name: "options",
        label: t(LABELS.options),
        kind: "text",
        optional: true,
        hint: t("meeting.field.optionsHint"),
      },
    ],
  };
}

/**
 * A submitted meeting modal. A submission is no command, so the permission is checked here
 * too; the fields become the tokens of the one-line command and go through the same parser
 * and checks. Problems are answered in a DM that names the field to fix.
 */
export async function meetingFormSubmitted(ctx: EventContext<FormSubmitEvent>): Promise<void> {
  const { t, actor, event, services } = ctx;
  const prefix = ctx.prefix;
  if (!permits("meeting add", { role: actor.role })) {
    return ctx.reply(
      t("core.err.permission", {
        command: `${prefix} meeting add`,
        required: roleName(t, requiredRole("meeting add")),
        role: roleName(t, actor.role),
      }),
    );
  }
  const { __context: context, ...values } = FormValues.parse(event.values);
  const split = splitFields(values);
  if (!split.ok) return reportProblem(ctx, values, split.field, split.error);
  const { title, rule, options } = split;
  const channel = values.channel === "" ? [] : ["in", values.channel];
  const added = await addMeeting(ctx, [title, ...rule, ...channel, ...options], {
    ...(context !== undefined ? { channelId: context } : {}),
  });
  if (!added.ok) {
    const { part, error } = added.problem;
    const headOk = parseSpec([title, ...rule], "meeting", "add", services.clock.now()).ok;
    return reportProblem(ctx, values, fieldOf(part, error, title, headOk), error);
  }
  services.audit.record(actor.id, "command:meeting add", added.meeting.channelId, {
    text: oneLine(values),
    via: "form",
  });
}

/**
 * The field a problem belongs to. The grammar is checked on title and rule alone first: when
 * those parse, the problem lies in the options.
 */
function fieldOf(part: AddMeetingProblem["part"], error: UserError, title: string, headOk: boolean): Field {
  if (part === "channel") return "channel";
  if (title === "" || error.key === "meeting.error.titleLong") return "title";
  return part === "schedule" || !headOk ? "rule" : "options";
}

/** The free-text fields as tokens (quotes allowed, e.g. a cron rule); an unclosed quote names its field. */
function splitFields(
  values: Readonly<Record<Field, string>>,
):
  | { ok: true; title: string; rule: string[]; options: string[] }
  | { ok: false; field: Field; error: UserError } {
  const rule = tokenize(values.rule);
  if (!rule.ok) return { ok: false, field: "rule", error: rule.error };
  const options = tokenize(values.options);
  if (!options.ok) return { ok: false, field: "options", error: options.error };
  return { ok: true, title: values.title, rule: rule.value, options: options.value };
}

/** Says which field to fix and why, with the same wording as the command, plus a way to retry. */
function reportProblem(
  ctx: EventContext<FormSubmitEvent>,
  values: Readonly<Record<Field, string>>,
  field: Field,
  error: UserError,
): void {
  const { t } = ctx;
  const prefix = ctx.prefix;
  const params =
    error.params["example"] === undefined
      ? error.params
      : { ...error.params, example: `${prefix} ${EXAMPLES.meeting}` };
  ctx.reply(
    msg()
      .text(t("meeting.form.problem", { field: t(LABELS[field]) }))
      .text(t(error.key, params))
      .context(
        t("meeting.form.retry", { cmd: `${prefix} meeting add` }),
        " ",
        code(`${prefix} ${oneLine(values)}`),
      )
      .build(),
  );
}

/** The submission as the one-line command, so it can be corrected and sent as text. */
function oneLine(values: Readonly<Record<Field, string>>): string {
  return [
    "meeting add",
    // A title with straight quotes goes into German ones, which the tokenizer also reads.
    values.title.includes('"') ? `„${values.title}“` : `"${values.title}"`,
    values.rule,
    values.channel && `in ${values.channel}`,
    values.options,
  ]
    .filter((part) => part !== "")
    .join(" ");
}
