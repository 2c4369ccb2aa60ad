import { bold, mention, msg, type Inline, type OutgoingMessage } from "../core/message";
import type { Services } from "../core/services";
import { translator, type Lang, type Translate } from "../i18n";
import type { Answer, Checkin } from "./checkin-repo";
import type { LocalDateTime } from "../schedule/local-time";
import { formatDateTime } from "../i18n/format";
import { formatLocal } from "../schedule/local-time";

const HELP_QUESTION = /hilf|help|brauchst|blockiert|blocker|unterstütz|support|stuck/i;

/** "Nothing" as a help answer ("-", "nichts", "keine", "n/a"): no question to offer. */
const NO_HELP = /^(nichts|nix|nein|keine?|kein bedarf|alles gut|nothing|none|no|nope|n\/?a)[.!]*$/i;

function isNoHelpNeeded(text: string): boolean {
  const trimmed = text.trim();
  return !/[\p{L}\p{N}]/u.test(trimmed) || NO_HELP.test(trimmed);
}
/** Slack allows 25 buttons per message; the join button needs one. */
const MAX_ASK_BUTTONS = 20;

/** Questions that ask where someone needs help; their answers can become tracked Q&A questions. */
function isHelpQuestion(question: string): boolean {
  return HELP_QUESTION.test(question);
}

/** Value of the answer / join buttons: `<check-in id>|<local date-time>`. */
const occurrenceValue = (checkinId: number, local: LocalDateTime): string => `${checkinId}|${local}`;

/** One question of the DM dialog: `Frage 1/2: …`. */
export function questionText(t: Translate, checkin: Checkin, index: number): string {
  return t("checkin.question", {
    n: index + 1,
    total: checkin.questions.length,
    question: checkin.questions[index] ?? "",
  });
}

/** The DM that opens a check-in round for one participant. */
export function promptMessage(
  checkin: Checkin,
  local: LocalDateTime,
  deadline: Date,
  late: boolean,
  lang: Lang,
): OutgoingMessage {
  const t = translator(lang);
  const m = msg().text(
    t("checkin.prompt", {
      title: checkin.title,
      deadline: formatDateTime(deadline, checkin.schedule.zone, lang),
    }),
  );
  if (late) m.context(t("checkin.prompt.late"));
  return m
    .text(questionText(t, checkin, 0))
    .context(t("checkin.prompt.hint"))
    .button("checkin.answer", t("checkin.prompt.button"), occurrenceValue(checkin.id, local), "primary")
    .build();
}

export function nudgeMessage(
  checkin: Checkin,
  local: LocalDateTime,
  deadline: Date,
  lang: Lang,
): OutgoingMessage {
  const t = translator(lang);
  return msg()
    .text(
      t("checkin.nudge", {
        title: checkin.title,
        deadline: formatDateTime(deadline, checkin.schedule.zone, lang),
      }),
    )
    .button("checkin.answer", t("checkin.prompt.button"), occurrenceValue(checkin.id, local), "primary")
    .build();
}

/**
 * The channel note for rounds that could not start in time: the date, or after a long downtime
 * how many rounds were missed and the last one.
 */
export function checkinMissedMessage(
  checkin: Checkin,
  missed: readonly { readonly local: LocalDateTime }[],
  lang: Lang,
): OutgoingMessage {
  const t = translator(lang);
  const last = formatLocal(missed[missed.length - 1]?.local ?? "", checkin.schedule.zone, lang);
  return msg()
    .text(
      missed.length > 1
        ? t("checkin.missedMany", { title: checkin.title, count: missed.length, last })
        : t("checkin.missed", { title: checkin.title, when: last }),
    )
    .build();
}

/**
 * The one summary per round: answers grouped by question, how many did not answer, a button per
 * help answer that turns it into a tracked Q&A question, and a join button (not in a group's
 * status check-in).
 */
export function summaryMessage(
  services: Services,
  checkin: Checkin,
  local: LocalDateTime,
  answers: readonly Answer[],
  participants: readonly string[],
  late: boolean,
): OutgoingMessage {
  const lang = services.config.lang;
  const t = translator(lang);
  const name = (id: string): string => services.members.get(id)?.displayName ?? id;
  const m = msg().header(
    t("checkin.summary.header", {
      title: checkin.title,
      when: formatLocal(local, checkin.schedule.zone, lang),
    }),
  );
  if (late) m.context(t("checkin.summary.late"));
  if (answers.length === 0) m.text(t("checkin.summary.empty"));
  let askButtons = 0;
  checkin.questions.forEach((question, index) => {
    const forQuestion = answers.filter((a) => a.questionIndex === index);
    if (forQuestion.length === 0) return;
    m.text(bold(question)).list(
      forQuestion.map((a): Inline[] => [mention(a.memberId), ": ", shorten(a.text)]),
    );
    if (!isHelpQuestion(question)) return;
    const asks = forQuestion.filter((a) => !isNoHelpNeeded(a.text));
    for (const a of asks.slice(0, MAX_ASK_BUTTONS - askButtons)) {
      m.button("checkin.ask", t("checkin.summary.ask", { name: name(a.memberId) }), String(a.id));
      askButtons += 1;
    }
  });
  // Only a count: naming who did not answer in a public channel would put people on the spot.
  const silent = participants.filter((p) => !answers.some((a) => a.memberId === p));
  if (silent.length > 0 && answers.length > 0) {
    m.context(t("checkin.summary.silent", { n: silent.length, total: participants.length }));
  }
  // A group's status check-in already counts every group member; nobody else sees its space.
  if (checkin.owner?.kind !== "group") m.button("checkin.join", t("checkin.join.button"), String(checkin.id));
  return m.build();
}

/**
 * Longest answer shown in a summary. Chat platforms refuse very large messages (Slack about
 * 12,000 characters of blocks, Matrix 64 KiB per event); the full text stays in the DM.
 */
const SUMMARY_ANSWER_MAX = 400;

function shorten(text: string): string {
  const chars = Array.from(text.trim());
  return chars.length <= SUMMARY_ANSWER_MAX
    ? text.trim()
    : `${chars.slice(0, SUMMARY_ANSWER_MAX - 1).join("")}…`;
}
