/** `90m`, `1h`, `1h30m`, `2d` -> minutes (> 0). */
export function parseDuration(raw: string | undefined): number | undefined {
  const m = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m(?:in)?)?$/.exec((raw ?? "").toLowerCase());
  if (!m || !raw) return undefined;
  const minutes = Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  return minutes > 0 ? minutes : undefined;
}

/** Lead times as typed in the grammar (`1d,15m`), for lists and edit hints. */
export function formatLeadsShort(minutes: readonly number[]): string {
  return minutes
    .map((m) => (m % 1440 === 0 ? `${m / 1440}d` : m % 60 === 0 ? `${m / 60}h` : `${m}m`))
    .join(",");
}
