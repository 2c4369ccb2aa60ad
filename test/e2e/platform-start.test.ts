import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

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
      const result = spawnSync(
        process.execPath,
        ["--import", require.resolve("tsx"), join(process.cwd(), "src", "main.ts")],
        {
          cwd: dir,
          input: "",
          encoding: "utf8",
          timeout: 60_000,
          env: {
            ...process.env,
            COPBOT_DB: join(dir, "copbot.db"),
            COPBOT_ENV_FILE: join(dir, ".env"),
            COPBOT_DATA_DIR: dir,
            COPBOT_HEALTH_PORT: "off",
            MATRIX_HOMESERVER_URL: `http://127.0.0.1:${port}`,
            MATRIX_ACCESS_TOKEN: "syt_secret_token",
          },
        },
      );
      expect(result.status).toBe(2);
      const lines = result.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^copbot: MATRIX_\*: could not start the matrix adapter: .*ECONNREFUSED/);
      expect(result.stderr).not.toContain("syt_secret_token");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
