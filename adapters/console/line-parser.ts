/** One line of console input, parsed. See ARCHITECTURE.md for the syntax. */
export type ConsoleLine =
  | { kind: "empty" }
  | { kind: "text"; text: string }
  | { kind: "command"; text: string }
  | { kind: "as"; name: string }
  | { kind: "in"; channel: string | "dm" }
  | { kind: "reply"; ref: string; text: string }
  | { kind: "react"; ref: string; emoji: string; removed?: true }
  | { kind: "click"; ref: string; action: string }
  | { kind: "delete"; ref: string }
  | { kind: "clock"; to: { relativeMs: number } | { local: string } }
  | { kind: "quit" }
  | { kind: "error"; problem: string };
import { ownValue } from "../../src/core/own";

const UNITS: Readonly<Record<string, number>> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};
const EMOJI: Readonly<Record<string, string>> = {
  "✅": "white_check_mark",
  "✔️": "heavy_check_mark",
  "✔": "heavy_check_mark",
  "👍": "+1",
  "👀": "eyes",
  "👎": "-1",
  "❤️": "heart",
  "🎉": "tada",
};

/** The emoji for a normalized name (`✅` for `white_check_mark`), the name itself when unknown. */
export function emojiOf(name: string): string {
  return Object.entries(EMOJI).find(([, n]) => n === name)?.[0] ?? `:${name}:`;
}

/** Normalizes `✅`, `:white_check_mark:` and `white_check_mark` to the same name. */
export function normalizeEmoji(raw: string): string {
  return ownValue(EMOJI, raw) ?? raw.replace(/^:|:$/g, "");
}

/** Parses `+1h`, `+2d12h`, `+90m` into milliseconds. */
export function parseDuration(text: string): number | undefined {
  const match = /^\+((?:\d+[smhdw])+)$/.exec(text.trim());
  if (!match?.[1]) return undefined;
  let total = 0;
  for (const part of match[1].matchAll(/(\d+)([smhdw])/g)) {
    total += Number(part[1]) * (UNITS[part[2] ?? "s"] ?? 0);
  }
  return total;
}

const USAGE: Readonly<Record<string, string>> = {
  as: ":as NAME",
  in: ":in #NAME | :in dm",
  reply: ":reply REF text",
  react: ":react REF EMOJI",
  unreact: ":unreact REF EMOJI",
  click: ":click REF ACTION",
  delete: ":delete REF",
  clock: ":clock +1h | :clock 2026-12-07T09:00",
};

export function parseLine(raw: string): ConsoleLine {
  const line = raw.replace(/\r$/, "").trim();
  if (line === "") return { kind: "empty" };
  if (/^[/!]cop(\s|$)/i.test(line)) return { kind: "command", text: line.replace(/^[/!]cop\s*/i, "") };
  if (!line.startsWith(":") || /^:[^a-z]/i.test(line)) return { kind: "text", text: line };
  const [word = "", ...rest] = line.slice(1).split(/\s+/);
  const usage = (name: string): ConsoleLine => ({ kind: "error", problem: `usage: ${USAGE[name] ?? name}` });
  switch (word.toLowerCase()) {
    case "quit":
      return { kind: "quit" };
    case "as":
      return rest[0] && rest.length === 1 ? { kind: "as", name: rest[0].replace(/^@/, "") } : usage("as");
    case "in":
      if (rest[0]?.toLowerCase() === "dm") return { kind: "in", channel: "dm" };
      return rest[0]?.startsWith("#") && rest[0].length > 1
        ? { kind: "in", channel: rest[0].slice(1) }
        : usage("in");
    case "reply":
      return rest[0] && rest.length > 1
        ? { kind: "reply", ref: rest[0], text: rest.slice(1).join(" ") }
        : usage("reply");
    case "react":
    case "unreact":
      return rest[0] && rest[1]
        ? {
            kind: "react",
            ref: rest[0],
            emoji: normalizeEmoji(rest[1]),
            ...(word.toLowerCase() === "unreact" ? { removed: true as const } : {}),
          }
        : usage(word.toLowerCase());
    case "click":
      return rest[0] && rest.length > 1
        ? { kind: "click", ref: rest[0], action: rest.slice(1).join(" ") }
        : usage("click");
    case "delete":
      return rest[0] && rest.length === 1 ? { kind: "delete", ref: rest[0] } : usage("delete");
    case "clock": {
      const arg = rest[0] ?? "";
      const ms = parseDuration(arg);
      if (ms !== undefined) return { kind: "clock", to: { relativeMs: ms } };
      if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(arg))
        return { kind: "clock", to: { local: arg } };
      return usage("clock");
    }
    default:
      return {
        kind: "error",
        problem: `unknown :${word} (known: ${Object.values(USAGE).join(", ")}, :quit)`,
      };
  }
}
