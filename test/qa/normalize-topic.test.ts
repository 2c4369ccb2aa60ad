import { compoundParts, normalizeTopic, topicLabel } from "../../src/qa/normalize-topic";

describe("normalizeTopic", () => {
  it("folds case, umlauts and ß", () => {
    expect(normalizeTopic("E-Akte")).toBe(normalizeTopic("e-akte"));
    expect(normalizeTopic("Straße")).toBe(normalizeTopic("STRASSE"));
    expect(normalizeTopic("Bürgerportal")).toBe(normalizeTopic("buergerportal"));
    expect(normalizeTopic("Lösungen")).toBe("loesung");
  });

  it("treats simple German and English plurals as the same topic", () => {
    expect(normalizeTopic("E-Akten")).toBe(normalizeTopic("E-Akte"));
    expect(normalizeTopic("Schnittstellen")).toBe(normalizeTopic("Schnittstelle"));
    expect(normalizeTopic("Dateien")).toBe(normalizeTopic("Datei"));
    expect(normalizeTopic("Prozesse")).toBe(normalizeTopic("Prozess"));
    expect(normalizeTopic("Migrationen")).toBe(normalizeTopic("Migration"));
    expect(normalizeTopic("Regeln")).toBe(normalizeTopic("Regel"));
    expect(normalizeTopic("APIs")).toBe(normalizeTopic("API"));
    expect(normalizeTopic("Tools")).toBe(normalizeTopic("tool"));
    expect(normalizeTopic("Tokens")).toBe(normalizeTopic("Token"));
    expect(normalizeTopic("policies")).toBe(normalizeTopic("policy"));
  });

  it("keeps distinct topics distinct and collapses punctuation", () => {
    expect(normalizeTopic("Status")).toBe("status");
    expect(normalizeTopic("Prozess")).not.toBe(normalizeTopic("Protest"));
    expect(normalizeTopic("  elektronische   Akte ")).toBe(normalizeTopic("Elektronische Akten"));
    expect(normalizeTopic("E\u2011Akte")).toBe(normalizeTopic("E-Akte"));
    expect(normalizeTopic("OZG 2.0")).toBe("ozg20");
    expect(normalizeTopic("!!!")).toBe("");
  });

  it("ignores hyphens and spaces, so spelling variants are one topic", () => {
    expect(normalizeTopic("eakte")).toBe(normalizeTopic("E-Akte"));
    expect(normalizeTopic("E Akten")).toBe(normalizeTopic("E-Akte"));
    expect(normalizeTopic("Open-Data")).toBe(normalizeTopic("OpenData"));
  });

  it("keeps the label readable", () => {
    expect(topicLabel("  E-Akte   Migration ")).toBe("E-Akte Migration");
  });
});

describe("compoundParts", () => {
  it("finds a topic inside a German compound", () => {
    expect(compoundParts("Dokumentenmanagementsystems")).toContain("dokumentenmanagement");
  });

  it("leaves a pasted run of letters alone instead of taking every stretch of it", () => {
    expect(compoundParts("cron".repeat(5000))).toEqual([]);
  });
});
