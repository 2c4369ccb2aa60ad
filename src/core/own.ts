/**
 * The value `record` holds under `key` itself, or undefined. `record[key]` also finds what every
 * object inherits (`constructor`, `__proto__`, `toString`), so user text looked up that way would
 * read a word like "constructor" as a known one and hand a function on.
 */
export function ownValue<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
