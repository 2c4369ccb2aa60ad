/**
 * Vocabulary of the seeded community: domains of public-sector work, each with the topic
 * labels experts register and the words questions about it use. Words carry umlauts and ß on
 * purpose, and the generator joins them into compounds ("Posteingangsscanner"), so the
 * search sees what a German knowledge base really holds: a long tail of rare compounds next
 * to very frequent words.
 */

export interface Domain {
  /** Topic labels experts register for this domain (the first is the main one). */
  readonly topics: readonly string[];
  /** Nouns questions about the domain use; compounds are formed from them. */
  readonly words: readonly string[];
}

export const DOMAINS: readonly Domain[] = [
  {
    topics: ["E-Akte", "Aktenplan", "Aussonderung"],
    words: ["Akte", "Altakten", "Aktenplan", "Scan", "Aussonderung", "Vorgang", "Schriftgut", "Registratur"],
  },
  {
    topics: ["Dokumentenmanagementsystem", "DMS", "Schriftgutverwaltung"],
    words: ["Dokument", "Dokumentenmanagement", "Ablage", "Version", "Metadaten", "Vorlage", "Workflow"],
  },
  {
    topics: ["Vergabe", "Vergaberecht", "Ausschreibung"],
    words: [
      "Vergabe",
      "Ausschreibung",
      "Angebot",
      "Zuschlag",
      "Leistungsverzeichnis",
      "Bieter",
      "Losbildung",
    ],
  },
  {
    topics: ["Datenschutz", "DSGVO", "Auftragsverarbeitung"],
    words: ["Datenschutz", "Einwilligung", "Löschfrist", "Auskunft", "Verarbeitung", "Folgenabschätzung"],
  },
  {
    topics: ["Barrierefreiheit", "BITV", "Leichte Sprache"],
    words: ["Barrierefreiheit", "Screenreader", "Kontrast", "Prüfung", "Erklärung", "Untertitel"],
  },
  {
    topics: ["XRechnung", "E-Rechnung", "Rechnungseingang"],
    words: ["Rechnung", "Rechnungseingang", "Kreditor", "Buchung", "Freigabe", "Zahllauf", "Beleg"],
  },
  {
    topics: ["OZG", "Onlinezugangsgesetz", "EfA"],
    words: ["Onlinedienst", "Antrag", "Nachnutzung", "Reifegrad", "Leistung", "Portalverbund", "Bescheid"],
  },
  {
    topics: ["Bürgerportal", "Servicekonto", "BundID"],
    words: ["Bürgerportal", "Servicekonto", "Anmeldung", "Postfach", "Identifizierung", "Nutzerkonto"],
  },
  {
    topics: ["Registermodernisierung", "Steuer-ID", "Once Only"],
    words: ["Register", "Abruf", "Nachweis", "Identifikationsnummer", "Datencockpit", "Melderegister"],
  },
  {
    topics: ["IT-Sicherheit", "Informationssicherheit", "BSI-Grundschutz"],
    words: ["Sicherheit", "Grundschutz", "Schwachstelle", "Patch", "Firewall", "Notfall", "Schulung"],
  },
  {
    topics: ["Cloud", "Souveräne Cloud", "Rechenzentrum"],
    words: ["Cloud", "Rechenzentrum", "Betrieb", "Hosting", "Souveränität", "Container", "Plattform"],
  },
  {
    topics: ["Open Source", "Open Code", "Lizenzen"],
    words: ["Quellcode", "Lizenz", "Community", "Fork", "Veröffentlichung", "Repository", "Gemeinschaft"],
  },
  {
    topics: ["Personalgewinnung", "Fachkräfte", "Ausbildung"],
    words: ["Stelle", "Bewerbung", "Ausbildung", "Nachwuchs", "Fachkräftemangel", "Einarbeitung", "Tarif"],
  },
  {
    topics: ["Homeoffice", "Mobiles Arbeiten", "Telearbeit"],
    words: ["Homeoffice", "Dienstvereinbarung", "Laptop", "Erreichbarkeit", "Arbeitszeit", "Präsenz"],
  },
  {
    topics: ["Scanstraße", "Posteingang", "Digitalisierung"],
    words: ["Posteingang", "Scanstraße", "Scanner", "Texterkennung", "Eingangsstempel", "Briefpost"],
  },
  {
    topics: ["Formulare", "Formularserver", "Antragsstrecken"],
    words: ["Formular", "Pflichtfeld", "Antragsstrecke", "Formularserver", "Unterschrift", "Anlage"],
  },
  {
    topics: ["Zahlungsverkehr", "E-Payment", "Gebühren"],
    words: ["Zahlung", "Gebühr", "Bezahlverfahren", "Kasse", "Mahnung", "Überweisung", "Quittung"],
  },
  {
    topics: ["KI", "Künstliche Intelligenz", "Sprachmodelle"],
    words: ["Sprachmodell", "Assistent", "Zusammenfassung", "Halluzination", "Trainingsdaten", "Chatbot"],
  },
  {
    topics: ["Schnittstellen", "XÖV", "XTA"],
    words: ["Schnittstelle", "Nachrichtenformat", "Standard", "Transport", "Fachverfahren", "Übermittlung"],
  },
  {
    topics: ["Haushalt", "Doppik", "Kosten-Leistungs-Rechnung"],
    words: ["Haushalt", "Haushaltsplan", "Produkt", "Kostenstelle", "Abschluss", "Budget", "Mittel"],
  },
  {
    topics: ["Fördermittel", "Förderprogramme", "Zuwendungen"],
    words: ["Förderung", "Fördermittel", "Zuwendung", "Verwendungsnachweis", "Frist", "Antragstellung"],
  },
  {
    topics: ["Bauantrag", "Baugenehmigung", "Bauaufsicht"],
    words: ["Bauantrag", "Genehmigung", "Bauaufsicht", "Lageplan", "Stellungnahme", "Grundstück"],
  },
  {
    topics: ["Geodaten", "GIS", "Vermessung"],
    words: ["Geodaten", "Karte", "Flurstück", "Vermessung", "Luftbild", "Koordinate", "Straßenverzeichnis"],
  },
  {
    topics: ["Wahlen", "Wahlorganisation", "Briefwahl"],
    words: [
      "Wahl",
      "Wahlbezirk",
      "Briefwahl",
      "Wahlhelfer",
      "Stimmzettel",
      "Auszählung",
      "Wählerverzeichnis",
    ],
  },
  {
    topics: ["Ratsinformationssystem", "Sitzungsdienst", "Gremien"],
    words: ["Sitzung", "Gremium", "Tagesordnung", "Niederschrift", "Beschluss", "Ratsmitglied"],
  },
  {
    topics: ["Wissensmanagement", "Wiki", "Übergabe"],
    words: ["Wissen", "Wiki", "Übergabe", "Dokumentation", "Nachfolge", "Handbuch", "Stellvertretung"],
  },
  {
    topics: ["Projektmanagement", "Agile Verwaltung", "Scrum"],
    words: ["Projekt", "Meilenstein", "Sprint", "Lenkungskreis", "Projektauftrag", "Risiko", "Zeitplan"],
  },
  {
    topics: ["Prozessmanagement", "BPMN", "Prozessoptimierung"],
    words: ["Prozess", "Modellierung", "Prozesslandkarte", "Durchlaufzeit", "Medienbruch", "Optimierung"],
  },
  {
    topics: ["Kommunikation", "Öffentlichkeitsarbeit", "Social Media"],
    words: ["Pressemitteilung", "Kanal", "Reichweite", "Redaktion", "Beitrag", "Bürgerdialog"],
  },
  {
    topics: ["Beschaffung", "Rahmenvertrag", "Einkauf"],
    words: ["Beschaffung", "Rahmenvertrag", "Einkauf", "Bestellung", "Lieferant", "Marktanalyse"],
  },
  {
    topics: ["Netzwerk", "Telefonie", "WLAN"],
    words: ["Netzwerk", "Telefonanlage", "Router", "Ausfall", "Bandbreite", "Verkabelung", "Zugangspunkt"],
  },
  {
    topics: ["Arbeitsplatz-IT", "Softwareverteilung", "Endgeräte"],
    words: ["Endgerät", "Softwareverteilung", "Drucker", "Bildschirm", "Rollout", "Inventar", "Support"],
  },
  {
    topics: ["Signatur", "E-Siegel", "Vertrauensdienste"],
    words: ["Signatur", "Siegel", "Zertifikat", "Schriftform", "Zeitstempel", "Vertrauensdienst"],
  },
  {
    topics: ["Archiv", "Langzeitarchivierung", "Bewertung"],
    words: ["Archiv", "Archivierung", "Bewertung", "Übernahme", "Dateiformat", "Aufbewahrungsfrist"],
  },
  {
    topics: ["Ordnungsamt", "Gewerbe", "Gewerbeanmeldung"],
    words: ["Gewerbe", "Gewerbeanmeldung", "Ordnungswidrigkeit", "Kontrolle", "Erlaubnis", "Außendienst"],
  },
  {
    topics: ["Kfz-Zulassung", "Führerschein", "Straßenverkehr"],
    words: ["Zulassung", "Kennzeichen", "Führerschein", "Fahrzeug", "Halterauskunft", "Straßenverkehr"],
  },
  {
    topics: ["Sozialleistungen", "Wohngeld", "Jugendhilfe"],
    words: ["Wohngeld", "Leistungsbescheid", "Bedarf", "Jugendhilfe", "Hilfeplan", "Sachbearbeitung"],
  },
  {
    topics: ["Schulträger", "Schuldigitalisierung", "Medienentwicklungsplan"],
    words: ["Schule", "Tablet", "Medienentwicklungsplan", "Lernplattform", "Schulträger", "Klassenraum"],
  },
  {
    topics: ["Gebäudemanagement", "Energie", "Liegenschaften"],
    words: ["Gebäude", "Energieverbrauch", "Heizung", "Liegenschaft", "Wartung", "Schlüssel", "Raumplanung"],
  },
  {
    topics: ["Controlling", "Kennzahlen", "Berichtswesen"],
    words: ["Kennzahl", "Bericht", "Dashboard", "Auswertung", "Zielvereinbarung", "Steuerung"],
  },
];

/** Words any question may use, whatever its domain. */
export const GENERAL_WORDS: readonly string[] = [
  "Erfahrung",
  "Lösung",
  "Umsetzung",
  "Einführung",
  "Kommune",
  "Landkreis",
  "Verwaltung",
  "Behörde",
  "Amt",
  "Team",
  "Mitarbeitende",
  "Leitung",
  "Software",
  "Anbieter",
  "Dienstleister",
  "Konzept",
  "Richtlinie",
  "Vorgabe",
  "Praxis",
  "Beispiel",
  "Tipp",
  "Empfehlung",
  "Problem",
  "Frage",
  "Ansatz",
  "Vorgehen",
  "Kosten",
  "Aufwand",
  "Zeit",
  "Ergebnis",
  "Qualität",
  "Akzeptanz",
  "Änderung",
  "Umstellung",
  "Pilot",
  "Test",
  "Betriebsrat",
  "Personalrat",
  "Zuständigkeit",
  "Abstimmung",
  "Ländern",
  "Bund",
  "Gemeinde",
  "Stadt",
  "Bezirk",
  "Referat",
  "Fachbereich",
  "Abteilung",
  "Sachgebiet",
  "Checkliste",
  "Leitfaden",
  "Muster",
  "Vorlage",
  "Schulungskonzept",
  "Rückmeldung",
  "Übersicht",
];

export const VERBS: readonly string[] = [
  "nutzt",
  "organisiert",
  "prüft",
  "betreibt",
  "schult",
  "beschafft",
  "dokumentiert",
  "regelt",
  "löst",
  "plant",
  "migriert",
  "einführt",
  "bewertet",
  "handhabt",
  "finanziert",
  "steuert",
  "übergebt",
];

/** The same verbs as "wir" says them, for answers. */
export const WE_VERBS: readonly string[] = [
  "nutzen",
  "organisieren",
  "prüfen",
  "betreiben",
  "schulen",
  "beschaffen",
  "dokumentieren",
  "regeln",
  "lösen",
  "planen",
  "migrieren",
  "führen",
  "bewerten",
  "handhaben",
  "finanzieren",
  "steuern",
];

export const EXTRAS: readonly string[] = [
  "in kleinen Kommunen",
  "mit wenig Personal",
  "im Landkreis",
  "nach der Umstellung",
  "für die Fachverfahren",
  "mit externen Dienstleistern",
  "im laufenden Betrieb",
  "ohne Medienbruch",
  "bei euch im Haus",
  "seit der Gesetzesänderung",
  "über die Landesgrenze hinweg",
  "trotz knapper Mittel",
];

export const OPENERS: readonly string[] = [
  "Wie {verb} ihr {object} {extra}?",
  "Hat jemand Erfahrung mit {object} {extra}?",
  "Kennt jemand eine gute Lösung für {object}?",
  "Wie habt ihr {object} {extra} umgesetzt?",
  "Gibt es eine Vorlage für {object} {extra}?",
  "Wer {verb} {object} schon {extra}?",
  "Welche Erfahrungen habt ihr mit {object} und {second} gemacht?",
  "Wie geht ihr mit {object} {extra} um?",
];

export const ANSWER_OPENERS: readonly string[] = [
  "Wir {verb} {object} seit zwei Jahren {extra}.",
  "Bei uns läuft {object} über {second}, das klappt gut.",
  "Schau dir den Leitfaden zu {object} an, wir haben ihn {extra} erprobt.",
  "Wir haben {object} mit {second} gelöst und dokumentiert.",
  "Das haben wir {extra} über {object} geregelt.",
];

export const FIRST_NAMES: readonly string[] = [
  "Anna",
  "Ben",
  "Clara",
  "David",
  "Emma",
  "Felix",
  "Greta",
  "Hannes",
  "Ida",
  "Jonas",
  "Katrin",
  "Lukas",
  "Mia",
  "Niklas",
  "Olga",
  "Paul",
  "Rita",
  "Sven",
  "Tanja",
  "Ulrich",
  "Vera",
  "Wolfgang",
  "Yasemin",
  "Zoë",
  "Jürgen",
  "Bärbel",
  "Sören",
  "Dörte",
  "Günther",
  "Müjde",
];

export const LAST_NAMES: readonly string[] = [
  "Müller",
  "Schmidt",
  "Schneider",
  "Fischer",
  "Weber",
  "Meyer",
  "Wagner",
  "Becker",
  "Schulz",
  "Hoffmann",
  "Schäfer",
  "Koch",
  "Bauer",
  "Richter",
  "Klein",
  "Wolf",
  "Schröder",
  "Neumann",
  "Schwarz",
  "Zimmermann",
  "Braun",
  "Krüger",
  "Hofmann",
  "Hartmann",
  "Lange",
  "Schmitt",
  "Werner",
  "Krause",
  "Köhler",
  "Yılmaz",
];

export const PLACES: readonly string[] = [
  "Musterstadt",
  "Kreis Nordheide",
  "Landratsamt Süd",
  "Stadt Großbach",
  "Amt Elbaue",
  "Gemeinde Öhringen",
  "Bezirksamt Mitte",
  "Stadtwerke Ost",
  "Landesamt für Digitales",
  "Ministerium des Innern",
];
