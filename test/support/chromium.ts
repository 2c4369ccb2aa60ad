import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

/** Debian's chromium package; `.ci/run` installs it. */
export const CHROMIUM = "/usr/bin/chromium";

/**
 * True when the browser tests can run. Outside CI a missing chromium skips them with a clear
 * message; in CI (`CI=true`) they must run, so a missing browser fails instead of skipping.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env["CI"]) return true;
  console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
  return false;
}

/** A headless chromium with a fresh profile, offline settings and no background traffic. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "copbot-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
