import { z } from "zod";
import { InlineSchema } from "../core/message-schema";
import { bold, link, msg, type Inline, type OutgoingMessage } from "../core/message";
import { translator, type Lang } from "../i18n";
import type { LocalDateTime } from "../schedule/local-time";
import type { Meeting } from "./meeting-repo";
import type { RsvpCounts } from "./rsvp-repo";
import { formatDateTime, formatLead, formatTime } from "../i18n/format";
import { formatLocal, resolveLocal } from "../schedule/local-time";

/** What a reminder showed when it was sent; kept in the ledger so RSVP updates redraw it unchanged. */
export const ReminderDetails = z.object({
  lead: z.number(),
  /** When the reminder was due, if it went out late (copbot was offline). */
  lateDueAt: z.number().optional(),
  /** Minutes left when the reminder went out (less than the lead time when it was late). */
  startsIn: z.number().optional(),
  /** The holiday that moved this occurrence, and the rule's own time. */
  moved: z.object({ holiday: z.string(), original: z.string() }).optional(),
  agenda: z.array(z.array(InlineSchema)),
});
export type ReminderDetails = z.infer<typeof ReminderDetails>;

/** The RSVP button value: `<meeting id>|<local date-time>|<answer>`. */
export function rsvpValue(meetingId: number, local: LocalDateTime, answer: string): string {
  return `${meetingId}|${local}|${answer}`;
}

/** A channel reminder with time, link, agenda, live RSVP counts and the three RSVP buttons. */
export function reminderMessage(
  meeting: Meeting,
  local: LocalDateTime,
  details: ReminderDetails,
  counts: RsvpCounts,
  lang: Lang,
): OutgoingMessage {
  const t = translator(lang);
  const zone = meeting.schedule.zone;
  const startsIn = details.startsIn ?? details.lead;
  const m = msg()
    .header(t("meeting.reminder.header", { title: meeting.title }))
    .text(
      startsIn < 1
        ? t("meeting.reminder.now")
        : t("meeting.reminder.when", { lead: formatLead(t, startsIn) }),
      " ",
      bold(
        `${formatLocal(local, zone, lang)}–${formatTime(resolveLocal(local, zone).plus({ minutes: meeting.durationMinutes }), zone)}`,
      ),
      ` (${zone})`,
    );
  if (details.lateDueAt !== undefined) {
    m.context(t("meeting.reminder.late", { due: formatDateTime(new Date(details.lateDueAt), zone, lang) }));
  }
  if (details.moved) {
    m.context(
      t("meeting.reminder.moved", {
        holiday: details.moved.holiday,
        original: formatLocal(details.moved.original, zone, lang),
      }),
    );
  }
  if (meeting.link) m.text(t("meeting.reminder.link"), " ", link(meeting.link));
  if (details.agenda.length > 0) {
    m.text(bold(t("meeting.reminder.agenda"))).list(details.agenda.map((line): Inline[] => [...line]));
  }
  return m
    .context(t("meeting.reminder.counts", { yes: counts.yes, maybe: counts.maybe, no: counts.no }))
    .button("meeting.rsvp", t("meeting.rsvp.yes"), rsvpValue(meeting.id, local, "yes"), "primary")
    .button("meeting.rsvp", t("meeting.rsvp.maybe"), rsvpValue(meeting.id, local, "maybe"))
    .button("meeting.rsvp", t("meeting.rsvp.no"), rsvpValue(meeting.id, local, "no"))
    .build();
}

/**
 * The short visible note for reminders that could not be sent in time: the date, or after a
 * long downtime how many dates were missed and the last one.
 */
export function missedMessage(
  meeting: Meeting,
  missed: readonly { readonly local: LocalDateTime }[],
  lang: Lang,
): OutgoingMessage {
  const t = translator(lang);
  const when = (local: LocalDateTime): string => formatLocal(local, meeting.schedule.zone, lang);
  const last = missed[missed.length - 1]?.local ?? "";
  return msg()
    .text(
      missed.length > 1
        ? t("meeting.missedMany", { title: meeting.title, count: missed.length, last: when(last) })
        : t("meeting.missed", { title: meeting.title, when: when(last) }),
    )
    .build();
}
