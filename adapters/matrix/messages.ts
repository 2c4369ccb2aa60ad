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
  "matrix.e2ee.undecryptable":
    "Deine verschlüsselte Nachricht kann ich noch nicht lesen: Der Schlüssel dazu ist (noch) nicht bei mir angekommen. Sobald er da ist, antworte ich. Kommt keine Antwort, schick die Nachricht bitte noch einmal.",
  "matrix.e2ee.withheld":
    "Deine verschlüsselte Nachricht kann ich nicht lesen: Deine App gibt mir den Schlüssel nicht, weil mein Gerät nicht verifiziert ist. Erlaube in den Sicherheitseinstellungen deiner App das Senden an nicht verifizierte Geräte (oder verifiziere copbot) und schick die Nachricht noch einmal.",
  "matrix.e2ee.newDevice":
    "Ich habe meine Verschlüsselung neu einrichten müssen (neues Gerät {device}). Nachrichten, die ihr mir kurz zuvor geschickt habt, konnte ich vielleicht nicht lesen: Bitte schickt sie noch einmal.",
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
  "matrix.e2ee.undecryptable":
    "I cannot read your encrypted message yet: its key has not reached me (yet). I will answer as soon as it arrives. If no answer comes, please send the message again.",
  "matrix.e2ee.withheld":
    "I cannot read your encrypted message: your app does not give me its key because my device is not verified. Allow sending to unverified devices in your app's security settings (or verify copbot) and send the message again.",
  "matrix.e2ee.newDevice":
    "I had to set up my encryption anew (new device {device}). I may not have been able to read messages you sent me just before: please send them again.",
} as const satisfies Record<keyof typeof de, string>;

/** The Matrix adapter's own texts (keys prefixed `matrix.`), German and English. */
export const matrixMessages: Readonly<Record<Lang, Readonly<Record<keyof typeof de, string>>>> = { de, en };

/** A translator for the Matrix adapter's texts. */
export function matrixText(lang: Lang) {
  return catalogueTranslator(matrixMessages, lang);
}
