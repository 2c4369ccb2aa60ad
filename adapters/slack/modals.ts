import type { SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { Logger } from "pino";
import type { FormSubmitEvent } from "../../src/core/events";
import type { AdapterHooks } from "../../src/core/port";
import { fromViewSubmission } from "./inbound";

/** What modal submissions need from the adapter. */
export interface ModalHandling {
  /** Time for the submission (Slack's payload carries none). */
  readonly now: () => Date;
  readonly hooks: AdapterHooks;
  readonly log: Logger;
  /** Hands the submission to the core, then tells the person about channels copbot could not post to. */
  readonly deliverAndExplain: (event: FormSubmitEvent | undefined) => Promise<void>;
}

/** A submitted modal (not one closed without submitting). */
export function isSubmission(
  args: SlackViewMiddlewareArgs,
): args is SlackViewMiddlewareArgs<ViewSubmitAction> {
  return args.body.type === "view_submission";
}

/**
 * Answers a modal submission. Problems the core's validator finds are shown next to their
 * fields (`response_action: "errors"`) and the modal stays open with everything typed; only a
 * valid submission reaches the core.
 */
export async function answerModal(
  { ack, body }: SlackViewMiddlewareArgs<ViewSubmitAction>,
  handling: ModalHandling,
): Promise<void> {
  const event = fromViewSubmission(body, handling.now());
  const errors = event === undefined ? undefined : await formErrors(event, handling);
  if (errors !== undefined) {
    await ack({ response_action: "errors", errors: { ...errors } });
    return;
  }
  await ack();
  await handling.deliverAndExplain(event);
}

/** The validator's field problems; a failing validator must not keep the form from closing. */
async function formErrors(
  event: FormSubmitEvent,
  { hooks, log }: ModalHandling,
): Promise<Readonly<Record<string, string>> | undefined> {
  try {
    return await hooks.validateForm?.(event);
  } catch (err) {
    log.error({ err, event: event.id }, "slack: validating a form failed");
    return undefined;
  }
}
