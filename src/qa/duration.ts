import { translator, type Lang } from "../i18n";

/** Human duration like "3 Std. 5 Min." (two largest units, at least one minute). */
export function formatDuration(ms: number, lang: Lang): string {
  const t = translator(lang);
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  const units = [
    { value: Math.floor(minutes / 1440), key: "qa.duration.days" as const },
    { value: Math.floor((minutes % 1440) / 60), key: "qa.duration.hours" as const },
    { value: minutes % 60, key: "qa.duration.minutes" as const },
  ];
  return units
    .filter((u) => u.value > 0)
    .slice(0, 2)
    .map((u) => t(u.key, { n: u.value }))
    .join(" ");
}
