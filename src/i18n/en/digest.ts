import type { digest as de } from "../de/digest";

/** English messages of the weekly digest. */
export const digest = {
  "digest.summary": "Weekly digest: set channel, weekday and time, switch it off or preview it",
  "digest.usage": "digest in #channel [weekday] [HH:MM] · digest off · digest preview",
  "digest.example": "digest in #general mon 09:00",
  "digest.err.args":
    "I don't understand that. Write `digest in #channel [weekday] [HH:MM]`, `digest off` or `digest preview`.",
  "digest.set": "The weekly digest goes out {rule} in",
  "digest.next": "Next digest: {date}.",
  "digest.off": "The weekly digest is switched off.",
  "digest.preview.empty":
    "There would be nothing to report for the last 7 days – the digest would be skipped.",
  "digest.preview.title": "This is what the digest would look like now:",
  "digest.title": "Community weekly digest",
  "digest.span": "{from} – {to}",
  "digest.late": "A little late: copbot was unreachable for a while.",
  "digest.solved": "✅ Newly solved",
  "digest.open": "🙋 Open questions – who can help?",
  "digest.open.topics": "topics: {topics}",
  "digest.open.since": "since {date}",
  "digest.open.more": "… and {n} more: `{prefix} qa open`",
  "digest.meetings": "📅 Meetings in the next 7 days",
  "digest.calls": "👥 Working groups looking for members",
  "digest.calls.seats": "{seated} of {max} seats · join: `{prefix} group join {id}`",
  "digest.results": "🎉 Results",
} as const satisfies Record<keyof typeof de, string>;
