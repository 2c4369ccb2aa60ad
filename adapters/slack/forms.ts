import type { types, webApi } from "@slack/bolt";
import type { Logger } from "pino";
import { z } from "zod";
import { rawId } from "../../src/core/ids";
import type { FormField, FormSpec } from "../../src/core/port";
import { slackErrorCode, toPlatformError } from "./errors";

/** A trigger that can no longer open a modal. */
const EXPIRED_TRIGGER = new Set(["expired_trigger_id", "invalid_trigger_id", "exchanged_trigger_id"]);

const TITLE_MAX = 24;
const LABEL_MAX = 2000;
const SUBMIT_MAX = 24;

const plain = (text: string, max: number) => ({
  type: "plain_text" as const,
  text: text.length <= max ? text : `${text.slice(0, max - 1)}…`,
});

function element(field: FormField): types.InputBlockElement {
  const base = { action_id: field.name };
  switch (field.kind) {
    case "text":
    case "multiline":
      return {
        ...base,
        type: "plain_text_input",
        multiline: field.kind === "multiline",
        ...(field.initial !== undefined ? { initial_value: field.initial } : {}),
      };
    case "date":
      return { ...base, type: "datepicker", ...(field.initial ? { initial_date: field.initial } : {}) };
    case "select": {
      const options = (field.options ?? []).map((o) => ({ text: plain(o.label, 75), value: o.value }));
      const initial = options.find((o) => o.value === field.initial);
      return { ...base, type: "static_select", options, ...(initial ? { initial_option: initial } : {}) };
    }
  }
}

/** What travels in `private_metadata` and comes back with the submission. */
const metadataSchema = z.object({ form: z.string().optional(), channel: z.string().optional() });
type FormMetadata = z.infer<typeof metadataSchema>;

/** Builds a Slack modal for a form. `channel` is where the form was opened from, if known. */
export function renderForm(form: FormSpec, channel?: string): types.ModalView {
  const metadata: FormMetadata = {
    ...(form.context !== undefined ? { form: form.context } : {}),
    ...(channel !== undefined ? { channel } : {}),
  };
  return {
    type: "modal",
    callback_id: form.formId,
    title: plain(form.title, TITLE_MAX),
    submit: plain(form.submitLabel, SUBMIT_MAX),
    private_metadata: JSON.stringify(metadata),
    blocks: form.fields.map((field) => ({
      type: "input",
      block_id: field.name,
      label: plain(field.label, LABEL_MAX),
      optional: field.optional === true,
      element: element(field),
      ...(field.hint !== undefined ? { hint: plain(field.hint, LABEL_MAX) } : {}),
    })),
  };
}

/** Reads our `private_metadata` back; anything else (e.g. a tampered string) gives `{}`. */
export function readFormMetadata(raw: string | undefined): FormMetadata {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(raw ?? "{}"));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

const inputValueSchema = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
});
export const viewStateSchema = z.record(z.string(), z.record(z.string(), inputValueSchema));

/** Flattens a submitted modal's `state.values` to `{ fieldName: value }`; empty fields are left out. */
export function formValues(state: z.infer<typeof viewStateSchema>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const block of Object.values(state)) {
    for (const [name, input] of Object.entries(block)) {
      const value = input.value ?? input.selected_date ?? input.selected_option?.value;
      if (value !== undefined && value !== null && value !== "") values[name] = value;
    }
  }
  return values;
}

/**
 * Opens a modal for a trigger (from `channel`, where its answer should land). A trigger is
 * valid for 3 s, so when it is gone, or Slack is rate limiting or slow, the answer is false and
 * the core asks step by step instead: waiting would only lose the trigger.
 */
export async function openModal(
  client: webApi.WebClient,
  triggerId: string,
  form: FormSpec,
  channel: string | undefined,
  log: Logger,
): Promise<boolean> {
  try {
    await client.views.open({
      trigger_id: triggerId,
      view: renderForm(form, channel === undefined ? undefined : rawId(channel)),
    });
    return true;
  } catch (error) {
    const failure = toPlatformError(error, "views.open");
    const code = slackErrorCode(error);
    if (failure.retryable || (code !== undefined && EXPIRED_TRIGGER.has(code))) {
      log.info({ err: error }, "slack: no modal (trigger gone, rate limit or timeout); asking step by step");
      return false;
    }
    throw failure;
  }
}
