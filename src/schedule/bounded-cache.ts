/**
 * Stores `value` under `key`, first forgetting the oldest entry when `cache` holds `cap`
 * entries: the calendar caches (zone offsets and holidays by year) stay bounded in a process
 * that runs for years or is asked about arbitrary years.
 */
export function remember<V>(cache: Map<string, V>, key: string, value: V, cap: number): V {
  if (cache.size >= cap) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  cache.set(key, value);
  return value;
}
