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
} as const;
