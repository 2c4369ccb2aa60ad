import type { slack as de } from "../de/slack";

/** English messages of the slack feature; must have exactly the German keys. */
export const slack = {} as const satisfies Record<keyof typeof de, string>;
