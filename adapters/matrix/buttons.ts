import { z } from "zod";
import type { Button } from "../../src/core/message";
import { ownValue } from "../../src/core/own";

/**
 * Matrix has no buttons. copbot lists the choices as numbered keycap reactions, adds those
 * reactions to its own message so people only click, and stores the table in the event
 * content under `org.copbot.buttons`, so a reaction still maps to its action after a restart.
 */
export const BUTTONS_KEY = "org.copbot.buttons";

const KEYCAPS = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"] as const;

/** At most this many buttons fit a message; Matrix users see the choices as reactions. */
export const MAX_BUTTONS = KEYCAPS.length;

export const ButtonRowSchema = z.object({
  key: z.string(),
  action: z.string(),
  value: z.string().optional(),
});
export type ButtonRow = z.infer<typeof ButtonRowSchema>;

export const ButtonTableSchema = z.array(ButtonRowSchema);

/** The reaction table for a message's buttons, with their labels for the hint line. */
export function buttonRows(buttons: readonly Button[]): { row: ButtonRow; label: string }[] {
  return buttons.slice(0, MAX_BUTTONS).map((button, i) => ({
    row: {
      key: KEYCAPS[i] ?? "",
      action: button.action,
      ...(button.value !== undefined ? { value: button.value } : {}),
    },
    label: button.label,
  }));
}

/** Reaction keys arrive with or without the emoji variation selector; compare without it. */
function bare(key: string): string {
  return key.replace(/\uFE0F/g, "");
}

/** True for the keys copbot uses as choices (only these can be button clicks). */
export function isChoiceKey(key: string): boolean {
  return KEYCAPS.some((keycap) => bare(keycap) === bare(key));
}

/** The button a reaction key stands for, if any. */
export function buttonForKey(table: readonly ButtonRow[], key: string): ButtonRow | undefined {
  return table.find((row) => bare(row.key) === bare(key));
}

/** Reads the button table from an event's content (the edited content wins). */
export function tableOf(content: Record<string, unknown>): ButtonRow[] | undefined {
  const parsed = ButtonTableSchema.safeParse(content[BUTTONS_KEY]);
  return parsed.success ? parsed.data : undefined;
}

const EMOJI_NAMES: Readonly<Record<string, string>> = {
  "✅": "white_check_mark",
  "☑": "ballot_box_with_check",
  "👍": "+1",
  "👎": "-1",
  "👀": "eyes",
  "❤": "heart",
  "🎉": "tada",
  "🙏": "pray",
};

/** The reaction key for an emoji name of copbot's core (`✅` for `white_check_mark`). */
export function emojiKey(name: string): string {
  return Object.entries(EMOJI_NAMES).find(([, n]) => n === name)?.[0] ?? name;
}

/**
 * The emoji name copbot's core uses for a reaction key (`white_check_mark` for ✅). Both check
 * marks count as "solved", since Element offers ✔️ in its quick reactions.
 */
export function emojiName(key: string): string {
  const plain = bare(key).replace(/[\u{1F3FB}-\u{1F3FF}]/gu, "");
  if (plain === "✔") return "white_check_mark";
  return ownValue(EMOJI_NAMES, plain) ?? plain;
}

/** A bot message's button table and thread, as the adapter remembers it. */
export interface KnownButtons {
  table: ButtonRow[];
  threadId?: string;
}

/**
 * The button tables of recent bot messages by event id, at most `capacity` of them: the
 * oldest are forgotten first. Nothing is lost by forgetting — the table is also in the event
 * (see `tableOf`) and is read from there when a reaction comes for an older message.
 */
export class ButtonCache extends Map<string, KnownButtons> {
  constructor(private readonly capacity = 5_000) {
    super();
  }

  override set(eventId: string, buttons: KnownButtons): this {
    this.delete(eventId);
    super.set(eventId, buttons);
    if (this.size > this.capacity) {
      const oldest = this.keys().next().value;
      if (oldest !== undefined) this.delete(oldest);
    }
    return this;
  }
}
