import type { Feature } from "./core/feature";
import { qaFeature } from "./qa/feature";
import { groupsFeature } from "./groups/feature";
import { meetingsFeature } from "./checkins/feature";
import { opsFeature } from "./ops/feature";

/** The capabilities copbot runs, in the order they see events and build the meeting agenda. */
export const features: readonly Feature[] = [qaFeature, groupsFeature, meetingsFeature, opsFeature];
