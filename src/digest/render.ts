import { bold, channelRef, link, msg, type Inline, type OutgoingMessage } from "../core/message";
import type { Services } from "../core/services";
import { translator, type Lang } from "../i18n";
import { formatDateTime, formatDay, formatShortDayTime } from "../i18n/format";
import type { DigestContent } from "./content";

const MAX_TEXT = 90;

function short(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > MAX_TEXT ? `${line.slice(0, MAX_TEXT - 1)}…` : line;
}

/** Where a question can be found: its link, else its channel. */
function questionPlace(q: { readonly url: string | undefined; readonly channelId: string }): Inline {
  return q.url !== undefined ? link(q.url, "→") : channelRef(q.channelId);
}

/**
 * The digest message in the community's language; sections without content are left out.
 * `late` marks a digest sent after a downtime.
 */
export function digestMessage(
  services: Services,
  c: DigestContent,
  span: { readonly from: Date; readonly to: Date },
  opts: { readonly lang: Lang; readonly prefix: string; readonly late: boolean },
): OutgoingMessage {
  const { lang } = opts;
  const zone = services.config.timeZone;
  const t = translator(lang, opts.prefix);
  const m = msg()
    .header(t("digest.title"))
    .context(
      t("digest.span", { from: formatDay(span.from, zone, lang), to: formatDay(span.to, zone, lang) }),
    );
  if (opts.late) m.context(t("digest.late"));
  if (c.solved.length > 0)
    m.text(bold(t("digest.solved"))).list(
      c.solved.map((q) => [`#${q.id} `, short(q.text), " ", questionPlace(q)]),
    );
  if (c.open.length > 0) {
    m.text(bold(t("digest.open"))).list(
      c.open.map((q) => [
        `#${q.id} `,
        short(q.text),
        " · ",
        ...(q.topics.length > 0 ? [t("digest.open.topics", { topics: q.topics.join(", ") }), " · "] : []),
        t("digest.open.since", { date: formatShortDayTime(q.askedAt, zone, lang) }),
        " ",
        questionPlace(q),
      ]),
    );
    if (c.moreOpen > 0) m.context(t("digest.open.more", { n: c.moreOpen }));
  }
  if (c.meetings.length > 0)
    m.text(bold(t("digest.meetings"))).list(
      c.meetings.map((d) => [
        formatDateTime(d.at, d.zone, lang),
        " – ",
        d.title,
        " ",
        channelRef(d.channelId),
      ]),
    );
  if (c.calls.length > 0)
    m.text(bold(t("digest.calls"))).list(
      c.calls.map((g) => [
        `#${g.id} `,
        g.title,
        " · ",
        t("digest.calls.seats", { seated: g.seated, max: g.maxSize, id: g.id }),
      ]),
    );
  if (c.results.length > 0)
    m.text(bold(t("digest.results"))).list(
      c.results.map((g) => [g.title, " ", ...(g.resultUrl !== undefined ? [link(g.resultUrl)] : [])]),
    );
  return m.build();
}
