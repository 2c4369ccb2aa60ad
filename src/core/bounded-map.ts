/**
 * Stores `value` under `key` in a map that holds at most `cap` entries: a new key first makes
 * the oldest entry go (maps keep their insertion order). For the caches and memories that
 * must stay bounded in a process that runs for months — calendar years, vocabulary lookups,
 * the outbox's awaited items, the adapters' recent events.
 */
export function remember<K, V>(map: Map<K, V>, key: K, value: V, cap: number): V {
  if (map.size >= cap && !map.has(key)) {
    const oldest = map.keys().next();
    if (oldest.done !== true) map.delete(oldest.value);
  }
  map.set(key, value);
  return value;
}
