import type { PlatformDescriptor } from "../../src/core/platform";
import { matrixConfigFromEnv, type MatrixConfig } from "./config";
import { matrixMessages } from "./messages";

/**
 * Matrix as a copbot platform. Element reserves `/` for its own commands, so copbot's start
 * with `!cop`. The SDK is loaded only in `create`, so building the app does without it.
 */
export const matrixPlatform: PlatformDescriptor<MatrixConfig, "matrix"> = {
  platform: "matrix",
  commandPrefix: "!cop",
  configFromEnv: matrixConfigFromEnv,
  messages: matrixMessages,
  async create(config, ctx) {
    const { MatrixAdapter } = await import("./matrix-adapter");
    return new MatrixAdapter({
      config,
      dataDir: ctx.dataDir,
      lang: ctx.lang,
      clock: ctx.clock,
      log: ctx.log.child({ adapter: "matrix" }),
      timeoutMs: ctx.timeoutMs,
    });
  },
};
