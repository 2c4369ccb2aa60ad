import { PlatformError, RateLimitedError } from "../../src/core/errors";
import { OpsServer } from "../../src/core/ops-server";
import { metricsRoute } from "../../src/metrics";
import { startConsole } from "../support/console-harness";

/** Prometheus' text format as `name{labels}` → value (comments and types left out). */
function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    const match = /^([a-z_:][a-z0-9_:]*(?:\{[^}]*\})?) (\S+)$/i.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) out.set(match[1], Number(match[2]));
  }
  return out;
}

describe("/metrics", () => {
  it("counts events, replies, 429s and failed deliveries, and shows the outbox, job lag and readiness", async () => {
    const h = await startConsole();
    const port = h.app.bot.services.ports.forPlatform("console");
    const post = port.post.bind(port);
    let limited = true;
    jest.spyOn(port, "post").mockImplementation(async (target, message, delivery) => {
      // #archiv is gone (as Slack says channel_not_found); #team is rate limited once, for a minute.
      if (target.kind === "channel" && target.channelId === "console:archiv") {
        throw new PlatformError("channel_not_found", false);
      }
      if (limited && target.kind === "channel" && target.channelId === "console:team") {
        limited = false;
        throw new RateLimitedError(60_000);
      }
      return post(target, message, delivery);
    });
    const ops = new OpsServer(h.app.bot.services.health).route("/metrics", metricsRoute(h.app));
    const listening = await ops.listen(0, "127.0.0.1");
    const scrape = async () => {
      const res = await fetch(`http://127.0.0.1:${listening}/metrics`);
      expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
      return samples(await res.text());
    };
    try {
      await h.send(
        "/cop help",
        ":in #archiv",
        '/cop meeting add "Archivrunde" weekly mon 10:00 in #archiv',
        ":in #team",
        '/cop meeting add "Teamrunde" weekly mon 10:00 in #team',
      );
      const before = await scrape();
      expect(before.get('copbot_events_handled_total{platform="console",kind="command"}')).toBe(3);
      expect(before.get('copbot_replies_sent_total{platform="console"}')).toBe(3);
      expect(before.get("copbot_outbox_depth")).toBe(0);
      expect(before.get("copbot_outbox_oldest_age_seconds")).toBe(0);
      expect(before.get("copbot_job_lag_seconds")).toBe(0);
      expect(before.get("copbot_ready")).toBe(1);
      // Node's own process metrics come along (resident memory above all).
      expect(before.get("process_resident_memory_bytes")).toBeGreaterThan(0);

      // The reminders at 09:45: #archiv fails for good, #team waits out its rate limit.
      await h.send(":clock 2026-11-30T09:45");
      h.clock.advance(30_000);
      const during = await scrape();
      expect(during.get('copbot_rate_limited_total{platform="console"}')).toBe(1);
      expect(during.get('copbot_deliveries_failed_total{platform="console",reason="permanent"}')).toBe(1);
      expect(during.get("copbot_outbox_failed_items")).toBe(1);
      expect(during.get("copbot_outbox_depth")).toBe(1);
      expect(during.get("copbot_outbox_oldest_age_seconds")).toBe(30);

      // After the minute the reminder goes out; then a job comes due and nothing runs it for 90 s.
      await h.send(":clock 2026-11-30T09:46:01");
      const due = h.app.bot.services.scheduler.nextDueAt();
      if (!due) throw new Error("a meeting leaves a job scheduled");
      h.clock.set(new Date(due.getTime() + 90_000));
      const after = await scrape();
      expect(after.get('copbot_replies_sent_total{platform="console"}')).toBe(4);
      expect(after.get("copbot_outbox_depth")).toBe(0);
      expect(after.get("copbot_job_lag_seconds")).toBe(90);
    } finally {
      await ops.close();
      h.close();
    }
  });
});
