import { createHash } from 'node:crypto';
import type { LineCounter, Node, YAMLMap } from 'yaml';
import { isMap, isScalar, isSeq, parseDocument, yaml } from '../deps.js';
import type { Message } from '../lang/catalogue.js';
import { problem, said, sortProblems } from '../problems.js';
import type { Category, Codebook, CompoundMode, MatchOptions, Perspective, Position, Problem, Rule, RuleScope, Term, WordSet } from '../types.js';
import { flattenCategories } from './flatten.js';
import { catastrophicDanger } from './regex-guard.js';
import { CODEBOOK_SHAPE } from './shape.js';
import { validateNode } from './validate.js';
import { errorPlace, nodePosition, nodeSpan } from '../text/yaml-places.js';
import type { RuleId } from '../rules.js';

/** The matching options of a codebook that sets none: folding on, everything else off, questions counted. */
export const DEFAULT_MATCH: Readonly<MatchOptions> = Object.freeze({ fold: true, stem: false, lemma: false, negation: false, questions: true });

/** What parsing a codebook gives: the codebook when it has no errors, and every problem found. */
export interface ParsedCodebook {
  codebook: Codebook | null;
  problems: Problem[];
}

/**
 * Parse and validate a codebook from its YAML text. Every problem is reported with its position
 * (all of them at once); the codebook is returned only when there are no errors.
 */
export function parseCodebook(text: string, file: string): ParsedCodebook {
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  const lines = new (yaml().LineCounter)();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: true, uniqueKeys: false });
  const problems: Problem[] = [];
  for (const e of doc.errors) {
    const at = errorPlace(e);
    problems.push({ file, line: at?.line, column: at?.column, severity: 'error', ...said({ key: 'problem.yaml-syntax', params: { text: firstLine(e.message) } }), ruleId: 'codebook/yaml' });
  }
  if (problems.length > 0) return { codebook: null, problems: sortProblems(problems) };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    problems.push(problem(file, 'error', { key: 'problem.codebook/empty-file' }, { line: 1, column: 1 }, 'codebook/empty-file'));
    return { codebook: null, problems };
  }
  if (!isMap(root)) {
    problems.push(problem(file, 'error', { key: 'problem.codebook/not-a-mapping' }, nodePosition(root, lines) ?? { line: 1, column: 1 }, 'codebook/not-a-mapping'));
    return { codebook: null, problems };
  }
  validateNode(root, CODEBOOK_SHAPE, 'codebook', file, lines, problems);
  const b = new Builder(file, lines, problems);
  const codebook = b.codebook(root, sha256);
  const sorted = sortProblems(problems);
  return { codebook: sorted.some((p) => p.severity === 'error') ? null : codebook, problems: sorted };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Turns the validated YAML tree into a Codebook, adding the checks that span several nodes. */
class Builder {
  constructor(
    private readonly file: string,
    private readonly lines: LineCounter,
    private readonly problems: Problem[],
  ) {}

  private error(message: Message, node: unknown, ruleId: RuleId): void {
    this.problems.push(problem(this.file, 'error', message, nodeSpan(node, this.lines), ruleId));
  }

  private pos(node: unknown): Position | undefined {
    return nodePosition(node, this.lines);
  }

  private get(map: YAMLMap, key: string): Node | undefined {
    const v = map.get(key, true) as Node | undefined;
    if (v && isScalar(v) && v.value === null) return undefined;
    return v;
  }

  private str(map: YAMLMap, key: string): string | undefined {
    const v = this.get(map, key);
    return v && isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
  }

  private bool(map: YAMLMap, key: string): boolean | undefined {
    const v = this.get(map, key);
    return v && isScalar(v) && typeof v.value === 'boolean' ? v.value : undefined;
  }

  private int(map: YAMLMap, key: string): number | undefined {
    const v = this.get(map, key);
    return v && isScalar(v) && typeof v.value === 'number' && Number.isInteger(v.value) ? v.value : undefined;
  }

  private strings(map: YAMLMap, key: string): { text: string; node: Node }[] {
    const v = this.get(map, key);
    if (!v || !isSeq(v)) return [];
    const out: { text: string; node: Node }[] = [];
    for (const item of v.items) {
      if (isScalar(item) && typeof item.value === 'string') out.push({ text: item.value, node: item });
    }
    return out;
  }

  private maps(map: YAMLMap, key: string): YAMLMap[] {
    const v = this.get(map, key);
    return v && isSeq(v) ? v.items.filter((x): x is YAMLMap => isMap(x)) : [];
  }

  private terms(map: YAMLMap, key: string): Term[] {
    const out: Term[] = [];
    for (const { text, node } of this.strings(map, key)) {
      const t = text.trim().replace(/\s+/g, ' ');
      if (t === '') continue; // reported by the shape check
      if (t.split(' ').every((w) => /^\*+$/.test(w))) {
        this.error({ key: 'problem.codebook/term.no-letters', params: { term: text } }, node, 'codebook/term');
        continue;
      }
      if (/(^|\s)[-']|[-'](\s|$)/.test(t)) {
        // a lone hyphen or apostrophe at a word edge is almost always a typo
        this.error({ key: 'problem.codebook/term.edge', params: { term: text } }, node, 'codebook/term');
        continue;
      }
      const unknown = t.split(' ').find((w) => w.startsWith('$') && !this.setNames.has(w.slice(1)));
      if (unknown !== undefined) {
        this.error({ key: 'problem.codebook/unknown-set', params: { term: text, set: unknown.slice(1) } }, node, 'codebook/unknown-set');
        continue;
      }
      out.push({ text: t, position: this.pos(node) });
    }
    return out;
  }

  /** Names of the word sets read so far (`sets` is read before the categories). */
  private setNames = new Set<string>();

  private sets(root: YAMLMap): WordSet[] {
    const out: WordSet[] = [];
    for (const node of this.maps(root, 'sets')) {
      const name = this.str(node, 'name');
      if (name === undefined) continue; // reported by the shape check
      if (this.setNames.has(name)) {
        this.error({ key: 'problem.codebook/duplicate-set', params: { name } }, this.get(node, 'name'), 'codebook/duplicate-set');
        continue;
      }
      this.setNames.add(name);
      const set: WordSet = { name, words: this.terms(node, 'words'), except: this.strings(node, 'except').map((s) => s.text.toLowerCase()), position: this.pos(node) };
      const description = this.str(node, 'description');
      if (description !== undefined) set.description = description;
      const from = this.str(node, 'from');
      const polarity = this.str(node, 'polarity') as 'positive' | 'negative' | undefined;
      const minNode = this.get(node, 'min');
      const min = minNode && isScalar(minNode) && typeof minNode.value === 'number' ? minNode.value : 0.3;
      if (from === 'sentiment-de') {
        if (polarity === undefined) this.error({ key: 'problem.codebook/word-set.polarity' }, node, 'codebook/word-set');
        // A min outside 0…1 is reported by the shape check.
        else if (min >= 0 && min <= 1) set.from = { lexicon: 'sentiment-de', polarity, min };
      } else if (polarity !== undefined || minNode !== undefined) {
        this.error({ key: 'problem.codebook/word-set.from-only', params: { name } }, node, 'codebook/word-set');
      } else if (set.words.length === 0) {
        this.error({ key: 'problem.codebook/word-set', params: { name } }, node, 'codebook/word-set');
      }
      out.push(set);
    }
    return out;
  }

  private matchOptions(map: YAMLMap, inherited: MatchOptions): MatchOptions {
    const m = this.get(map, 'match');
    if (!m || !isMap(m)) return inherited;
    return {
      fold: this.bool(m, 'fold') ?? inherited.fold,
      stem: this.bool(m, 'stem') ?? inherited.stem,
      lemma: this.bool(m, 'lemma') ?? inherited.lemma,
      negation: this.bool(m, 'negation') ?? inherited.negation,
      questions: this.bool(m, 'questions') ?? inherited.questions,
    };
  }

  codebook(root: YAMLMap, sha256: string): Codebook {
    const sets = this.sets(root);
    const match = this.matchOptions(root, DEFAULT_MATCH);
    const rootMatch = this.get(root, 'match');
    const compounds = rootMatch && isMap(rootMatch) ? ((this.str(rootMatch, 'compounds') as CompoundMode | undefined) ?? 'parts') : 'parts';
    const categories = this.categories(root, '', 1, match);
    const list = this.get(root, 'categories');
    if (isSeq(list) && list.items.length === 0) {
      this.error({ key: 'problem.codebook/no-categories' }, list, 'codebook/no-categories');
    }
    const cb: Codebook = {
      name: this.str(root, 'codebook') ?? '',
      language: (this.str(root, 'language') as Codebook['language'] | undefined) ?? 'de',
      unit: (this.str(root, 'unit') as Codebook['unit'] | undefined) ?? 'turn',
      match,
      compounds,
      moderators: this.strings(root, 'moderators').map((s) => s.text.trim()),
      sets,
      categories,
      perspectives: [],
      source: { file: this.file, sha256 },
    };
    const version = this.str(root, 'version');
    if (version !== undefined) cb.version = version;
    const codes = new Set(flattenCategories(categories).map((c) => c.path));
    cb.perspectives = this.perspectives(root, codes);
    return cb;
  }

  private categories(parent: YAMLMap, prefix: string, level: number, inherited: MatchOptions): Category[] {
    const out: Category[] = [];
    const seen = new Map<string, Node>();
    for (const node of this.maps(parent, 'categories')) {
      const code = this.str(node, 'code');
      if (code === undefined) continue; // missing or wrong type: reported by the shape check
      const codeNode = this.get(node, 'code')!;
      if (seen.has(code)) {
        const first = this.pos(seen.get(code));
        this.error(first ? { key: 'problem.codebook/duplicate-code.first', params: { code: prefix + code, line: first.line } } : { key: 'problem.codebook/duplicate-code', params: { code: prefix + code } }, codeNode, 'codebook/duplicate-code');
        continue;
      }
      seen.set(code, codeNode);
      const path = prefix + code;
      const match = this.matchOptions(node, inherited);
      const cat: Category = {
        code,
        path,
        label: this.str(node, 'label') ?? code,
        level,
        examples: this.strings(node, 'examples').map((s) => s.text),
        counterexamples: this.strings(node, 'counterexamples').map((s) => s.text),
        terms: this.terms(node, 'terms'),
        rules: this.rules(node),
        exclude: this.terms(node, 'exclude'),
        match,
        sharedWith: this.strings(node, 'shared_with').map((s) => s.text),
        categories: this.categories(node, path + '/', level + 1, match),
        position: this.pos(node),
      };
      const definition = this.str(node, 'definition');
      if (definition !== undefined) cat.definition = definition.trim();
      out.push(cat);
    }
    for (const node of this.maps(parent, 'categories')) {
      for (const { text, node: codeNode } of this.strings(node, 'shared_with')) {
        if (!seen.has(text)) this.error({ key: 'problem.codebook/shared-with', params: { code: prefix + text } }, codeNode, 'codebook/shared-with');
      }
    }
    return out;
  }

  private rules(cat: YAMLMap): Rule[] {
    const out: Rule[] = [];
    for (const node of this.maps(cat, 'rules')) {
      const position = this.pos(node);
      const not = this.terms(node, 'not');
      const scope = (this.str(node, 'scope') as RuleScope | undefined) ?? 'unit';
      const within = this.get(node, 'within');
      const has = (k: string): boolean => this.get(node, k) !== undefined;
      if (has('near')) {
        const terms = this.terms(node, 'near');
        const w = this.int(node, 'within');
        if (within === undefined) this.error({ key: 'problem.codebook/near-within' }, node, 'codebook/near-within');
        if (terms.length < 2) this.error({ key: 'problem.codebook/near-terms' }, this.get(node, 'near'), 'codebook/near-terms');
        if (w !== undefined && w >= 1 && terms.length >= 2) out.push({ kind: 'near', terms, within: w, not, scope, position });
        continue;
      }
      if (within !== undefined) this.error({ key: 'problem.codebook/near-within.not-near' }, within, 'codebook/near-within');
      if (has('all') || has('any')) {
        const kind = has('all') ? 'all' : 'any';
        const list = this.get(node, kind);
        if (isSeq(list) && list.items.length === 0) this.error({ key: 'problem.codebook/rule-terms', params: { kind } }, list, 'codebook/rule-terms');
        const terms = this.terms(node, kind);
        if (terms.length > 0) out.push({ kind, terms, not, scope, position });
      } else if (has('regex')) {
        const pattern = this.str(node, 'regex');
        if (pattern === undefined) continue;
        const patternNode = this.get(node, 'regex');
        try {
          new RegExp(pattern, 'iu');
        } catch (e) {
          this.error({ key: 'problem.codebook/regex', params: { pattern, reason: (e as Error).message.replace(/^Invalid regular expression: /, '') } }, patternNode, 'codebook/regex');
          continue;
        }
        const danger = catastrophicDanger(pattern);
        if (danger) {
          this.error({ key: 'problem.codebook/regex-backtracking', params: { pattern, danger } }, patternNode, 'codebook/regex-backtracking');
          continue;
        }
        if (scope !== 'unit') this.error({ key: 'problem.codebook/rule-scope' }, this.get(node, 'scope'), 'codebook/rule-scope');
        out.push({ kind: 'regex', pattern, not, scope: 'unit', position });
      }
    }
    return out;
  }

  /**
   * Codes of `all` or `any` that `none` forbids — the code itself or an ancestor, which a coded
   * subcategory rolls up to: with one in `all` the perspective can never be found, one in `any`
   * can never count for it.
   */
  private contradictions(code: string, whenNode: YAMLMap, when: Perspective['when']): void {
    const noneNodes = this.strings(whenNode, 'none');
    for (const key of ['all', 'any'] as const) {
      for (const required of when[key]) {
        const i = when.none.findIndex((n) => required === n || required.startsWith(n + '/'));
        if (i === -1) continue;
        const forbidden = when.none[i]!;
        const what: Message = forbidden === required ? { key: 'part.codebook.code', params: { code: required } } : { key: 'part.codebook.subcategory-of', params: { code: required, parent: forbidden } };
        const params = { perspective: code, what, forbidden, required };
        const message: Message = { key: key === 'all' ? 'problem.codebook/perspective-contradiction.all' : 'problem.codebook/perspective-contradiction.any', params };
        this.error(message, noneNodes[i]?.node ?? whenNode, 'codebook/perspective-contradiction');
      }
    }
  }

  private perspectives(root: YAMLMap, codes: Set<string>): Perspective[] {
    const out: Perspective[] = [];
    const seen = new Set<string>();
    for (const node of this.maps(root, 'perspectives')) {
      const code = this.str(node, 'code');
      const label = this.str(node, 'label');
      if (code === undefined || label === undefined) continue;
      if (seen.has(code)) {
        this.error({ key: 'problem.codebook/duplicate-code.perspective', params: { code } }, this.get(node, 'code'), 'codebook/duplicate-code');
        continue;
      }
      seen.add(code);
      const whenNode = this.get(node, 'when');
      const when = { all: [] as string[], any: [] as string[], none: [] as string[] };
      if (whenNode && isMap(whenNode)) {
        for (const key of ['all', 'any', 'none'] as const) {
          for (const { text, node: n } of this.strings(whenNode, key)) {
            const c = text.trim();
            if (!codes.has(c)) {
              this.error({ key: 'problem.codebook/unknown-code', params: { perspective: code, code: c } }, n, 'codebook/unknown-code');
            }
            when[key].push(c);
          }
        }
        if (when.all.length === 0 && when.any.length === 0) {
          this.error({ key: 'problem.codebook/perspective-empty', params: { perspective: code } }, whenNode, 'codebook/perspective-empty');
        }
        this.contradictions(code, whenNode, when);
      }
      const p: Perspective = {
        code,
        label,
        when,
        scope: (this.str(node, 'scope') as Perspective['scope'] | undefined) ?? 'unit',
        minSupport: this.int(node, 'min_support') ?? 1,
        position: this.pos(node),
      };
      const description = this.str(node, 'description');
      if (description !== undefined) p.description = description.trim();
      out.push(p);
    }
    return out;
  }
}
