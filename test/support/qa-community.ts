import { inlineToPlain } from "../../src/core/message";
import type { Services } from "../../src/core/services";
import { addExpertTopics, recordAnsweredQuestion } from "../../src/qa/expert-repo";
import { updateExpertSettings } from "../../src/qa/expert-settings-repo";
import { recordPing } from "../../src/qa/expert-stats-repo";
import { findExperts, type FoundExpert } from "../../src/qa/experts";
import { searchKnowledge, type KnowledgeHit } from "../../src/qa/knowledge";
import {
  addKnowledge,
  deleteKnowledge,
  removeKnowledge,
  rewriteKnowledgeAnswers,
  tombstoneKnowledge,
} from "../../src/qa/knowledge-repo";
import { QuestionRepo } from "../../src/qa/question-repo";
import { similarSolved } from "../../src/qa/similar";
import { setTopicAlias } from "../../src/qa/topic-repo";

/** Deterministic pseudo-random numbers (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Domains of a small German public-sector community: two topics and the words questions use. */
const DOMAINS: readonly { topics: [string, string]; words: string[] }[] = [
  { topics: ["E-Akte", "Aktenplan"], words: ["Akte", "Altakten", "Scan", "Aussonderung", "Registratur"] },
  { topics: ["Vergabe", "Ausschreibung"], words: ["Angebot", "Zuschlag", "Bieter", "Leistungsverzeichnis"] },
  { topics: ["Datenschutz", "DSGVO"], words: ["Einwilligung", "Löschfrist", "Auskunft", "Verarbeitung"] },
  { topics: ["Barrierefreiheit", "BITV"], words: ["Screenreader", "Kontrast", "Prüfung", "Untertitel"] },
  { topics: ["XRechnung", "Rechnungseingang"], words: ["Rechnung", "Kreditor", "Buchung", "Freigabe"] },
  { topics: ["OZG", "Onlinedienste"], words: ["Antrag", "Nachnutzung", "Reifegrad", "Bescheid"] },
  { topics: ["IT-Sicherheit", "Grundschutz"], words: ["Schwachstelle", "Patch", "Firewall", "Notfall"] },
  { topics: ["Cloud", "Rechenzentrum"], words: ["Betrieb", "Hosting", "Souveränität", "Plattform"] },
  { topics: ["Personalgewinnung", "Ausbildung"], words: ["Stelle", "Bewerbung", "Nachwuchs", "Tarif"] },
  {
    topics: ["Scanstraße", "Posteingang"],
    words: ["Scanner", "Texterkennung", "Briefpost", "Eingangsstempel"],
  },
  { topics: ["Formulare", "Formularserver"], words: ["Formular", "Pflichtfeld", "Unterschrift", "Anlage"] },
  {
    topics: ["Fördermittel", "Zuwendungen"],
    words: ["Förderung", "Verwendungsnachweis", "Frist", "Programm"],
  },
  { topics: ["Geodaten", "Vermessung"], words: ["Karte", "Flurstück", "Luftbild", "Straßenverzeichnis"] },
  { topics: ["Wissensmanagement", "Übergabe"], words: ["Wiki", "Handbuch", "Nachfolge", "Dokumentation"] },
  { topics: ["Homeoffice", "Telearbeit"], words: ["Dienstvereinbarung", "Laptop", "Arbeitszeit", "Präsenz"] },
];

const GENERAL = [
  "Erfahrung",
  "Lösung",
  "Kommune",
  "Landkreis",
  "Software",
  "Anbieter",
  "Kosten",
  "Leitfaden",
];
const OPENERS = [
  "Wie organisiert ihr {a} mit {b}?",
  "Hat jemand Erfahrung mit {a} und {b}?",
  "Gibt es eine Vorlage für {a} im {g}?",
  "Kennt jemand eine {g} für {a}?",
  "Wie geht ihr mit {a} bei {b} um?",
];

export const communityId = (i: number): string => `console:p${String(i).padStart(3, "0")}`;

export interface SeededCommunity {
  /** A new question about a random domain, with one of the domain's topics. */
  question(): { text: string; topic: string };
  readonly random: () => number;
}

const MEMBERS = 400;
const EXPERTS = 150;
const DAY = 86_400_000;

/**
 * A community with 150 experts (topics, settings, aliases) and `solved` solved questions with
 * accepted answers, further replies and pings over the last 200 days, written through the
 * same functions copbot uses. Deterministic: the same seed gives the same data.
 */
export function seedCommunity(services: Services, solved: number, seed = 12): SeededCommunity {
  const random = seededRandom(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const domainOf = (): number => Math.min(DOMAINS.length - 1, Math.floor(DOMAINS.length * random() ** 1.6));
  const { db, clock } = services;
  const now = clock.now().getTime();
  const byDomain: number[][] = DOMAINS.map(() => []);
  const activity: number[] = [];
  const text = (d: number): string => {
    const words = DOMAINS[d]?.words ?? [];
    const a = random() < 0.5 ? pick(DOMAINS[d]?.topics ?? []) : pick(words);
    const b = pick(words.filter((w) => w !== a));
    return pick(OPENERS).replace("{a}", a).replace("{b}", b).replace("{g}", pick(GENERAL));
  };
  const weighted = (d: number): number => {
    const pool = byDomain[d] ?? [];
    const total = pool.reduce((sum, e) => sum + (activity[e] ?? 1), 0);
    let r = random() * total;
    for (const e of pool) if ((r -= activity[e] ?? 1) <= 0) return e;
    return pool[pool.length - 1] ?? 1;
  };
  db.transaction(() => {
    for (let e = 1; e <= EXPERTS; e++) {
      const primary = domainOf();
      const domains = random() < 0.3 ? [primary, domainOf()] : [primary];
      const topics = domains.flatMap((d) =>
        random() < 0.5 ? [...(DOMAINS[d]?.topics ?? [])] : [pick(DOMAINS[d]?.topics ?? [])],
      );
      addExpertTopics(db, communityId(e), topics, new Date(now - 300 * DAY));
      for (const d of new Set(domains)) byDomain[d]?.push(e);
      activity[e] = Math.min(20, 1 / Math.max(0.05, random()));
      const roll = random();
      if (roll < 0.06) updateExpertSettings(db, communityId(e), { quiet: { start: "18:00", end: "08:00" } });
      else if (roll < 0.09) updateExpertSettings(db, communityId(e), { awayUntil: new Date(now + 3 * DAY) });
      else if (roll < 0.1) updateExpertSettings(db, communityId(e), { optedOut: true });
      else if (roll < 0.16) updateExpertSettings(db, communityId(e), { weeklyCap: 1 + int(5) });
    }
    setTopicAlias(db, "E-Akte", "elektronische Akte", communityId(1), new Date(now - 100 * DAY));
    setTopicAlias(db, "Datenschutz", "Privatsphäre", communityId(1), new Date(now - 100 * DAY));
    const repo = new QuestionRepo(db);
    for (let i = 1; i <= solved; i++) {
      const d = domainOf();
      const at = new Date(now - 200 * DAY + Math.floor((i / solved) * 199.5 * DAY));
      const asker = 1 + int(MEMBERS);
      const q = repo.create({
        askerId: communityId(asker),
        channelId: "console:fragen",
        messageId: `h${i}`,
        text: text(d),
        at,
      });
      const pinged = [weighted(d), weighted(d)].filter((e) => e !== asker);
      for (const e of new Set(pinged)) recordPing(db, communityId(e), "question", at, q.id);
      const roll = random();
      let author = roll < 0.8 ? weighted(d) : roll < 0.9 ? 1 + int(EXPERTS) : 1 + int(MEMBERS);
      if (author === asker) author = asker === 1 ? 2 : asker - 1;
      const answered = new Date(at.getTime() + 3_600_000);
      repo.addAnswer({
        questionId: q.id,
        messageId: `h${i}a`,
        authorId: communityId(author),
        text: `Wir nutzen ${text(d)}`,
        at: answered,
      });
      const other = pinged[1];
      if (other !== undefined && other !== author && random() < 0.4) {
        repo.addAnswer({
          questionId: q.id,
          messageId: `h${i}b`,
          authorId: communityId(other),
          text: "Bei uns ähnlich.",
          at: answered,
        });
      }
      repo.solve(q.id, communityId(asker), answered, repo.answer(q.id, `h${i}a`));
      recordAnsweredQuestion(db, communityId(author), q.id, q.text);
    }
  })();
  return {
    question: () => {
      const d = domainOf();
      return { text: text(d), topic: pick(DOMAINS[d]?.topics ?? []) };
    },
    random,
  };
}

/** Questions a generator would not write: aliases, several topics, words nobody knows. */
const HANDWRITTEN = [
  "Wie digitalisiert ihr die elektronische Akte?",
  "Welche Regeln gelten für die Privatsphäre bei Onlinediensten?",
  "Hat jemand ein Dokumentenmanagement für Kleinstgemeinden?",
  "Cloud oder Rechenzentrum für die XRechnung – was nutzt ihr?",
  "Wie prüft ihr Barrierefreiheit und Datenschutz bei Formularen?",
  "Gibt es Erfahrungen mit Scanstraßen im Posteingang?",
  "Wer kennt sich mit Fördermitteln und Zuwendungen für Geodaten aus?",
];

/** What one routing decided: the question, and each tagged expert with reason and quiet note. */
export interface Picks {
  readonly text: string;
  readonly experts: readonly string[];
}

/**
 * Asks `count` new questions one after another (two hours apart, so quiet hours, load and
 * weekly caps change along the way) and records whom `findExperts` tagged and why; every
 * fifth round also suggests experts for a working group's topics, as group invitations do.
 */
export function collectPicks(services: Services, community: SeededCommunity, count: number): Picks[] {
  const repo = new QuestionRepo(services.db);
  const clock = services.clock as { advance(ms: number): void; now(): Date };
  const describe = (e: FoundExpert): string =>
    `${e.memberId} ${e.reason.map((r) => inlineToPlain(r)).join("")}${e.quietUntil ? ` (quiet until ${e.quietUntil.toISOString()})` : ""}`;
  const picks: Picks[] = [];
  for (let i = 0; i < count; i++) {
    const { text: generated, topic } = community.question();
    const text = i % 8 === 7 ? (HANDWRITTEN[(i - 7) / 8] ?? generated) : generated;
    const asker = communityId(1 + Math.floor(community.random() * MEMBERS));
    const q = repo.create({
      askerId: asker,
      channelId: "console:fragen",
      messageId: `n${i}`,
      text,
      at: clock.now(),
    });
    const found = findExperts(services, {
      text,
      exclude: [asker],
      limit: 3,
      purpose: "question",
      questionId: q.id,
      includeQuiet: true,
    });
    picks.push({ text, experts: found.map(describe) });
    if (i % 5 === 4) {
      const proposal = `Leitfaden ${topic} für kleine Kommunen`;
      const invited = findExperts(services, {
        topics: [topic],
        text: proposal,
        exclude: [asker],
        limit: 3,
        purpose: "group-invite",
      });
      picks.push({ text: `group: ${proposal}`, experts: invited.map(describe) });
    }
    clock.advance(2 * 3_600_000);
  }
  return picks;
}

/** What one similar-questions lookup (or search) showed: the entries, in order, as the reply shows them. */
export interface SimilarShown {
  readonly text: string;
  readonly shown: readonly string[];
}

/** Questions with rare, unknown, prefix-only and compound words, beside the generated ones. */
const SIMILAR_EXTRA = [
  "Wie digitalisiert ihr die elektronische Akte?",
  "Hat jemand ein Dokumentenmanagement für Kleinstgemeinden?",
  "Gibt es Erfahrungen mit Scanstraßen im Posteingang?",
  "Altakten Registratur Aussonderung Scan Akte",
  "Rechnung",
  "Zuschlag Bieter Firewall Untertitel",
  "Wie geht ihr mit Löschfristen und Einwilligungen um?",
  "Quantencomputer im Bürgeramt?",
  "Kreditorbuchungsfreigabe",
  "E-Akte",
];

/** Solved questions `collectSimilar` puts into the knowledge base first. */
const SIMILAR_ENTRIES = 3000;

/**
 * Puts `SIMILAR_ENTRIES` solved questions of the community's kind into its knowledge base, then
 * runs `count` rounds of similar-questions lookups (3 shown) and searches (5 shown) and records what they showed; between rounds the knowledge base changes as
 * it does in use (questions solved, reopened, answers deleted, entries erased, and a solve taken
 * back by a rollback), so every lookup sees a different state.
 */
export function collectSimilar(
  services: Services,
  community: SeededCommunity,
  count: number,
): SimilarShown[] {
  const { db, clock } = services;
  const show = (hits: readonly KnowledgeHit[]): string[] =>
    hits.map((h) => `${h.kind}:${h.sourceId} ${h.matchedWords} ${h.removedAt ? "removed " : ""}${h.snippet}`);
  const shown: SimilarShown[] = [];
  const look = (text: string): void => {
    shown.push({ text, shown: show(similarSolved(db, text, 3)) });
    shown.push({
      text: `search: ${text}`,
      shown: show(searchKnowledge(db, text, 5, { includeRemoved: true })),
    });
  };
  const entry = (sourceId: string): string => {
    const { text } = community.question();
    addKnowledge(db, {
      kind: "question",
      sourceId,
      title: text,
      body: `Wir nutzen ${community.question().text}`,
      at: clock.now(),
    });
    return text;
  };
  db.transaction(() => {
    for (let i = 1; i <= SIMILAR_ENTRIES; i++) entry(String(i));
  })();
  let added = 0;
  const add = (): string => {
    added += 1;
    return entry(`new${added}`);
  };
  for (let i = 0; i < count; i++) {
    look(
      i % 4 === 3 ? (SIMILAR_EXTRA[((i - 3) / 4) % SIMILAR_EXTRA.length] ?? "") : community.question().text,
    );
    if (i % 5 === 0) look(add());
    if (i % 7 === 6) removeKnowledge(db, "question", `new${added}`);
    if (i % 11 === 10)
      tombstoneKnowledge(db, String(1 + Math.floor(community.random() * SIMILAR_ENTRIES)), clock.now());
    if (i % 13 === 12)
      rewriteKnowledgeAnswers(
        db,
        String(1 + Math.floor(community.random() * SIMILAR_ENTRIES)),
        "Bei uns ähnlich.",
      );
    if (i % 17 === 16) deleteKnowledge(db, String(1 + Math.floor(community.random() * SIMILAR_ENTRIES)));
    if (i % 19 === 18) {
      // A solve taken back: the lookup inside saw the entry, the same lookup after must not.
      let solved = "";
      try {
        db.transaction(() => {
          solved = add();
          look(solved);
          throw new Error("rolled back");
        })();
      } catch {
        look(solved);
      }
    }
  }
  return shown;
}
