import {
  ANSWER_OPENERS,
  DOMAINS,
  EXTRAS,
  GENERAL_WORDS,
  OPENERS,
  VERBS,
  WE_VERBS,
  type Domain,
} from "./lexicon";

/** A seeded source of choices: uniform, Zipf-like (a few very frequent, a long tail) and coin flips. */
export class Dice {
  constructor(private readonly random: () => number) {}

  next(): number {
    return this.random();
  }

  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** Index 0 is the most likely, probability falling like 1/(i+1)^s. */
  zipf(n: number, s = 1): number {
    const weights = zipfTable(n, s);
    const r = this.random() * (weights[weights.length - 1] ?? 1);
    let lo = 0;
    let hi = weights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((weights[mid] ?? 0) < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }
}

const zipfTables = new Map<string, number[]>();

function zipfTable(n: number, s: number): number[] {
  const key = `${n}:${s}`;
  let table = zipfTables.get(key);
  if (!table) {
    table = [];
    let sum = 0;
    for (let i = 0; i < n; i++) table.push((sum += 1 / (i + 1) ** s));
    zipfTables.set(key, table);
  }
  return table;
}

/** German compounding: "Posteingang" + "Scanner" -> "Posteingangsscanner", "Akte" + "Plan" -> "Aktenplan". */
export function compound(first: string, second: string): string {
  const joint = /e$/.test(first) ? "n" : /(ung|heit|keit|ion|tät|ang|amt)$/.test(first) ? "s" : "";
  return `${first}${joint}${second.toLowerCase()}`;
}

function fill(template: string, parts: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => parts[name] ?? "");
}

/** What a question or answer is about: a domain word, a compound of two, or a topic label. */
function object(dice: Dice, domain: Domain): string {
  const roll = dice.next();
  if (roll < 0.45) return dice.pick(domain.words);
  if (roll < 0.75) {
    const first = dice.pick(domain.words);
    const second = dice.pick(domain.words);
    return second === first ? first : compound(first, second);
  }
  return dice.pick(domain.topics);
}

/** A question about `domain`, German, with a question mark (so detection tracks it). */
export function questionText(dice: Dice, domain: Domain): string {
  const text = fill(dice.pick(OPENERS), {
    verb: dice.pick(VERBS),
    object: object(dice, domain),
    second: dice.chance(0.5) ? dice.pick(domain.words) : dice.pick(GENERAL_WORDS),
    extra: dice.chance(0.7) ? dice.pick(EXTRAS) : "",
  });
  const tail = dice.chance(0.35) ? ` Gibt es dazu eine ${dice.pick(GENERAL_WORDS)}?` : "";
  return `${text}${tail}`.replace(/\s+/g, " ").replace(/ \?/g, "?");
}

/** An answer about `domain`: one or two sentences. */
export function answerText(dice: Dice, domain: Domain): string {
  const sentence = () =>
    fill(dice.pick(ANSWER_OPENERS), {
      verb: dice.pick(WE_VERBS),
      object: object(dice, domain),
      second: dice.pick(dice.chance(0.5) ? domain.words : GENERAL_WORDS),
      extra: dice.chance(0.6) ? dice.pick(EXTRAS) : "",
    });
  const more = dice.chance(0.5)
    ? ` Wichtig war die ${dice.pick(GENERAL_WORDS)} mit dem ${dice.pick(GENERAL_WORDS)}.`
    : "";
  return `${sentence()}${more}`.replace(/\s+/g, " ").replace(/ \./g, ".");
}

/** Domains by popularity: a few attract most questions. */
export function pickDomain(dice: Dice): number {
  return dice.zipf(DOMAINS.length, 0.8);
}
