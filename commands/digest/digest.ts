import { z } from "zod";
import { defineCommand } from "../../src/core/commands/command";
import { configureDigest, parseDigestRequest } from "../../src/digest/api";

/** `/cop digest in #channel [weekday] [HH:MM]`, `/cop digest off`, `/cop digest preview` (moderators). */
export const digestCommand = defineCommand({
  name: "digest",
  summary: "digest.summary",
  usage: "digest.usage",
  example: "digest.example",
  readOnly: (request) => request.kind === "preview",
  args: z.array(z.string()).transform((tokens, ctx) => {
    const request = parseDigestRequest(tokens);
    if (request === undefined) {
      ctx.addIssue({ code: "custom", message: "digest.err.args" });
      return z.NEVER;
    }
    return request;
  }),
  run: (ctx, request) => configureDigest(ctx, request),
});
