import type { PlatformInfo } from "../../src/core/platform";

/**
 * The console as a copbot platform: the embedded default when no chat platform is configured
 * (`src/main.ts` runs it on stdin/stdout), and the harness of the end-to-end tests.
 */
export const consolePlatform: PlatformInfo<"console"> = { platform: "console", commandPrefix: "/cop" };
