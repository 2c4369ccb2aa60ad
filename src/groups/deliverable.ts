import type { MessageKey } from "../i18n";
import { ownValue } from "../core/own";

/** The kinds of joint results a working group can deliver. */
export const DELIVERABLES = [
  "leitfaden",
  "konzept",
  "positionspapier",
  "checkliste",
  "vorlage",
  "other",
] as const;
export type Deliverable = (typeof DELIVERABLES)[number];

/** What people type for each deliverable, German and English, folded to lower case. */
const SYNONYMS: Readonly<Record<string, Deliverable>> = {
  leitfaden: "leitfaden",
  guide: "leitfaden",
  guideline: "leitfaden",
  handreichung: "leitfaden",
  konzept: "konzept",
  concept: "konzept",
  positionspapier: "positionspapier",
  "position paper": "positionspapier",
  positionpaper: "positionspapier",
  checkliste: "checkliste",
  checklist: "checkliste",
  vorlage: "vorlage",
  template: "vorlage",
  other: "other",
  sonstiges: "other",
  andere: "other",
  anderes: "other",
};

/** The deliverable a user meant, or undefined when it is not one of the list. */
export function parseDeliverable(raw: string): Deliverable | undefined {
  const key = raw.trim().toLowerCase().replace(/\s+/g, " ");
  return ownValue(SYNONYMS, key);
}

/** The catalogue key of a deliverable's display name. */
export function deliverableKey(deliverable: Deliverable): MessageKey {
  return `group.deliverable.${deliverable}`;
}
