import { core as deCore } from "./de/core";
import { dates as deDates } from "./de/dates";
import { digest as deDigest } from "./de/digest";
import { format as deFormat } from "./de/format";
import { groups as deGroups } from "./de/groups";
import { impact as deImpact } from "./de/impact";
import { intros as deIntros } from "./de/intros";
import { knowledgeExport as deKnowledgeExport } from "./de/knowledge-export";
import { meetings as deMeetings } from "./de/meetings";
import { privacy as dePrivacy } from "./de/privacy";
import { qa as deQa } from "./de/qa";
import { schedule as deSchedule } from "./de/schedule";
import { core as enCore } from "./en/core";
import { dates as enDates } from "./en/dates";
import { digest as enDigest } from "./en/digest";
import { format as enFormat } from "./en/format";
import { groups as enGroups } from "./en/groups";
import { impact as enImpact } from "./en/impact";
import { intros as enIntros } from "./en/intros";
import { knowledgeExport as enKnowledgeExport } from "./en/knowledge-export";
import { meetings as enMeetings } from "./en/meetings";
import { privacy as enPrivacy } from "./en/privacy";
import { qa as enQa } from "./en/qa";
import { schedule as enSchedule } from "./en/schedule";
import { ops as deOps } from "./de/ops";
import { ops as enOps } from "./en/ops";

/**
 * Message catalogues. German is the source of truth: its keys define `MessageKey`, and each
 * English file must have exactly the same keys (`satisfies` checks it at compile time, a test
 * checks it at run time). Placeholders are written `{name}`; `{prefix}` is how the reader
 * types commands on their platform (`/cop`, `!cop`) and is filled in by the translator.
 * Plural forms are keys ending in `.one` and `.other`, chosen by `Intl.PluralRules` on `n`.
 */
export const de = {
  ...deCore,
  ...deFormat,
  ...deQa,
  ...deMeetings,
  ...deSchedule,
  ...deGroups,
  ...dePrivacy,
  ...deIntros,
  ...deDigest,
  ...deImpact,
  ...deKnowledgeExport,
  ...deOps,
  ...deDates,
} as const;
export type MessageKey = keyof typeof de;
export const en: Readonly<Record<MessageKey, string>> = {
  ...enCore,
  ...enFormat,
  ...enQa,
  ...enMeetings,
  ...enSchedule,
  ...enGroups,
  ...enPrivacy,
  ...enIntros,
  ...enDigest,
  ...enImpact,
  ...enKnowledgeExport,
  ...enOps,
  ...enDates,
};

export const LANGS = ["de", "en"] as const;
export type Lang = (typeof LANGS)[number];
export type Params = Readonly<Record<string, string | number>>;

/** How commands are written when the reader's platform is not known. */
export const DEFAULT_PREFIX = "/cop";

/** A message with plural forms, by its key without `.one` / `.other`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;
/** Anything `t` accepts: a message key, or a plural message's key without its form. */
export type TextKey = MessageKey | PluralKey;

type Template<K extends TextKey> = K extends MessageKey
  ? (typeof de)[K]
  : K extends PluralKey
    ? (typeof de)[`${K}.one` & MessageKey] | (typeof de)[`${K}.other` & MessageKey]
    : never;

/** The `{placeholder}` names in a message text, at the type level. */
type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The parameters a message needs; `prefix` the translator fills in, `n` every plural needs. */
type Needed<K extends TextKey> = Exclude<
  Placeholders<Template<K>> | (K extends PluralKey ? "n" : never),
  "prefix"
>;

/** What a message takes after its key: nothing, or every parameter it names (a missing one does not compile). */
export type ParamsArg<K extends TextKey> = K extends TextKey
  ? [Needed<K>] extends [never]
    ? [params?: Params]
    : [params: Readonly<Record<Needed<K>, string | number>> & Params]
  : never;

const catalogues: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { de, en };
const pluralRules: Readonly<Record<Lang, Intl.PluralRules>> = {
  de: new Intl.PluralRules("de"),
  en: new Intl.PluralRules("en"),
};

/**
 * Fills `{placeholders}`; an unknown one stays visible rather than vanishing. `{prefix}` is
 * `prefix` unless `params` names one (not merged into a new object: every message is filled).
 */
function fill(template: string, params: Params, prefix?: string): string {
  if (!template.includes("{")) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name] ?? (name === "prefix" ? prefix : undefined);
    return value === undefined ? whole : String(value);
  });
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The text of `key` in `lang`: the plural form `n` asks for, else the `other` form. */
function template(lang: Lang, key: TextKey, params: Params): string {
  const catalogue = catalogues[lang];
  if (isMessageKey(key)) return catalogue[key];
  const n = Number(params["n"]);
  const form = `${key}.${pluralRules[lang].select(n)}`;
  const other = `${key}.other`;
  if (isMessageKey(form)) return catalogue[form];
  return isMessageKey(other) ? catalogue[other] : key;
}

const NO_PARAMS: Params = {};

function translate(lang: Lang, prefix: string, key: TextKey, params: Params = NO_PARAMS): string {
  return fill(template(lang, key, params), params, prefix);
}

/** The message for `key` in `lang`, with `{placeholders}` filled in (`{prefix}`: `/cop`). */
export function t<K extends TextKey>(lang: Lang, key: K, ...params: ParamsArg<K>): string {
  return translate(lang, DEFAULT_PREFIX, key, params[0]);
}

/** A translator for a catalogue of its own (an adapter's texts), filled like copbot's messages. */
export function catalogueTranslator<K extends string>(
  catalogues: Readonly<Record<Lang, Readonly<Record<K, string>>>>,
  lang: Lang,
): (key: K, params?: Params) => string {
  return (key, params = {}) => fill(catalogues[lang][key], params);
}

/** True when `value` is a message key (used to translate zod issue messages). */
export function isMessageKey(value: string): value is MessageKey {
  return Object.prototype.hasOwnProperty.call(de, value);
}

/** A translator bound to one reader: their language and how they type commands. */
export type Translate = <K extends TextKey>(key: K, ...params: ParamsArg<K>) => string;

/** A translator in `lang` for a reader who types commands with `prefix` (`/cop`, `!cop`). */
export function translator(lang: Lang, prefix: string = DEFAULT_PREFIX): Translate {
  return (key, ...params) => translate(lang, prefix, key, params[0]);
}

/** German and English catalogue key lists, for the completeness test. */
export function catalogueKeys(): { de: string[]; en: string[] } {
  return { de: Object.keys(de).sort(), en: Object.keys(en).sort() };
}
