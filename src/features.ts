import type { Feature } from "./core/feature";

/** The capabilities copbot runs, in the order they see events and build the meeting agenda. */
export const features: readonly Feature[] = [];
