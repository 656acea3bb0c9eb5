// The message catalogues: every sentence, heading and column name fokus shows a person, once per
// language (lang/en/messages.ts, lang/de/messages.ts), looked up by key. The English catalogue
// defines the keys; the German one must have exactly the same keys with the same placeholders
// (tests/lang/catalogue.test.ts). CSV headers and report.json keys are not here: they are the
// documented English names of the file formats, whatever the language.

import { DE } from './de/messages.js';
import { EN, type MessageKey } from './en/messages.js';

export type { MessageKey } from './en/messages.js';

/** The languages fokus speaks. */
export type Locale = 'de' | 'en';

/** The locales `--lang` takes. */
export const LOCALES: readonly Locale[] = ['en', 'de'];

/**
 * A value put into a message's `{name}` placeholder: a string or number as it is (file names,
 * labels, terms: quoted input stays exactly as given), or another message, said in the same language
 * (a part of a sentence, such as the reason a file cannot be read).
 */
export type MessageParam = string | number | Message;

/** Values put into a message's `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, MessageParam>>;

/**
 * A message not yet said in a language: its key and its placeholders' values. Plain data (it
 * crosses worker threads and is kept in `Problem`); `Messages.t` says it in one language.
 */
export interface Message {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

/** The messages of one language, and its way of writing numbers. */
export interface Messages {
  readonly locale: Locale;
  /**
   * The message `key` with its `{name}` placeholders filled. A message of two forms, `one|other`,
   * takes the first when `params.n` is 1 and the second otherwise (both languages have these two).
   */
  t(key: MessageKey, params?: MessageParams): string;
  /** A message said in this language (`t` of its key and params). */
  say(message: Message): string;
  /** A number with `digits` decimals, with the language's decimal mark (`3.5`, `3,5`). */
  number(x: number, digits?: number): string;
  /** A share 0…1 as a percentage with one decimal (`33.5%`, `33,5 %`). */
  percent(share: number): string;
}

const CATALOGUES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { en: EN, de: DE };

/** The messages of a language. */
export function messagesFor(locale: Locale): Messages {
  const catalogue = CATALOGUES[locale];
  const number = (x: number, digits = 0): string => {
    const fixed = (Number.isFinite(x) ? x : 0).toFixed(digits);
    return locale === 'de' ? fixed.replace('.', ',') : fixed;
  };
  const t = (key: MessageKey, params?: MessageParams): string => fill(catalogue[key], params && resolve(params, (m) => t(m.key, m.params)));
  return {
    locale,
    t,
    say: (message) => t(message.key, message.params),
    number,
    percent: (share) => (locale === 'de' ? `${number(share * 100, 1)}\u202f%` : `${number(share * 100, 1)}%`),
  };
}

/** The params with every message among them said (by `say`). */
function resolve(params: MessageParams, say: (m: Message) => string): Readonly<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) out[name] = typeof value === 'object' ? say(value) : value;
  return out;
}

/** `a and b and c`: words joined by the language's "and" (as `words.join(' and ')` in English). */
export function andList(words: readonly string[]): MessageParam {
  return words.length <= 1 ? (words[0] ?? '') : { key: 'part.and', params: { first: words[0]!, rest: andList(words.slice(1)) } };
}

/** The message in English: what `Problem.message`, the library's errors and report.json carry. */
export function english(message: Message): string {
  return ENGLISH.t(message.key, message.params);
}

/** Fill `{name}` placeholders and choose the form of a `one|other` message by `params.n`. */
export function fill(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  const bar = template.indexOf('|');
  const form = bar < 0 ? template : params.n === 1 ? template.slice(0, bar) : template.slice(bar + 1);
  return form.replace(/\{(\w+)\}/gu, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

const ENGLISH = messagesFor('en');

/**
 * The language of what fokus prints: `--lang` when given, else the locale of the environment
 * (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them): German for `de` and `de_*`,
 * English for anything else (`C`, `en_US.UTF-8`, unset).
 */
export function localeOf(env: Readonly<Record<string, string | undefined>>, flag?: Locale): Locale {
  if (flag) return flag;
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  return /^de(?:[_.@-]|$)/iu.test(value) ? 'de' : 'en';
}

/**
 * The language of a document fokus writes (the HTML report, the category report): `--lang` when
 * given, else the codebook's language — a German codebook's categories, definitions and quotations
 * are German, and so is the report researchers quote from.
 */
export function documentLocale(flag: Locale | undefined, codebookLanguage: Locale): Locale {
  return flag ?? codebookLanguage;
}

/** The message `key` of a language when the catalogue has it (a key made at run time, `csv.<column>`). */
export function lookup(locale: Locale, key: string): string | undefined {
  const catalogue = CATALOGUES[locale];
  return Object.hasOwn(catalogue, key) ? catalogue[key as MessageKey] : undefined;
}

/** The keys of the catalogues that start with `prefix` (`csv.`), in catalogue order. */
export function keysStartingWith(prefix: string): MessageKey[] {
  return (Object.keys(EN) as MessageKey[]).filter((k) => k.startsWith(prefix));
}

/** True when `value` is a locale `--lang` takes. */
export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}
