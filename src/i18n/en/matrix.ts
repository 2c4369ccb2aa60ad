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
  "matrix.e2ee.undecryptable":
    "I cannot read your encrypted message yet: its key has not reached me (yet). I will answer as soon as it arrives. If no answer comes, please send the message again.",
  "matrix.e2ee.withheld":
    "I cannot read your encrypted message: your app does not give me its key because my device is not verified. Allow sending to unverified devices in your app's security settings (or verify copbot) and send the message again.",
  "matrix.e2ee.newDevice":
    "I had to set up my encryption anew (new device {device}). I may not have been able to read messages you sent me just before: please send them again.",
} as const satisfies Record<keyof typeof de, string>;
