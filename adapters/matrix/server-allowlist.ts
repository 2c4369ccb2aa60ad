/** The server part of a Matrix user id (`example.org` in `@anna:example.org`). */
export function serverOf(userId: string): string {
  return userId.slice(userId.indexOf(":") + 1).toLowerCase();
}

/**
 * Whether events from `sender` count: always without an allowlist (`MATRIX_ALLOWED_SERVERS`
 * empty), otherwise only when the sender's homeserver is on it. Federation lets anyone on any
 * server write into a public room; a public-sector community usually wants its own servers only.
 */
export function fromAllowedServer(sender: string, allowed: readonly string[] = []): boolean {
  return allowed.length === 0 || allowed.some((server) => server.toLowerCase() === serverOf(sender));
}
