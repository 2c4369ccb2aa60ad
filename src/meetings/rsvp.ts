import type { ButtonEvent } from "../core/events";
import type { EventContext } from "../core/feature";
import { Ledger } from "../schedule/ledger-repo";
import { MeetingRepo, type Meeting } from "./meeting-repo";
import { meetingSeries } from "./meeting-jobs";
import { reminderMessage, ReminderDetails } from "./reminder-message";
import { RSVP_ANSWERS, RsvpRepo, type RsvpAnswer } from "./rsvp-repo";

const ANSWER_KEYS = {
  yes: "meeting.rsvp.saved.yes",
  maybe: "meeting.rsvp.saved.maybe",
  no: "meeting.rsvp.saved.no",
} as const;

function parseValue(
  value: string | undefined,
): { meetingId: number; local: string; answer: RsvpAnswer } | undefined {
  const [id, local, answer] = (value ?? "").split("|");
  const known = RSVP_ANSWERS.find((a) => a === answer);
  if (!known || !/^\d+$/.test(id ?? "") || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local ?? ""))
    return undefined;
  return { meetingId: Number(id), local: local ?? "", answer: known };
}

/** Redraws every reminder of an occurrence with the current counts, in place. */
function redraw(ctx: EventContext<ButtonEvent>, meeting: Meeting, local: string): void {
  const { services } = ctx;
  const counts = new RsvpRepo(services.db).counts(meeting.id, local);
  for (const entry of new Ledger(services.db).ofOccurrence(meetingSeries(meeting.id), local)) {
    const details = ReminderDetails.safeParse(entry.details);
    if (entry.outcome === "missed" || !details.success) continue;
    services.outbox.enqueueUpdate(
      entry.key,
      reminderMessage(meeting, local, details.data, counts, services.config.lang),
    );
  }
}

/**
 * A withdrawn `meeting.rsvp` (the choice reaction taken back): the answer is withdrawn if it is
 * still the member's answer, and the reminders show the new counts.
 */
export function withdrawRsvp(ctx: EventContext<ButtonEvent>): void {
  const parsed = parseValue(ctx.event.value);
  const meeting = parsed ? new MeetingRepo(ctx.services.db).get(parsed.meetingId) : undefined;
  if (!parsed || !meeting) return;
  if (!new RsvpRepo(ctx.services.db).withdraw(meeting.id, parsed.local, ctx.actor.id, parsed.answer)) return;
  redraw(ctx, meeting, parsed.local);
  ctx.reply(ctx.t("meeting.rsvp.withdrawn", { title: meeting.title }));
}

/**
 * `meeting.rsvp`: stores the member's answer (a new click moves the vote) and redraws every
 * reminder of that occurrence with the new counts, in place.
 */
export function handleRsvp(ctx: EventContext<ButtonEvent>): void {
  const { services, t } = ctx;
  const parsed = parseValue(ctx.event.value);
  const meeting = parsed ? new MeetingRepo(services.db).get(parsed.meetingId) : undefined;
  if (!parsed || !meeting) {
    ctx.reply(t("meeting.rsvp.gone"));
    return;
  }
  new RsvpRepo(services.db).set(meeting.id, parsed.local, ctx.actor.id, parsed.answer, services.clock.now());
  redraw(ctx, meeting, parsed.local);
  ctx.reply(t(ANSWER_KEYS[parsed.answer], { title: meeting.title }));
}
