import type { Feature } from "../core/feature";
import { confirmForget, FORGET_ACTION, KEEP_ACTION, keepData } from "./forget";
import { planRetention, RETENTION_JOB, retentionJob } from "./retention";

/**
 * Privacy: members export their data and have it erased (`privacy export`, `privacy forget`);
 * a daily job deletes what is kept only for a while. Every feature contributes its part through
 * its `privacy` and `retention` hooks (docs/datenschutz.md lists them).
 */
export const privacyFeature: Feature = {
  name: "privacy",
  buttons: { [FORGET_ACTION]: confirmForget, [KEEP_ACTION]: keepData },
  jobs: { [RETENTION_JOB]: retentionJob },
  start: (services) => planRetention(services, services.clock.now()),
};
