import pino from "pino";
import { openDatabase } from "../db/open";
import { loadConfig } from "../src/config";
import { createServices } from "../src/core/services";
import { VirtualClock } from "../src/core/clock";
import { trackQuestion } from "../src/qa/ask";
import { addExpertTopics } from "../src/qa/expert-repo";
import { addKnowledge, searchKnowledge } from "../src/qa/knowledge-repo";
import { RecordingPort } from "../test/support/recording-port";
import { percentile, seeded, timeRuns, type Figure } from "./measure";

const TOPICS = [
  "E-Akte",
  "OZG",
  "Vergabe",
  "Datenschutz",
  "Barrierefreiheit",
  "XRechnung",
  "Dokumentenmanagementsystem",
  "Personalgewinnung",
  "Cloud",
  "Open Source",
  "IT-Sicherheit",
  "Bürgerportal",
  "Registermodernisierung",
  "Scanstraße",
  "Aktenplan",
  "Schnittstellen",
  "KI",
  "Formulare",
  "Zahlungsverkehr",
  "Homeoffice",
];
const VERBS = [
  "migriert",
  "nutzt",
  "organisiert",
  "prüft",
  "betreibt",
  "schult",
  "beschafft",
  "dokumentiert",
];
const EXTRAS = [
  "in kleinen Kommunen",
  "mit wenig Personal",
  "im Landkreis",
  "nach der Umstellung",
  "für die Fachverfahren",
  "mit externen Dienstleistern",
  "im laufenden Betrieb",
  "ohne Medienbruch",
];

const N_KNOWLEDGE = 10_000;
const N_EXPERTS = 300;

/**
 * Knowledge search and question routing on 10,000 solved questions and 300 experts
 * (seeded data, in-memory SQLite with the real migrations).
 */
export async function benchQaSearch(): Promise<Figure[]> {
  const random = seeded(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const clock = new VirtualClock(new Date("2026-12-07T09:00:00+01:00"));
  const services = createServices({
    db: openDatabase(":memory:"),
    clock,
    config: loadConfig({}),
    log: pino({ level: "silent" }),
    features: [],
  });
  services.ports.add(new RecordingPort("console"));
  const sentence = () => `Wie ${pick(VERBS)} ihr ${pick(TOPICS)} ${pick(EXTRAS)}?`;

  services.db.transaction(() => {
    for (let i = 0; i < N_KNOWLEDGE; i++) {
      addKnowledge(services.db, {
        kind: "question",
        sourceId: String(i),
        title: sentence(),
        body: `Wir setzen auf ${pick(TOPICS)} und ${pick(TOPICS)} ${pick(EXTRAS)}.`,
        at: clock.now(),
      });
    }
    for (let i = 0; i < N_EXPERTS; i++) {
      addExpertTopics(services.db, `console:expert${i}`, [pick(TOPICS), pick(TOPICS)], clock.now());
    }
  })();

  const queries = Array.from({ length: 500 }, () => `${pick(TOPICS)} ${pick(EXTRAS)}`);
  const search = await timeRuns(queries.length, (i) => {
    searchKnowledge(services.db, queries[i] ?? "", 5);
  });
  const routing = await timeRuns(200, (i) => {
    trackQuestion(services, {
      askerId: `console:asker${i}`,
      channelId: "console:fragen",
      messageId: `b${i}`,
      text: sentence(),
    });
  });

  return [
    { name: "knowledge search p50 (10,000 solved)", value: percentile(search, 50), unit: "ms" },
    { name: "knowledge search p95 (10,000 solved)", value: percentile(search, 95), unit: "ms" },
    { name: "question routing p50 (300 experts)", value: percentile(routing, 50), unit: "ms" },
    { name: "question routing p95 (300 experts)", value: percentile(routing, 95), unit: "ms" },
  ];
}
