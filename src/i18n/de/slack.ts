/** German messages of the slack feature (keys prefixed `slack.`). */
export const slack = {} as const;
