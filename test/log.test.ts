import { Writable } from "node:stream";
import { createLogger } from "../src/log";

function sink(chunks: string[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
}

describe("logger", () => {
  it("redacts tokens, secrets and passwords", () => {
    const chunks: string[] = [];
    const log = createLogger("info", sink(chunks));
    log.info(
      {
        config: { slack: { botToken: "xoxb-secret" } },
        botToken: "xoxb-secret",
        matrix: { accessToken: "syt_secret", password: "hunter2" },
        headers: { authorization: "Bearer xoxb-secret" },
      },
      "starting",
    );
    const line = chunks.join("");
    expect(line).toContain("starting");
    expect(line).toContain("[redacted]");
    expect(line).not.toMatch(/xoxb-secret|syt_secret|hunter2/);
  });

  it("scrubs this run's secret values wherever a library put them: messages, URLs, nested errors", () => {
    const chunks: string[] = [];
    const log = createLogger("debug", sink(chunks), ["syt_LEAKCHECK_0001", "xoxb-LEAKCHECK-0002"]);
    log.debug("GET https://hs.example.org/_matrix/client/v3/sync?access_token=syt_LEAKCHECK_0001");
    log.error({
      err: new Error("auth failed for xoxb-LEAKCHECK-0002", { cause: { token: "syt_LEAKCHECK_0001" } }),
    });
    const text = chunks.join("");
    expect(text).toContain("access_token=[redacted]");
    expect(text).not.toContain("LEAKCHECK");
  });
});
