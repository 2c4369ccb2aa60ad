import fc from "fast-check";

/**
 * Pieces hostile input is made of: query and markup syntax of every layer copbot passes text
 * through (FTS5, SQL, HTML, Slack mrkdwn, Matrix mentions), quotes of every kind, control and
 * direction characters, lone surrogates, command words, and names every object inherits.
 */
const PIECES = [
  "constructor",
  "__proto__",
  '"a" NEAR(',
  "NEAR/2",
  " AND ",
  " OR ",
  " NOT ",
  "*",
  "^",
  ":",
  "-",
  "+",
  "(",
  ")",
  "{",
  "}",
  '"',
  "'",
  "„",
  "“",
  "”",
  "«",
  "»",
  "‚",
  "‘",
  '""',
  "\\",
  "`",
  "```",
  "'; DROP TABLE members; --",
  "1 OR 1=1",
  "%",
  "_",
  "<!everyone>",
  "<!channel>",
  "<!here>",
  "<@U0ANNA>",
  "<#C0FRAGEN|fragen>",
  "<https://evil.example|klick>",
  "@room",
  "@everyone",
  "@copbot",
  "<script>alert(1)</script>",
  '<a href="javascript:alert(1)">x</a>',
  '<img src=x onerror="alert(1)">',
  "&amp;",
  "&lt;",
  "\u0000",
  "\u0007",
  "\u001b[31m",
  "\u200b",
  "\u2060",
  "\u202e",
  "\ufeff",
  "\ud800",
  "\udfff",
  "😀",
  "👩‍👩‍👧",
  "ß",
  "Ä",
  "ẞ",
  "İ",
  "\n",
  "\r\n",
  "\t",
  "/cop",
  "!cop",
  "#1",
  "#999999999999",
  "-1",
  "0",
  "2027-02-30",
  "2026-13-01",
  "24:00",
  "25:61",
  "1e309",
  "NaN",
  "weekly",
  "monthly",
  "every",
  "in",
  "#team",
  "questions",
  "deadline",
  "remind",
  "tz",
  "Europe/Berlin",
  "Mars/Olympus",
  "until",
  "morgen",
  "nächsten Montag",
  "übermorgen 14 Uhr",
  "jeden 2. Dienstag",
  "cron",
  "* * * * *",
  "E-Akte",
  "Vergabe",
  "Altakten",
] as const;

/** Any text: full Unicode, broken surrogates included, up to a few hundred characters. */
const anyText = fc.string({ unit: "binary", maxLength: 300 });

/** Words and hostile pieces glued together, the way a confused or malicious person types. */
const mixed = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 }), anyText), { maxLength: 14 })
  .chain((parts) =>
    fc
      .array(fc.constantFrom(" ", "", "  ", "\n", "\t"), { minLength: parts.length, maxLength: parts.length })
      .map((gaps) => parts.map((p, i) => `${p}${gaps[i] ?? ""}`).join("")),
  );

/** A very long line (about 10,000 characters) of a repeated piece or random text. */
const long = fc
  .tuple(
    fc.oneof(fc.constantFrom(...PIECES), fc.string({ minLength: 1, maxLength: 8 })),
    fc.integer({ min: 9_000, max: 11_000 }),
  )
  .map(([piece, length]) => piece.repeat(Math.ceil(length / Math.max(1, piece.length))).slice(0, length));

/** Nested quotes of every kind, closed and not. */
const quotes = fc
  .array(fc.constantFrom('"', "'", "„", "“", "”", "«", "»", "‚", "‘", " ", "a", "b"), { maxLength: 40 })
  .map((chars) => chars.join(""));

/** Hostile user text: what fuzzing feeds into every parser and renderer. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: mixed },
  { weight: 2, arbitrary: anyText },
  { weight: 1, arbitrary: quotes },
  { weight: 1, arbitrary: long },
  { weight: 1, arbitrary: fc.constantFrom(...PIECES) },
);

/** A Slack-like id (`U0ANNA`, `C0FRAGEN`), sometimes hostile. */
export const slackId = fc.oneof(
  fc.stringMatching(/^[UCDGWB][0-9A-Z]{2,10}$/),
  fc.constantFrom("", "U0ANNA", "C0FRAGEN", "D0DM", "UCOPBOT"),
  hostileText,
);

/** A Slack timestamp (`1764000000.000100`), sometimes hostile. */
export const slackTs = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1_600_000_000, max: 1_900_000_000 }).map((s) => `${s}.000100`) },
  { weight: 1, arbitrary: hostileText },
);

/** A Matrix user id, sometimes hostile. */
export const matrixUser = fc.oneof(
  fc.constantFrom("@anna:example.org", "@ben:example.org", "@copbot:example.org", "@eve:evil.example"),
  fc.stringMatching(/^@[a-z0-9._=-]{1,12}:[a-z0-9.-]{1,12}$/),
  hostileText,
);
