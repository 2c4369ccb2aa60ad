import type { types } from "@slack/bolt";
import { z } from "zod";
import type { OutgoingMessage } from "../../src/core/message";
import { renderMessage } from "./blocks";

/** Builds the App Home view (`views.publish`) from a platform-neutral message. */
export function renderHome(message: OutgoingMessage): types.HomeView {
  // Slack allows 100 blocks in a view (50 in a message); the message renderer's cap is stricter.
  return { type: "home", blocks: renderMessage(message).blocks };
}

const homeOpenedPayload = z.object({
  type: z.literal("app_home_opened"),
  user: z.string(),
  tab: z.string().optional(),
});

/** The user who opened the Home tab; undefined for the Messages tab (it fires the same event). */
export function homeOpenedBy(payload: unknown): string | undefined {
  const parsed = homeOpenedPayload.safeParse(payload);
  return parsed.success && (parsed.data.tab ?? "home") === "home" ? parsed.data.user : undefined;
}
