/** The ref (`m12`) of the first transcript line matching `pattern`; throws with the transcript when missing. */
export function refOf(lines: readonly string[], pattern: RegExp): string {
  const line = lines.find((l) => pattern.test(l));
  const ref = line === undefined ? undefined : /\((m\d+)\)/.exec(line)?.[1];
  if (ref === undefined) throw new Error(`no line matches ${pattern}:\n${lines.join("\n")}`);
  return ref;
}

/** The transcript as one string, for `toContain` / `toMatch` assertions. */
export const text = (lines: readonly string[]): string => lines.join("\n");
