/**
 * One top-level category tree with the proposals kept in it so far, compiled with the matcher for
 * each fold model (the kept proposals that model learned, and optionally one candidate more).
 */
import { compileCodebook, type Matcher } from '../codebook/compile.js';
import { countCodes, matchText } from '../coding/match.js';
import type { Category, Codebook } from '../types.js';
import { applyChanges, treeCodebook, type Change } from './apply.js';
import type { Candidate } from './candidates.js';

/** A compiled tree and where each of its categories is among the matcher's. */
export interface Entry {
  matcher: Matcher;
  index: Map<string, number>;
}

/** A kept proposal and the models it is learned in. */
export interface Kept {
  candidate: Candidate;
  change: Change;
  /** learned[m] for m = 0 … K (K: the whole coding). */
  learned: Uint8Array;
  /** The units it may have changed. */
  touched: Int32Array;
}

/** A candidate compiled into a tree on trial: its id (for the cache) and its change. */
export interface Trial {
  id: number;
  change: Change;
}

/** One top-level category with everything kept in it so far. */
export class Tree {
  kept: Kept[] = [];
  affected = new Set<number>();
  private cache = new Map<string, Entry>();

  constructor(
    private codebook: Codebook,
    private explicitNegation: ReadonlySet<string>,
    readonly root: Category,
  ) {}

  /** The kept proposals included in model m, as a key. */
  signature(m: number): string {
    return this.kept
      .map((k, i) => (k.learned[m] ? i : -1))
      .filter((i) => i >= 0)
      .join(',');
  }

  /** The models 0 … last grouped by their signature (models with the same kept proposals code alike), in order of first model. */
  models(last: number): Map<string, number[]> {
    const groups = new Map<string, number[]>();
    for (let m = 0; m <= last; m++) {
      const s = this.signature(m);
      groups.set(s, [...(groups.get(s) ?? []), m]);
    }
    return groups;
  }

  /** The compiled tree with the kept proposals of a signature and, optionally, one candidate on trial. */
  entry(signature: string, extra?: Trial): Entry {
    const key = `${signature}|${extra?.id ?? ''}`;
    let e = this.cache.get(key);
    if (!e) {
      const changes = signature === '' ? [] : signature.split(',').map((i) => this.kept[Number(i)]!.change);
      if (extra) changes.push(extra.change);
      const root = applyChanges(this.root, changes, this.explicitNegation);
      const matcher = compileCodebook(treeCodebook(this.codebook, root));
      e = { matcher, index: new Map(matcher.categories.map((c, i) => [c.path, i])) };
      this.cache.set(key, e);
    }
    return e;
  }

  /** Forget the compiled trees with a candidate in them. */
  forget(id: number): void {
    for (const key of [...this.cache.keys()]) if (key.endsWith(`|${id}`)) this.cache.delete(key);
  }
}

/** Whether an entry's matcher codes a text with the category at `index` (of the matcher's categories). */
export function codesAt(entry: Entry, index: number, text: string): boolean {
  const counts = countCodes(text, entry.matcher, undefined);
  for (let k = 0; k < counts.count; k++) if (counts.index[k] === index) return true;
  return false;
}

/** Whether every anchor example and counterexample of the tree passes, keyed `path#kind#n`. */
function exampleOutcomes(entry: Entry, root: Category): Map<string, boolean> {
  const out = new Map<string, boolean>();
  const visit = (cat: Category): void => {
    const run = (kind: 'example' | 'counterexample', text: string, i: number): void => {
      const coded = matchText(text, entry.matcher).coded.some((c) => c.path === cat.path);
      out.set(`${cat.path}#${kind}#${i + 1}`, kind === 'example' ? coded : !coded);
    };
    cat.examples.forEach((t, i) => run('example', t, i));
    cat.counterexamples.forEach((t, i) => run('counterexample', t, i));
    cat.categories.forEach(visit);
  };
  visit(root);
  return out;
}

/** The first anchor example or counterexample of the tree that passes with the kept proposals of a signature and fails with the candidate on trial added, as `path#kind#n`. */
export function brokenExample(tree: Tree, signature: string, trial: Trial): string | undefined {
  const before = exampleOutcomes(tree.entry(signature), tree.root);
  const after = exampleOutcomes(tree.entry(signature, trial), tree.root);
  return [...after].filter(([k, pass]) => !pass && before.get(k) === true).map(([k]) => k)[0];
}
