import { DateTime } from "luxon";
import type { Lang } from "../i18n";

/** A local day as readers of `lang` write it: 07.12.2026 (de) or 2026-12-07 (en). */
export function formatLocalDay(at: Date | DateTime, zone: string, lang: Lang): string {
  const local = at instanceof DateTime ? at.setZone(zone) : DateTime.fromJSDate(at, { zone });
  return local.toFormat(lang === "de" ? "dd.MM.yyyy" : "yyyy-MM-dd");
}

/** A short local day and time for lists: 07.12. 09:30 (de) or Dec 7, 09:30 (en). */
export function formatLocalDayTime(at: Date, zone: string, lang: Lang): string {
  const local = DateTime.fromJSDate(at, { zone });
  return lang === "de" ? local.toFormat("dd.MM. HH:mm") : local.setLocale("en").toFormat("LLL d, HH:mm");
}
