import { z } from "zod";
import type { FormSubmitEvent, MessageEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { channelRef, code, msg } from "../core/message";
import type { FormSpec } from "../core/port";
import type { MessageKey, Params, Translate } from "../i18n";
import { DELIVERABLES, deliverableKey, parseDeliverable } from "./deliverable";
import {
  checkDue,
  checkProblem,
  checkTitle,
  DEFAULT_SIZE,
  MAX_SIZE,
  MAX_TITLE,
  MAX_TOPICS,
  MAX_WEEKS,
  MIN_SIZE,
  MIN_WEEKS,
  parseSize,
  parseTopics,
  type ProposalDraft,
} from "./proposal";
import { problemsMessage, submitProposal } from "./propose";

export const PROPOSE_FORM = "group.propose";
export const PROPOSE_DIALOG = "propose";

const STEPS = ["title", "problem", "deliverable", "due", "size", "topics", "facilitator"] as const;
type Step = (typeof STEPS)[number];

const State = z.object({
  channelId: z.string(),
  step: z
    .number()
    .int()
    .min(0)
    .max(STEPS.length - 1),
  values: z.record(z.string(), z.string()),
  /** The offered message's text, the default answer at the problem step. */
  problem: z.string().optional(),
});
type State = z.infer<typeof State>;

/** A step's answer, or the sentence that says what is wrong with it. */
type Checked = { value: string; problem?: MessageKey; params?: Params };

/** Placeholders of each step's problem sentences. */
const PARAMS: Readonly<Record<Step, Record<string, number>>> = {
  title: { max: MAX_TITLE },
  problem: {},
  deliverable: {},
  due: { min: MIN_WEEKS, max: MAX_WEEKS },
  size: { min: MIN_SIZE, max: MAX_SIZE },
  topics: { max: MAX_TOPICS },
  facilitator: {},
};

/** Words that mean "keep the default" / "me" in the step-by-step dialog. */
const SKIP = new Set(["-", "–", "ok", "weiter", "skip", "default", "standard"]);
const ME = new Set(["-", "–", "ich", "me", "mich", "myself"]);

/** The modal on platforms with forms (Slack). `context` carries the community channel. */
export function proposalForm(t: Translate, channelId: string, problem?: string): FormSpec {
  return {
    formId: PROPOSE_FORM,
    title: t("group.form.title"),
    submitLabel: t("group.form.submit"),
    context: channelId,
    fields: [
      { name: "title", label: t("group.field.title"), kind: "text" },
      {
        name: "problem",
        label: t("group.field.problem"),
        kind: "multiline",
        hint: t("group.field.problemHint"),
        ...(problem ? { initial: problem } : {}),
      },
      {
        name: "deliverable",
        label: t("group.field.deliverable"),
        kind: "select",
        options: DELIVERABLES.map((d) => ({ value: d, label: t(deliverableKey(d)) })),
      },
      { name: "due", label: t("group.field.due"), kind: "date", hint: t("group.field.dueHint") },
      {
        name: "size",
        label: t("group.field.size"),
        kind: "text",
        optional: true,
        initial: `${DEFAULT_SIZE.min}-${DEFAULT_SIZE.max}`,
      },
      {
        name: "topics",
        label: t("group.field.topics"),
        kind: "text",
        optional: true,
        hint: t("group.field.topicsHint"),
      },
      {
        name: "facilitator",
        label: t("group.field.facilitator"),
        kind: "text",
        optional: true,
        hint: t("group.field.facilitatorHint"),
      },
    ],
  };
}

/**
 * Starts the guided proposal: a modal where the platform has forms, else step by step in DM.
 * `channelId` is the community channel that will get the call for participants.
 */
export async function startProposal(
  ctx: EventContext,
  opts: { channelId: string; triggerId?: string; problem?: string | undefined },
): Promise<void> {
  const { services, t, actor } = ctx;
  const port = services.ports.forId(actor.id);
  if (await port.openForm(opts.triggerId, actor.id, proposalForm(t, opts.channelId, opts.problem))) return;
  const state: State = {
    channelId: opts.channelId,
    step: 0,
    values: {},
    ...(opts.problem ? { problem: opts.problem } : {}),
  };
  services.dialogs.start(actor.id, { owner: "groups", kind: PROPOSE_DIALOG, state });
  if (!ctx.event.isDm) ctx.reply(t("group.dialog.movedToDm"));
  ctx.post(
    { kind: "dm", userId: actor.id },
    msg()
      .text(t("group.dialog.intro"), " ", channelRef(opts.channelId), ".")
      .text(t("group.dialog.ask.title"))
      .context(t("group.dialog.cancelHint"))
      .build(),
  );
}

/** One answer in the step-by-step dialog: check it, then ask the next question or submit. */
export async function proposalDialogStep(ctx: EventContext<MessageEvent>, raw: unknown): Promise<void> {
  const { services, t, actor } = ctx;
  const parsed = State.safeParse(raw);
  if (!parsed.success) {
    services.dialogs.clear(actor.id);
    return ctx.reply(t("group.dialog.lost"));
  }
  const state = parsed.data;
  const step = STEPS[state.step] ?? "title";
  const answer = ctx.event.text.trim();
  const checked = await checkStep(ctx, step, answer, state.problem);
  if (checked.problem) {
    return ctx.reply(
      msg()
        .text(t(checked.problem, { ...PARAMS[step], ...checked.params }))
        .text(...ask(t, step, state))
        .build(),
    );
  }
  const values = { ...state.values, [step]: checked.value };
  const next = state.step + 1;
  if (next < STEPS.length) {
    services.dialogs.update(actor.id, { ...state, step: next, values });
    const nextStep = STEPS[next] ?? "facilitator";
    return ctx.reply(
      msg()
        .text(...ask(t, nextStep, state))
        .build(),
    );
  }
  services.dialogs.clear(actor.id);
  submitAndReport(ctx, state.channelId, { ...draftOf(values), facilitatorId: values["facilitator"] });
}

/** A submitted modal (Slack); `__context` carries the community channel. */
export async function proposalFormSubmitted(ctx: EventContext<FormSubmitEvent>): Promise<void> {
  const values = ctx.event.values;
  const channelId = values["__context"] ?? ctx.event.channelId;
  const facilitator = (values["facilitator"] ?? "").trim();
  const facilitatorId = facilitator === "" ? ctx.actor.id : await resolvePerson(ctx, facilitator);
  submitAndReport(ctx, channelId, {
    ...draftOf(values),
    ...(facilitatorId ? { facilitatorId } : { facilitatorUnknown: facilitator }),
  });
}

/** The draft fields of a dialog's or form's values; the facilitator is resolved by the caller. */
function draftOf(values: Readonly<Record<string, string>>): ProposalDraft {
  return {
    title: values["title"] ?? "",
    problem: values["problem"] ?? "",
    deliverable: values["deliverable"] ?? "",
    due: values["due"] ?? "",
    size: values["size"] ?? "",
    topics: values["topics"] ?? "",
  };
}

/** Submits a complete draft and tells the proposer what happened. */
export function submitAndReport(
  ctx: EventContext,
  channelId: string,
  draft: ProposalDraft,
  hint?: string,
): void {
  const { t } = ctx;
  const result = submitProposal(ctx.services, { proposerId: ctx.actor.id, channelId, draft });
  if (!result.ok) {
    ctx.reply(
      problemsMessage(
        t,
        result.problems,
        hint ? [t("group.check.again"), " ", code(hint)] : [t("group.check.dialogAgain")],
      ),
    );
    return;
  }
  const { group, invited } = result;
  const message = msg().text(
    t("group.proposed", { id: group.id, title: group.title }),
    " ",
    channelRef(channelId),
    ".",
  );
  if (invited.length > 0) message.context(t("group.proposed.invited", { n: invited.length }));
  ctx.reply(message.build());
}

/** The question of a step; at the problem step an offered message is the default answer. */
function ask(t: Translate, step: Step, state: State): string[] {
  const question = t(`group.dialog.ask.${step}`);
  if (step !== "problem" || state.problem === undefined) return [question];
  return [question, " ", t("group.dialog.problemDefault", { text: state.problem })];
}

async function checkStep(
  ctx: EventContext,
  step: Step,
  answer: string,
  offered: string | undefined,
): Promise<Checked> {
  const { services } = ctx;
  const skip = SKIP.has(answer.toLowerCase());
  switch (step) {
    case "title": {
      if (answer.length > MAX_TITLE) return { value: answer, problem: "group.check.titleLong" };
      const short = checkTitle(answer);
      return short
        ? { value: answer, problem: short.key, ...(short.params ? { params: short.params } : {}) }
        : { value: answer };
    }
    case "problem": {
      const value = skip && offered !== undefined ? offered : answer;
      const problem = checkProblem(value);
      return problem ? { value, problem } : { value };
    }
    case "deliverable": {
      const deliverable = parseDeliverable(answer);
      return deliverable ? { value: deliverable } : { value: answer, problem: "group.check.deliverable" };
    }
    case "due": {
      const due = checkDue(answer, { now: services.clock.now(), zone: services.config.timeZone });
      return due.ok ? { value: due.date } : { value: answer, problem: due.key };
    }
    case "size":
      if (skip) return { value: "" };
      return parseSize(answer) ? { value: answer } : { value: answer, problem: "group.check.size" };
    case "topics":
      if (skip) return { value: "" };
      return parseTopics(answer).length > MAX_TOPICS
        ? { value: answer, problem: "group.check.topics" }
        : { value: answer };
    case "facilitator": {
      if (ME.has(answer.toLowerCase())) return { value: ctx.actor.id };
      const id = await resolvePerson(ctx, answer);
      return id
        ? { value: id }
        : { value: answer, problem: "group.check.facilitatorUnknown", params: { name: answer } };
    }
  }
}

/** A person typed as `@anna`, or undefined when nobody is found. */
export async function resolvePerson(ctx: EventContext, typed: string): Promise<string | undefined> {
  const id = await ctx.services.ports.forId(ctx.actor.id).resolveUser(typed);
  if (id !== undefined) ctx.services.members.ensure(id);
  return id;
}
