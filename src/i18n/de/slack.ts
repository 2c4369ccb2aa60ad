/** German messages of the slack feature (keys prefixed `slack.`). */
export const slack = {
  "slack.unreachable": "Dort konnte ich nichts posten, weil ich kein Mitglied bin:",
  "slack.unreachable.fix": "Lade mich dort mit /invite @copbot ein und versuch es dann noch einmal.",
} as const;
