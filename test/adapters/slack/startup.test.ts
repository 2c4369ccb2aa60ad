import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SlackAdapter } from "../../../adapters/slack/slack-adapter";
import { ConfigError } from "../../../src/core/errors";
import { SlackApiStandIn } from "../../support/slack-web-api";
import { SIGNING_SECRET } from "../../support/slack-signing";

/** A broken Slack setting stops start-up with one line naming the variable. */
describe("Slack adapter start-up errors", () => {
  let api: SlackApiStandIn;
  let adapter: SlackAdapter | undefined;
  beforeEach(async () => {
    api = await new SlackApiStandIn().start();
  });
  afterEach(async () => {
    await adapter?.stop().catch(() => undefined);
    adapter = undefined;
    await api.stop();
  });

  const start = async (config: { appToken?: string; port?: number }) => {
    adapter = new SlackAdapter({
      config: {
        botToken: "xoxb-wrong",
        signingSecret: SIGNING_SECRET,
        port: config.port ?? 0,
        apiUrl: api.apiUrl,
        ...(config.appToken ? { appToken: config.appToken } : {}),
      },
      host: "127.0.0.1",
      retryConfig: { retries: 0 },
    });
    return adapter.start(async () => undefined);
  };

  it("names SLACK_BOT_TOKEN when Slack refuses the bot token", async () => {
    api.script("auth.test", { body: { ok: false, error: "invalid_auth" } });
    const started = start({});
    await expect(started).rejects.toBeInstanceOf(ConfigError);
    await expect(started).rejects.toThrow("SLACK_BOT_TOKEN: Slack does not accept this token (invalid_auth)");
  });

  it("names SLACK_APP_TOKEN when Socket Mode cannot open a connection with it", async () => {
    api.script("apps.connections.open", { body: { ok: false, error: "invalid_auth" } });
    const started = start({ appToken: "xapp-wrong" });
    await expect(started).rejects.toThrow("SLACK_APP_TOKEN: Slack does not accept this token (invalid_auth)");
    expect(api.callsOf("apps.connections.open").map((c) => c.token)).toEqual(["xapp-wrong"]);
  });

  it("names SLACK_PORT when the port is taken", async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    try {
      const port = (busy.address() as AddressInfo).port;
      await expect(start({ port })).rejects.toThrow("SLACK_PORT: the port is already in use");
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });
});
