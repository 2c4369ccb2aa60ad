import type { matrix as de } from "../de/matrix";

/** English messages of the Matrix adapter; must have exactly the German keys. */
export const matrix = {
  "matrix.buttons.hint": "React with {choices}",
  "matrix.encrypted":
    "Hi! This room is end-to-end encrypted, and I cannot read encrypted messages. Please write to me in an unencrypted room (encryption can only be switched off when a room is created).",
  "matrix.archived":
    "This room is archived now: you can read everything, but nobody can write here any more.",
} as const satisfies Record<keyof typeof de, string>;
