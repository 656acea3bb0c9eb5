import { insertionSort } from '../arrays.js';
import { inflections } from '../lang/de/inflect.js';
import { foldWord, lowerWord } from '../text/normalize.js';
import { stemWord } from '../text/stem.js';
import { HYPHEN, HYPHENS, tokenForms } from '../text/tokenize.js';
import type { Language } from '../types.js';

/**
 * Word patterns and the word-form → pattern look-up of a matcher: exact forms, globs, lemma forms,
 * stems and word sets, indexed so that a token finds its patterns without a scan; compound parts
 * read by their head (`compounds: head`) or every part. `compile.ts` asks for patterns while it
 * compiles the terms; the matcher then looks tokens up here.
 */

/** A glob word pattern: the literal runs between its `*`s (first and last may be empty). */
interface Glob {
  id: number;
  literals: string[];
  /** Position in `PatternIndex.globList`, for de-duplicating candidates. */
  slot: number;
}

/** Word patterns of one folding mode, indexed so that a word form finds its patterns without a scan. */
interface PatternIndex {
  fold: boolean;
  exact: Map<string, number[]>;
  /**
   * Glob patterns keyed by three characters a matching form must have in a known place (a number
   * made of the three UTF-16 units, so probing a form allocates no strings): by the form's first
   * three when the glob's first literal run has three or more (`nutz*`), else by its last three when
   * the last run has (`*angebote`), else by any three of its longest run (`*netz*`, tried at every
   * place of the form). Globs with no run of three are tried on every form.
   */
  prefixGlobs: Map<number, Glob[]>;
  suffixGlobs: Map<number, Glob[]>;
  globs: Map<number, Glob[]>;
  shortGlobs: Glob[];
  globList: Glob[];
  stems: Map<string, number[]>;
}

/** What a glob's `*` may stand for: a run of letters, digits and combining marks (never `-` or `'`). */
const GLOB_RUN = /^[\p{L}\p{N}\p{M}]*$/u;

/** Key of the three UTF-16 units of `s` at `i` (exact in a double: below 2^48). */
function trigramKey(s: string, i: number): number {
  return (s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1)) * 65536 + s.charCodeAt(i + 2);
}

/**
 * Most word forms a lookup cache holds; a full cache starts afresh. Caches are per vocabulary, but
 * completed compound parts ("bildungs-" + every tail of the next word) are not bounded by it.
 */
const CACHE_LIMIT = 100_000;

/** A map that forgets everything when it reaches `CACHE_LIMIT` entries, so memory stays bounded. */
function boundedMap<V>(): Map<string, V> {
  const map = new Map<string, V>();
  const set = map.set.bind(map);
  map.set = (key: string, value: V): Map<string, V> => {
    if (map.size >= CACHE_LIMIT) map.clear();
    return set(key, value);
  };
  return map;
}

/**
 * The distinct numbers of `list` in ascending order, as a new list. Lists of pattern ids are
 * mostly short: sorted in place by insertion, longer ones as a typed array (no comparator calls).
 */
export function ascendingUnique(list: readonly number[]): number[] {
  let out: number[];
  if (list.length > 32) {
    out = Array.from(Float64Array.from(list).sort());
  } else {
    out = insertionSort(list.slice(), list.length);
  }
  let n = 0;
  for (let k = 0; k < out.length; k++) if (n === 0 || out[n - 1] !== out[k]) out[n++] = out[k]!;
  out.length = n;
  return out;
}

/** The pattern ids shared by every form that matches nothing. */
const NONE: readonly number[] = Object.freeze([]);

/** The patterns of one codebook: made while its terms compile, then looked up per token. */
export interface Patterns {
  /**
   * A word pattern; with `lemma` (German), a plain word stands for its inflected forms, `*word` for
   * compounds ending in one; `$name` for every word of the word set `name`. `anyPart`: a pattern of an
   * exclusion, which with compound heads still sees every part of a compound.
   */
  patternFor(word: string, fold: boolean, stem: boolean, lemma: boolean, anyPart: boolean): number;
  /** A pattern matching exactly the given (lower-cased) word forms; `key` names the set. */
  formsPattern(key: string, forms: readonly string[], fold: boolean): number;
  /** How many patterns there are (ids `0 … count-1`). */
  count(): number;
  lookup(lowerToken: string): readonly number[];
  lookupToken(token: string): readonly number[];
  lookupForm(lowerForm: string, cache?: boolean): readonly number[];
  lookupCompound(lowerForm: string, headPart: string): readonly number[];
}

/** The pattern indexes of one codebook while it compiles and after. */
interface Tables {
  language: Language;
  /** Whether compounds match through their head (`compounds: head`). */
  head: boolean;
  sets: ReadonlyMap<string, readonly string[]>;
  /** Unfolded and folded indexes of the patterns. */
  indexes: PatternIndex[];
  /**
   * With compound heads, the patterns of exclusions (`not`, `exclude`) see every part of a compound
   * ("WLAN-Netzwerk" is excluded by `wlan*`): they live in indexes of their own.
   */
  partIndexes: PatternIndex[];
  patternIds: Map<string, number>;
  next: number;
}

/**
 * The patterns of a codebook in `language`, with compound heads when `head`, and its word sets
 * (name → words). Look-ups are made only after every pattern is registered.
 */
export function newPatterns(language: Language, head: boolean, sets: ReadonlyMap<string, readonly string[]>): Patterns {
  const t: Tables = {
    language,
    head,
    sets,
    indexes: [newIndex(false), newIndex(true)],
    partIndexes: head ? [newIndex(false), newIndex(true)] : [],
    patternIds: new Map(),
    next: 0,
  };
  return { ...registration(t), count: () => t.next, ...lookups(t) };
}

function addGlob(index: PatternIndex, id: number, norm: string): void {
  const literals = norm.split('*');
  const longest = literals.reduce((a, b) => (b.length > a.length ? b : a), '');
  const entry: Glob = { id, literals, slot: index.globList.length };
  index.globList.push(entry);
  const first = literals[0]!;
  const last = literals[literals.length - 1]!;
  if (first.length >= 3) push(index.prefixGlobs, trigramKey(first, 0), entry);
  else if (last.length >= 3) push(index.suffixGlobs, trigramKey(last, last.length - 3), entry);
  else if (longest.length >= 3) push(index.globs, trigramKey(longest, 0), entry);
  else index.shortGlobs.push(entry);
}

function addExact(index: PatternIndex, id: number, norm: string): void {
  push(index.exact, norm, id);
  if (norm.includes('-')) push(index.exact, norm.replace(/-/g, ''), id);
}

/** Register one written word (lower-cased) under pattern `id`: exact form, glob, lemma forms or `*head` forms, stem. */
function registerWord(t: Tables, id: number, lower: string, fold: boolean, stem: boolean, lemma: boolean, anyPart: boolean): void {
  const norm = fold ? foldWord(lower) : lower;
  const glob = norm.includes('*');
  const headGlob = lemma && /^\*[^*]+$/u.test(lower);
  const index = (anyPart && t.partIndexes.length > 0 ? t.partIndexes : t.indexes)[fold ? 1 : 0]!;
  if (lemma && (!glob || headGlob)) {
    for (const form of inflections(headGlob ? lower.slice(1) : lower).forms) {
      const f = fold ? foldWord(form) : form;
      if (headGlob) addGlob(index, id, `*${f}`);
      else addExact(index, id, f);
    }
  } else if (glob) {
    addGlob(index, id, norm);
  } else {
    addExact(index, id, norm);
  }
  if (stem && !glob) push(index.stems, stemKey(lower, fold, t.language), id);
}

/** Making patterns: each distinct word (or word set, or list of forms) once, under its own id. */
function registration(t: Tables): Pick<Patterns, 'patternFor' | 'formsPattern'> {
  const idFor = (key: string, register: (id: number) => void): number => {
    let id = t.patternIds.get(key);
    if (id !== undefined) return id;
    id = t.next++;
    t.patternIds.set(key, id);
    register(id);
    return id;
  };
  return {
    patternFor(word, fold, stem, lemma, anyPart) {
      const lower = lowerWord(word);
      const set = lower.startsWith('$') ? t.sets.get(lower.slice(1)) : undefined;
      const parts = anyPart && t.partIndexes.length > 0 ? 'x' : '';
      const key = `${fold ? 'f' : 'n'}${stem ? 's' : '-'}${lemma ? 'l' : '-'}${parts}${fold ? foldWord(lower) : lower}`;
      return idFor(key, (id) => {
        if (set) for (const w of set) registerWord(t, id, lowerWord(w), fold, stem, lemma, anyPart);
        else registerWord(t, id, lower, fold, stem, lemma, anyPart);
      });
    },
    formsPattern(key, forms, fold) {
      return idFor(`${fold ? 'f' : 'n'}={${key}}`, (id) => {
        const index = t.indexes[fold ? 1 : 0]!;
        for (const form of new Set(forms.map((f) => (fold ? foldWord(f) : f)))) addExact(index, id, form);
      });
    },
  };
}

/** Looking words up, cached by form and by token. */
function lookups(t: Tables): Pick<Patterns, 'lookup' | 'lookupToken' | 'lookupForm' | 'lookupCompound'> {
  const { language, head, indexes, partIndexes } = t;
  const allIndexes = [...indexes, ...partIndexes];
  // Sized when the first look-up comes, after every pattern is registered.
  let probe: { stamps: Int32Array; round: number } | undefined;
  const probeOf = (): { stamps: Int32Array; round: number } =>
    (probe ??= { stamps: new Int32Array(Math.max(...allIndexes.map((i) => i.globList.length), 0)), round: 0 });
  const formCache = boundedMap<readonly number[]>();
  const lookupForm = (lower: string, cache = true): readonly number[] => {
    let ids = formCache.get(lower);
    if (ids === undefined) {
      const found: number[] = [];
      for (const index of allIndexes) collect(index, lower, language, found, probeOf());
      ids = found.length === 0 ? NONE : found.length > 1 ? ascendingUnique(found) : found;
      if (cache) formCache.set(lower, ids);
    }
    return ids;
  };
  /** A joined run of a hyphenated compound's parts ending with its head (`compounds: head`): globs must reach into the head. */
  const lookupJoined = (joined: string, headPart: string): readonly number[] => {
    const found: number[] = [];
    for (const index of indexes) collect(index, joined, language, found, probeOf(), headPart);
    for (const index of partIndexes) collect(index, joined, language, found, probeOf());
    return found;
  };
  /** A token with several forms (a hyphenated compound): each form, joined runs through their head. */
  const lookupForms = (lowerToken: string, forms: readonly string[]): readonly number[] => {
    // With compound heads, the joined spelling of parts ("kitaleitung") is matched by a glob only
    // where the glob's letters reach into the head: `*leitung` does, `kita*` does not.
    const headPart = head ? headOf(lowerToken) : '';
    const all: number[] = [];
    for (const f of forms) {
      const joinedRun = head && !HYPHEN.test(f) && f.length > headPart.length;
      for (const id of joinedRun ? lookupJoined(f, headPart) : lookupForm(f)) all.push(id);
    }
    // Exclusions see every part, the modifiers and truncated parts too.
    if (partIndexes.length > 0) for (const f of tokenForms(lowerToken)) for (const index of partIndexes) collect(index, f, language, all, probeOf());
    return ascendingUnique(all);
  };
  const tokenCache = boundedMap<readonly number[]>();
  const lookup = (lowerToken: string): readonly number[] => {
    let ids = tokenCache.get(lowerToken);
    if (ids === undefined) {
      const forms = tokenForms(lowerToken, head);
      ids = forms.length === 1 ? lookupForm(forms[0]!) : lookupForms(lowerToken, forms);
      tokenCache.set(lowerToken, ids);
    }
    return ids;
  };
  return {
    lookup,
    // Callers cache by written form (see coding/scan.ts), so this one is not cached again.
    lookupToken: (token) => lookup(lowerWord(token)),
    lookupForm,
    lookupCompound: (lowerForm, headPart) => (head ? lookupJoined(lowerForm, headPart) : lookupForm(lowerForm, false)),
  };
}

function newIndex(fold: boolean): PatternIndex {
  return { fold, exact: new Map(), prefixGlobs: new Map(), suffixGlobs: new Map(), globs: new Map(), shortGlobs: [], globList: [], stems: new Map() };
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function stemKey(lower: string, fold: boolean, language: Language): string {
  const s = stemWord(lower, language);
  return fold ? foldWord(s) : s;
}

/**
 * True when `form` matches a glob: it starts with the first literal run, ends with the last, holds
 * the others in order, and what lies between them are letters, digits or marks only (the same as
 * the regular expression `^lit(?:[\p{L}\p{N}\p{M}]*lit)*$`, without compiling one per glob).
 */
function globMatches(form: string, literals: readonly string[]): boolean {
  const first = literals[0]!;
  const last = literals[literals.length - 1]!;
  if (form.length < first.length + last.length || !form.startsWith(first) || !form.endsWith(last)) return false;
  return placeFrom(form, literals, 1, first.length, form.length - last.length);
}

/** Whether literals `i…n-2` fit in order between `from` and `end`, every gap a run of word characters. */
function placeFrom(form: string, literals: readonly string[], i: number, from: number, end: number): boolean {
  if (i === literals.length - 1) return GLOB_RUN.test(form.slice(from, end));
  const lit = literals[i]!;
  for (let at = form.indexOf(lit, from); at !== -1 && at + lit.length <= end; at = form.indexOf(lit, at + 1)) {
    // A gap holding a non-word character fails, and so does every later placement.
    if (!GLOB_RUN.test(form.slice(from, at))) return false;
    if (placeFrom(form, literals, i + 1, at + lit.length, end)) return true;
  }
  return false;
}

/** The last part of a hyphenated (lower-cased) token, its head: "gute-kita-gesetz" → "gesetz". */
function headOf(lowerToken: string): string {
  const parts = lowerToken.split(HYPHENS).filter((p) => p.length > 0);
  return parts[parts.length - 1] ?? '';
}

/**
 * Whether a glob matching `form` says something about its last `headLength` characters (the head
 * of a joined compound): its last literal is at the end, or its last non-empty literal ends inside
 * the head. `kita*` on "kitaleitung" only names the modifier; `*leitung` and `kitaleit*` reach the head.
 */
function reachesHead(form: string, literals: readonly string[], headLength: number): boolean {
  if (literals[literals.length - 1] !== '') return true;
  for (let i = literals.length - 2; i >= 0; i--) {
    const lit = literals[i]!;
    if (lit === '') continue;
    return form.lastIndexOf(lit) + lit.length > form.length - headLength;
  }
  return true;
}

/**
 * Add the ids of every pattern of `index` that matches the lower-cased form; with `headPart` (the
 * form is a joined compound ending in that head) only globs that reach into the head.
 */
function collect(index: PatternIndex, lower: string, language: Language, out: number[], probe: { stamps: Int32Array; round: number }, headPart?: string): void {
  const form = index.fold ? foldWord(lower) : lower;
  const headLength = headPart === undefined ? -1 : (index.fold ? foldWord(headPart) : headPart).length;
  const globHit = (g: Glob): boolean => globMatches(form, g.literals) && (headLength < 0 || reachesHead(form, g.literals, headLength));
  const exact = index.exact.get(form);
  if (exact) out.push(...exact);
  if (index.globList.length > 0) {
    for (const g of index.shortGlobs) if (globHit(g)) out.push(g.id);
    if (form.length >= 3) {
      // Each glob is in one of the three maps: only those probed at several places need telling apart.
      const prefixed = index.prefixGlobs.get(trigramKey(form, 0));
      if (prefixed) for (const g of prefixed) if (globHit(g)) out.push(g.id);
      const suffixed = index.suffixGlobs.get(trigramKey(form, form.length - 3));
      if (suffixed) for (const g of suffixed) if (globHit(g)) out.push(g.id);
    }
    if (index.globs.size > 0) {
      const round = ++probe.round;
      for (let i = 0; i + 3 <= form.length; i++) {
        const globs = index.globs.get(trigramKey(form, i));
        if (!globs) continue;
        for (const g of globs) {
          if (probe.stamps[g.slot] === round) continue;
          probe.stamps[g.slot] = round;
          if (globHit(g)) out.push(g.id);
        }
      }
    }
  }
  if (index.stems.size > 0) {
    const stems = index.stems.get(stemKey(lower, index.fold, language));
    if (stems) out.push(...stems);
  }
}
