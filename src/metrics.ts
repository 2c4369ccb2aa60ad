import type { Counter, Registry } from "prom-client";
import type { App } from "./app";
import type { Tally } from "./core/counters";
import type { OpsHandler } from "./core/ops-server";
import { StatusRepo } from "./core/status-repo";

type PromClient = typeof import("prom-client");

/**
 * The registry behind `/metrics`: copbot's counts and gauges, and Node's process metrics.
 * `refresh` reads the outbox once before each scrape, for the three gauges that show it.
 */
function buildRegistry(prom: PromClient, app: App): { registry: Registry; refresh: () => void } {
  const registry = new prom.Registry();
  const { counters, outbox, health, clock } = app.bot.services;
  const jobs = new StatusRepo(app.db);
  const now = () => clock.now().getTime();
  // Counters are read from the tallies at each scrape: the hot path only adds numbers.
  const counter = (name: string, help: string, tally: Tally, labelNames: string[]) =>
    new prom.Counter({
      name,
      help,
      labelNames,
      registers: [registry],
      collect(this: Counter) {
        this.reset();
        for (const { labels, value } of tally.entries()) this.inc(labels, value);
      },
    });
  counter("copbot_events_handled_total", "Events handled, by platform and kind.", counters.events, [
    "platform",
    "kind",
  ]);
  counter(
    "copbot_replies_sent_total",
    "Messages delivered to a platform (posts, updates, pins).",
    counters.delivered,
    ["platform"],
  );
  counter(
    "copbot_rate_limited_total",
    "Calls a platform answered with a rate limit (HTTP 429).",
    counters.rateLimited,
    ["platform"],
  );
  counter(
    "copbot_delivery_retries_total",
    "Delivery attempts that failed and are tried again.",
    counters.retried,
    ["platform"],
  );
  counter(
    "copbot_deliveries_failed_total",
    "Deliveries given up: failed for good (reason=permanent) or expired undelivered (reason=expired).",
    counters.failed,
    ["platform", "reason"],
  );
  const gauge = (name: string, help: string, read: () => number) =>
    new prom.Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  let backlog = outbox.backlog();
  gauge("copbot_outbox_depth", "Outbox items not yet delivered.", () => backlog.depth);
  gauge("copbot_outbox_oldest_age_seconds", "Age of the oldest undelivered outbox item (0: none).", () =>
    backlog.oldestAt === undefined ? 0 : Math.max(0, now() - backlog.oldestAt) / 1000,
  );
  gauge(
    "copbot_outbox_failed_items",
    "Outbox items that failed for good and wait for a moderator (/cop status).",
    () => backlog.failed,
  );
  gauge(
    "copbot_job_lag_seconds",
    "How long the oldest due job has waited past its time (0: none).",
    () => jobs.lagMs(now()) / 1000,
  );
  gauge("copbot_ready", "1 when every readiness check passes (as /readyz), else 0.", () =>
    health.readiness().ready ? 1 : 0,
  );
  prom.collectDefaultMetrics({ register: registry });
  return { registry, refresh: () => (backlog = outbox.backlog()) };
}

/**
 * `GET /metrics` in Prometheus' text format. The client library loads at the first scrape, so
 * a copbot nobody scrapes neither starts slower nor holds it in memory.
 */
export function metricsRoute(app: App): OpsHandler {
  let built: Promise<ReturnType<typeof buildRegistry>> | undefined;
  return (_req, res) => {
    built ??= import("prom-client").then((prom) => buildRegistry(prom, app));
    built
      .then(async ({ registry, refresh }) => {
        refresh();
        return { type: registry.contentType, text: await registry.metrics() };
      })
      .then(
        ({ type, text }) => {
          res.writeHead(200, { "content-type": type });
          res.end(text);
        },
        (error: unknown) => {
          app.bot.services.log.error({ err: error }, "metrics could not be collected");
          res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
          res.end("metrics could not be collected\n");
        },
      );
  };
}
