import { catalogueTranslator, type Lang } from "../../src/i18n";

const de = {
  "slack.unreachable": "Dort konnte ich nichts posten, weil ich kein Mitglied bin:",
  "slack.unreachable.fix": "Lade mich dort mit /invite @copbot ein und versuch es dann noch einmal.",
} as const;

const en = {
  "slack.unreachable": "I could not post there because I am not a member:",
  "slack.unreachable.fix": "Invite me with /invite @copbot and try again.",
} as const satisfies Record<keyof typeof de, string>;

/** The Slack adapter's own texts (keys prefixed `slack.`), German and English. */
export const slackMessages: Readonly<Record<Lang, Readonly<Record<keyof typeof de, string>>>> = { de, en };

export type SlackText = ReturnType<typeof slackText>;

/** A translator for the Slack adapter's texts. */
export function slackText(lang: Lang) {
  return catalogueTranslator(slackMessages, lang);
}
