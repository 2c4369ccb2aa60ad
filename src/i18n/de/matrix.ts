/** German messages of the Matrix adapter (keys prefixed `matrix.`). */
export const matrix = {
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
