import type { matrix as de } from "../de/matrix";

/** English messages of the Matrix adapter; must have exactly the German keys. */
export const matrix = {
  "matrix.buttons.hint": "React with {choices}",
  "matrix.encrypted":
    "Hi! This room is end-to-end encrypted, and I cannot read encrypted messages. Please write to me in an unencrypted room (encryption can only be switched off when a room is created).",
  "matrix.archived":
    "This room is archived now: you can read everything, but nobody can write here any more.",
  "matrix.kick.left": "left the working group",
  "matrix.encryptedRoom":
    "The server encrypted this room, and I cannot read encrypted rooms. So I am withdrawing the invitation.",
} as const satisfies Record<keyof typeof de, string>;
