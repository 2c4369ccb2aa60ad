import type { Feature } from "../core/feature";
import { DigestRepo } from "./digest-repo";
import { digestJob } from "./job";
import { DIGEST_JOB, planNextDigest } from "./schedule";

/** The weekly digest in the community channel (off until a moderator names the channel). */
export const digestFeature: Feature = {
  name: "digest",
  jobs: { [DIGEST_JOB]: digestJob },
  start(services) {
    const settings = new DigestRepo(services.db).settings();
    if (settings) planNextDigest(services, settings, services.clock.now());
  },
};
