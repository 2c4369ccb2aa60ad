const UMLAUTS: Readonly<Record<string, string>> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

/**
 * A valid Slack channel name for a free-text title: lower case, at most 80 characters of
 * letters, digits, `-` and `_`. German umlauts are spelled out so "Förderrichtlinien" stays readable.
 */
export function channelName(title: string): string {
  const name = title
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => UMLAUTS[c] ?? c)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "")
    .slice(0, 80)
    .replace(/[-_]+$/, "");
  return name === "" ? "copbot-group" : name;
}
