import { z } from "zod";
import type { JobHandler } from "../core/scheduler";
import { Ledger } from "../schedule/ledger-repo";
import { upcoming } from "../schedule/occurrences";
import { gatherDigest, isEmpty } from "./content";
import { DigestRepo } from "./digest-repo";
import { digestMessage } from "./render";
import { DIGEST_SERIES, digestSchedule, planNextDigest } from "./schedule";

const Payload = z.object({ local: z.string(), revision: z.number() });
const WEEK_MS = 7 * 86_400_000;
/** A digest that goes out this much after its time says it is late. */
const ON_TIME_MS = 5 * 60_000;

/**
 * Posts the weekly digest: what happened since the last one (a week on the first run), or
 * nothing when there is nothing to say. After a downtime that swallowed several dates, one
 * late digest covers the whole span and the older dates are recorded as missed. Ledger entry,
 * span and message are written in the job's transaction: a restart never posts twice.
 */
export const digestJob: JobHandler = (job, { services, now, lateMs }) => {
  const p = Payload.parse(job.payload);
  const repo = new DigestRepo(services.db);
  const settings = repo.settings();
  if (!settings || settings.revision !== p.revision || settings.channelId === undefined) return;
  const due = upcoming(digestSchedule(services, settings), new Date(job.runAt.getTime() - 1), { until: now });
  const ledger = new Ledger(services.db);
  for (const skipped of due.slice(0, -1)) {
    ledger.record(
      { series: DIGEST_SERIES, local: skipped.local, step: "post", outcome: "missed", details: undefined },
      skipped.at,
      now,
    );
  }
  planNextDigest(services, settings, now);
  const local = due.at(-1)?.local ?? p.local;
  const late = lateMs > ON_TIME_MS || due.length > 1;
  // The first digest looks back one week from its first date, however late it runs.
  const from = repo.lastWindowEnd() ?? new Date((due[0]?.at ?? job.runAt).getTime() - WEEK_MS);
  const content = gatherDigest(services, from, now);
  const empty = isEmpty(content);
  const recorded = ledger.record(
    {
      series: DIGEST_SERIES,
      local,
      step: "post",
      outcome: late ? "late" : "sent",
      details: empty ? { empty } : undefined,
    },
    job.runAt,
    now,
  );
  if (!recorded || !repo.recordRun(local, from, now, !empty) || empty) return;
  const channelId = settings.channelId;
  services.outbox.enqueue(
    { kind: "channel", channelId },
    digestMessage(
      services,
      content,
      { from, to: now },
      {
        lang: services.config.lang,
        prefix: services.platforms.prefixOf(channelId),
        late,
      },
    ),
    { key: `${DIGEST_SERIES}:${local}` },
  );
};
