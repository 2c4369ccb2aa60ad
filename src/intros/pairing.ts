/** Someone who can be introduced this round. */
export interface Candidate {
  readonly id: string;
  /** The organisation, compared case- and space-insensitively. */
  readonly organisation: string;
  /** Topic key -> label: what the person wants to talk about and is an expert for. */
  readonly topics: ReadonlyMap<string, string>;
}

/** Two (or, once per round, three) people to introduce, with the topics they share. */
export interface Pairing {
  readonly memberIds: readonly string[];
  readonly shared: readonly string[];
}

/** The key of a pair, independent of order. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

const org = (c: Candidate): string => c.organisation.trim().toLowerCase().replace(/\s+/g, " ");

/** A topic's label: a spelling someone chose (capitals, hyphens) beats one typed as the bare key. */
function label(key: string, a: string | undefined, b: string | undefined): string {
  return [a, b].find((l) => l !== undefined && l !== key) ?? a ?? b ?? key;
}

/** The labels of the topics both people have. */
function sharedTopics(a: Candidate, b: Candidate): string[] {
  return [...a.topics.keys()]
    .filter((k) => b.topics.has(k))
    .map((k) => label(k, a.topics.get(k), b.topics.get(k)));
}

/** A deterministic pseudo-random number in [0, 1) from a text (FNV-1a, then xorshift). */
function hashUnit(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h << 13;
  h ^= h >>> 17;
  h ^= h << 5;
  return (h >>> 0) / 2 ** 32;
}

/**
 * Pairs people from different organisations who share at least one topic and were not
 * introduced to each other recently (`recent` holds `pairKey`s). People with few possible
 * partners are paired first, then pairs sharing more topics; ties are broken by a
 * pseudo-random order fixed by `seed`, so a round is reproducible and rounds mix differently. If people are left over, one of them
 * joins a pair as a group of three when they fit both (different organisations, not recent,
 * a shared topic with at least one); the others wait for the next round.
 */
export function pairUp(
  candidates: readonly Candidate[],
  recent: ReadonlySet<string>,
  seed: string,
): { readonly pairings: Pairing[]; readonly unmatched: string[] } {
  const fits = (a: Candidate, b: Candidate): boolean =>
    a.id !== b.id && org(a) !== org(b) && !recent.has(pairKey(a.id, b.id));
  const edges: { a: Candidate; b: Candidate; shared: string[]; tie: number }[] = [];
  candidates.forEach((a, i) => {
    for (const b of candidates.slice(i + 1)) {
      const shared = sharedTopics(a, b);
      if (shared.length > 0 && fits(a, b))
        edges.push({ a, b, shared, tie: hashUnit(`${seed}|${pairKey(a.id, b.id)}`) });
    }
  });
  // Greedy, but the people with the fewest possible partners go first, so as many as possible
  // get a partner; among those, pairs sharing more topics win, then the seeded order.
  const used = new Set<string>();
  const groups: { members: Candidate[]; shared: string[] }[] = [];
  let open = edges;
  while (open.length > 0) {
    const options = new Map<string, number>();
    for (const e of open) {
      options.set(e.a.id, (options.get(e.a.id) ?? 0) + 1);
      options.set(e.b.id, (options.get(e.b.id) ?? 0) + 1);
    }
    const scarcity = (e: (typeof open)[number]): number =>
      Math.min(options.get(e.a.id) ?? 0, options.get(e.b.id) ?? 0);
    const best = open.reduce((x, y) =>
      scarcity(y) < scarcity(x) ||
      (scarcity(y) === scarcity(x) &&
        (y.shared.length > x.shared.length || (y.shared.length === x.shared.length && y.tie < x.tie)))
        ? y
        : x,
    );
    used.add(best.a.id).add(best.b.id);
    groups.push({ members: [best.a, best.b], shared: best.shared });
    open = open.filter((e) => !used.has(e.a.id) && !used.has(e.b.id));
  }
  const left = candidates
    .filter((c) => !used.has(c.id))
    .sort((x, y) => hashUnit(`${seed}|${x.id}`) - hashUnit(`${seed}|${y.id}`));
  // Only one group of three per round: the first left-over person who fits a pair.
  for (const extra of left) {
    const options = groups
      .map((group) => ({
        group,
        shared: group.members.flatMap((m) => sharedTopics(extra, m)),
      }))
      .filter((o) => o.group.members.every((m) => fits(extra, m)) && o.shared.length > 0)
      .sort((x, y) => y.shared.length - x.shared.length);
    const best = options[0];
    if (!best) continue;
    best.group.members.push(extra);
    best.group.shared = [...new Set([...best.group.shared, ...best.shared])];
    used.add(extra.id);
    break;
  }
  return {
    pairings: groups.map((g) => ({ memberIds: g.members.map((m) => m.id), shared: g.shared })),
    unmatched: candidates.filter((c) => !used.has(c.id)).map((c) => c.id),
  };
}
