import { core as deCore } from "./de/core";
import { core as enCore } from "./en/core";
import { qa as deQa } from "./de/qa";
import { qa as enQa } from "./en/qa";
import { meetings as deMeetings } from "./de/meetings";
import { meetings as enMeetings } from "./en/meetings";
import { groups as deGroups } from "./de/groups";
import { groups as enGroups } from "./en/groups";
import { slack as deSlack } from "./de/slack";
import { slack as enSlack } from "./en/slack";
import { matrix as deMatrix } from "./de/matrix";
import { matrix as enMatrix } from "./en/matrix";
import { ops as deOps } from "./de/ops";
import { ops as enOps } from "./en/ops";

/**
 * Message catalogues. German is the source of truth: its keys define `MessageKey`, and each
 * English file must have exactly the same keys (`satisfies` checks it at compile time, a test
 * checks it at run time). Placeholders are written `{name}`.
 */
export const de = {
  ...deCore,
  ...deQa,
  ...deMeetings,
  ...deGroups,
  ...deSlack,
  ...deMatrix,
  ...deOps,
} as const;
export type MessageKey = keyof typeof de;
export const en: Readonly<Record<MessageKey, string>> = {
  ...enCore,
  ...enQa,
  ...enMeetings,
  ...enGroups,
  ...enSlack,
  ...enMatrix,
  ...enOps,
};

export const LANGS = ["de", "en"] as const;
export type Lang = (typeof LANGS)[number];
export type Params = Readonly<Record<string, string | number>>;

const catalogues: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { de, en };

/** The message for `key` in `lang`, with `{placeholders}` filled in. */
export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  const template = catalogues[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** True when `value` is a message key (used to translate zod issue messages). */
export function isMessageKey(value: string): value is MessageKey {
  return Object.prototype.hasOwnProperty.call(de, value);
}

/** A translator bound to one language. */
export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => t(lang, key, params);
}

/** German and English catalogue key lists, for the completeness test. */
export function catalogueKeys(): { de: string[]; en: string[] } {
  return { de: Object.keys(de).sort(), en: Object.keys(en).sort() };
}
