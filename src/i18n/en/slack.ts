import type { slack as de } from "../de/slack";

/** English messages of the slack feature; must have exactly the German keys. */
export const slack = {
  "slack.unreachable": "I could not post there because I am not a member:",
  "slack.unreachable.fix": "Invite me with /invite @copbot and try again.",
} as const satisfies Record<keyof typeof de, string>;
