/**
 * The codebook format as data: one definition from which the loader validates YAML (with positions)
 * and `fokus codebook schema` prints the JSON Schema, so the two can never drift apart.
 */

/** A node of the format definition. */
export type Shape =
  | { type: 'string'; description?: string; pattern?: string; enum?: readonly string[]; minLength?: number }
  | { type: 'boolean'; description?: string }
  | { type: 'integer'; description?: string; minimum?: number; maximum?: number }
  | { type: 'number'; description?: string; minimum?: number; maximum?: number }
  | { type: 'array'; description?: string; items: Shape }
  | { type: 'object'; description?: string; properties: Record<string, Shape>; required?: readonly string[]; exactlyOne?: readonly string[] }
  | { type: 'ref'; name: 'category' | 'rule'; description?: string };

/** Codes: lowercase letters, digits, '-' and '_'. */
export const CODE_PATTERN = '^[a-z0-9][a-z0-9_-]*$';

/** Terms: letters, digits, '-', "'", '*' and spaces. */
export const TERM_PATTERN = "^[\\p{L}\\p{N}\\p{M}*'’ -]+$";

/** Names of word sets: lowercase letters, digits, '-' and '_'. */
export const SET_NAME_PATTERN = '^[a-z][a-z0-9_-]*$';

/** Terms of a codebook: as TERM_PATTERN, and a word may be a word set named with '$' (`$akteur`). */
export const CODEBOOK_TERM_PATTERN = "^(?:[\\p{L}\\p{N}\\p{M}*'’-]+|\\$[a-z][a-z0-9_-]*)(?: (?:[\\p{L}\\p{N}\\p{M}*'’-]+|\\$[a-z][a-z0-9_-]*))*$";

const term: Shape = {
  type: 'string',
  minLength: 1,
  pattern: CODEBOOK_TERM_PATTERN,
  description: "A word or phrase; '*' inside a word matches any run of letters or digits, a lone '*' in a phrase exactly one token, '$name' any word of the word set `name`.",
};

const setWord: Shape = {
  type: 'string',
  minLength: 1,
  pattern: "^[\\p{L}\\p{N}\\p{M}*'’-]+$",
  description: "One word; '*' inside it matches any run of letters or digits.",
};

/** A named word set (a word class): any of its words stands where a term says `$name`. */
const WORD_SET_SHAPE: Shape = {
  type: 'object',
  description: "A word class: a term word '$name' matches any of its words (with the options of the category using it).",
  required: ['name'],
  properties: {
    name: { type: 'string', pattern: SET_NAME_PATTERN, description: "Its name, used as '$name' in terms." },
    description: { type: 'string' },
    words: { type: 'array', items: setWord, description: 'Single words; globs allowed.' },
    from: { type: 'string', enum: ['sentiment-de'], description: "Also the words of a lexicon: 'sentiment-de', natural's German sentiment lexicon." },
    polarity: { type: 'string', enum: ['positive', 'negative'], description: 'With from: the words of this polarity.' },
    min: { type: 'number', minimum: 0, maximum: 1, description: 'With from: the least absolute polarity, 0 to 1 (default 0.3).' },
    except: { type: 'array', items: setWord, description: 'Words left out of the set.' },
  },
};
const terms = (description: string): Shape => ({ type: 'array', items: term, description });

const matchOptions: Shape = {
  type: 'object',
  description: 'Matching options.',
  properties: {
    fold: { type: 'boolean', description: 'ä=ae, ö=oe, ü=ue, ß=ss when matching (default true).' },
    stem: { type: 'boolean', description: 'Plain words (no *) also match by stem (default false).' },
    lemma: {
      type: 'boolean',
      description: "Plain words match every inflected form of their word from a German lexicon, separable verbs also split within a sentence; '*word' matches compounds ending in any form of the word (default false).",
    },
    negation: { type: 'boolean', description: "A hit is dropped when a negation ('kein', 'nicht', 'ohne', '-los', …) governs it in its clause (default false)." },
    questions: { type: 'boolean', description: 'Whether hits inside questions count (default true).' },
  },
};

const rootMatchOptions: Shape = {
  type: 'object',
  description: 'Matching options: defaults for every category, and how compounds are split.',
  properties: {
    ...(matchOptions as { properties: Record<string, Shape> }).properties,
    compounds: {
      type: 'string',
      enum: ['parts', 'head'],
      description: "Hyphenated compounds: 'parts' (every part matches on its own, default) or 'head' (only runs of parts ending with the last part, the head).",
    },
  },
};

/** The largest `within` of a near rule: more tokens apart than any unit has words (a larger one is a typo). */
export const MAX_WITHIN = 10_000;

/** A rule: exactly one of all/any/near/regex, optional `not`, and `within` for near. */
export const RULE_SHAPE: Shape = {
  type: 'object',
  description: 'A coding rule: exactly one of all, any, near or regex.',
  exactlyOne: ['all', 'any', 'near', 'regex'],
  properties: {
    all: terms('Every term occurs in the unit.'),
    any: terms('At least one term occurs in the unit.'),
    near: terms('The terms occur at most `within` tokens apart.'),
    within: { type: 'integer', minimum: 1, maximum: MAX_WITHIN, description: `Largest distance in tokens for \`near\` (adjacent words are 1 apart), at most ${MAX_WITHIN}.` },
    regex: { type: 'string', minLength: 1, description: "A JavaScript regular expression, flags 'iu', on the unit's text." },
    not: terms('The rule does not match when any of these terms occurs in the unit (or, with scope sentence, in the sentence of the hit).'),
    scope: { type: 'string', enum: ['unit', 'sentence'], description: "Where the terms of all/near/any and `not` must occur: the unit (default) or one sentence." },
  },
};

/** A category (recursive through `categories`). */
export const CATEGORY_SHAPE: Shape = {
  type: 'object',
  description: 'A category: definition, anchor examples, coding rules and subcategories.',
  required: ['code', 'label'],
  properties: {
    code: { type: 'string', pattern: CODE_PATTERN, description: "Id: lowercase letters, digits, '-', '_'; unique among siblings." },
    label: { type: 'string', minLength: 1, description: 'Shown in reports.' },
    definition: { type: 'string', description: 'What belongs to the category (and what does not).' },
    examples: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Anchor examples: each must be coded with this category.' },
    counterexamples: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Each must not be coded with this category.' },
    terms: terms('Any one matching codes the unit.'),
    rules: { type: 'array', items: { type: 'ref', name: 'rule' }, description: 'Each rule matching codes the unit.' },
    exclude: terms('Any matching: the category (and its subcategories) is not coded in the unit.'),
    match: matchOptions,
    shared_with: {
      type: 'array',
      items: { type: 'string', pattern: CODE_PATTERN },
      description: 'Codes of sibling categories this one shares terms with on purpose (a coding rule codes both): no warning for those terms.',
    },
    categories: { type: 'array', items: { type: 'ref', name: 'category' }, description: 'Subcategories, same shape.' },
  },
};

const codeList = (description: string): Shape => ({ type: 'array', items: { type: 'string', minLength: 1 }, description });

/** A declared development perspective. */
export const PERSPECTIVE_SHAPE: Shape = {
  type: 'object',
  description: 'A derived development perspective (Entwicklungsperspektive).',
  required: ['code', 'label', 'when'],
  properties: {
    code: { type: 'string', pattern: CODE_PATTERN, description: 'Id, unique among perspectives.' },
    label: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    when: {
      type: 'object',
      description: 'Full category codes that must (all), may (any: at least one) and must not (none) occur in the same scope.',
      properties: {
        all: codeList('Every one of these codes.'),
        any: codeList('At least one of these codes, when non-empty.'),
        none: codeList('None of these codes.'),
      },
    },
    scope: { type: 'string', enum: ['unit', 'transcript'], description: 'unit (default) or transcript.' },
    min_support: { type: 'integer', minimum: 1, description: 'Reported when at least this many units (or transcripts) support it (default 1).' },
  },
};

/** The whole codebook file. */
export const CODEBOOK_SHAPE: Shape = {
  type: 'object',
  description: 'A fokus codebook: categories with definitions, anchor examples and coding rules.',
  required: ['codebook', 'categories'],
  properties: {
    codebook: { type: 'string', minLength: 1, description: 'The codebook name.' },
    version: { type: 'string', description: "The codebook's own version." },
    language: { type: 'string', enum: ['de', 'en'], description: 'Tokenizer, stop words and stemmer (default de).' },
    unit: { type: 'string', enum: ['turn', 'sentence'], description: 'Coding unit (default turn).' },
    match: rootMatchOptions,
    moderators: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Speakers whose turns are kept but never coded.' },
    sets: { type: 'array', items: WORD_SET_SHAPE, description: "Word classes that terms use as '$name'." },
    categories: { type: 'array', items: { type: 'ref', name: 'category' }, description: 'The top-level categories.' },
    perspectives: { type: 'array', items: PERSPECTIVE_SHAPE, description: 'Derived development perspectives.' },
  },
};

/** The shape behind a `ref` node. */
export function resolveRef(name: 'category' | 'rule'): Shape {
  return name === 'category' ? CATEGORY_SHAPE : RULE_SHAPE;
}
