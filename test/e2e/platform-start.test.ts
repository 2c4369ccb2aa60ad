import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCopbot } from "../support/copbot-process";
import { packagesOf, recordLoadedModules } from "../support/loaded-modules";

/** A local port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe("a platform that cannot be reached at start-up", () => {
  it("stops copbot with one line that names the settings, not a stack trace", async () => {
    const dir = mkdtempSync(join(tmpdir(), "copbot-start-"));
    try {
      const port = await closedPort();
      const modules = recordLoadedModules(dir);
      const result = runCopbot({
        dir,
        input: "",
        env: {
          ...modules.env,
          COPBOT_DB: join(dir, "copbot.db"),
          COPBOT_DATA_DIR: dir,
          MATRIX_HOMESERVER_URL: `http://127.0.0.1:${port}`,
          MATRIX_ACCESS_TOKEN: "syt_secret_token",
        },
      });
      expect(result.code).toBe(2);
      const lines = result.err.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^copbot: MATRIX_\*: could not start the matrix adapter: .*ECONNREFUSED/);
      expect(result.err).not.toContain("syt_secret_token");
      // Only the configured platform's SDK was loaded.
      const packages = packagesOf(modules.loaded());
      expect(packages).toContain("@vector-im/matrix-bot-sdk");
      expect(packages).not.toContain("@slack/bolt");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
