/**
 * copbot ids are platform-qualified strings such as `slack:U123`, `matrix:@anna:example.org`
 * or `console:anna`. One bot can serve several platforms at once, and ids stay unique. The
 * platform names come from the adapters' descriptors; the core knows none of them.
 */
export type Platform = string;

/** A platform name as it prefixes ids: lower-case letters and digits. */
const PLATFORM_NAME = /^[a-z][a-z0-9]*$/;

/** Builds a copbot id from a platform and the platform's own id. */
export function qualify(platform: Platform, raw: string): string {
  return `${platform}:${raw}`;
}

/** Splits a copbot id into platform and raw id; undefined when it is not one. */
export function splitId(id: string): { platform: Platform; raw: string } | undefined {
  const colon = id.indexOf(":");
  if (colon < 0) return undefined;
  const platform = id.slice(0, colon);
  return PLATFORM_NAME.test(platform) ? { platform, raw: id.slice(colon + 1) } : undefined;
}

/** The platform's own id for a copbot id (the id itself when it is not qualified). */
export function rawId(id: string): string {
  return splitId(id)?.raw ?? id;
}
