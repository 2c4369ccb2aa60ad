import { Writable } from "node:stream";
import { createLogger } from "../src/log";

describe("logger", () => {
  it("redacts tokens, secrets and passwords", () => {
    const chunks: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const log = createLogger("info", sink);
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
});
