import { catalogueTranslator, type Lang } from "../../src/i18n";

const de = {
  "matrix.buttons.hint": "Reagiere mit {choices}",
  "matrix.encrypted":
    "Hallo! Dieser Raum ist Ende-zu-Ende-verschlüsselt, und verschlüsselte Nachrichten kann ich nicht lesen. Schreib mir bitte in einem unverschlüsselten Raum (Verschlüsselung lässt sich nur beim Anlegen eines Raums abschalten).",
  "matrix.archived":
    "Dieser Raum ist jetzt archiviert: Ihr könnt alles nachlesen, aber nichts mehr schreiben.",
  "matrix.kick.left": "Austritt aus der Arbeitsgruppe",
  "matrix.encryptedRoom":
    "Der Server hat diesen Raum verschlüsselt, und verschlüsselte Räume kann ich nicht lesen. Deshalb ziehe ich die Einladung zurück.",
} as const;

const en = {
  "matrix.buttons.hint": "React with {choices}",
  "matrix.encrypted":
    "Hi! This room is end-to-end encrypted, and I cannot read encrypted messages. Please write to me in an unencrypted room (encryption can only be switched off when a room is created).",
  "matrix.archived":
    "This room is archived now: you can read everything, but nobody can write here any more.",
  "matrix.kick.left": "left the working group",
  "matrix.encryptedRoom":
    "The server encrypted this room, and I cannot read encrypted rooms. So I am withdrawing the invitation.",
} as const satisfies Record<keyof typeof de, string>;

/** The Matrix adapter's own texts (keys prefixed `matrix.`), German and English. */
export const matrixMessages: Readonly<Record<Lang, Readonly<Record<keyof typeof de, string>>>> = { de, en };

/** A translator for the Matrix adapter's texts. */
export function matrixText(lang: Lang) {
  return catalogueTranslator(matrixMessages, lang);
}
