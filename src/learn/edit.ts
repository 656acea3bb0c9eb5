/**
 * The learned proposals written into the codebook's YAML text. The `yaml` package's Document API
 * finds each category and the places of its `terms`, `rules`, `exclude` and `match` (node ranges);
 * the new items are inserted there as text, each with a comment saying what it gained, so every
 * other byte of the file — comments, folded definitions, quoting, blank lines — stays as it was
 * (`Document.toString()` would re-flow folded text). A flow list (`terms: [a, b]`) that gets items
 * is rewritten as a block list so each new item can carry its comment.
 */
import type { Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { isMap, isScalar, isSeq, parseDocument, stringifyYaml as stringify } from '../deps.js';
import type { ProposalKind } from './candidates.js';

/** A kept proposal as it goes into the YAML. */
export interface Addition {
  category: string;
  kind: ProposalKind;
  terms: readonly string[];
  within?: number;
  /** The comment text after `# ` (`learned: +3 tp/+0 fp, F1 +0.125 (held-out)`). */
  comment: string;
}

/** One text edit: at `at`, `remove` characters are replaced by `insert`. */
interface TextEdit {
  at: number;
  remove: number;
  insert: string;
}

/** The keys a category's additions go under, in the order they are placed when missing. */
const KEY_ORDER = ['match', 'terms', 'rules', 'exclude', 'categories'] as const;
type Key = (typeof KEY_ORDER)[number];

/** Which key an addition goes under. */
function keyOf(kind: ProposalKind): Exclude<Key, 'categories'> {
  if (kind === 'near') return 'rules';
  if (kind === 'exclude') return 'exclude';
  if (kind === 'negation') return 'match';
  return 'terms';
}

/** A scalar as YAML writes it on one line (quoted when it must be: `"*vertrag"`, `"true"`). */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** The offset where the line holding `offset` starts. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset of the line break ending the line holding `offset` (the text's length on the last line). */
function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i === -1 ? text.length : i;
}

/** The column of an offset (0-based). */
function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Whether a piece of YAML holds a comment (a `#` after a space, outside quotes). */
function hasComment(source: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/u.test(source[i - 1]!))) return true;
  }
  return false;
}

/** The category mappings of a codebook document by full code. */
export function categoryNodes(doc: Document): Map<string, YAMLMap> {
  const out = new Map<string, YAMLMap>();
  const visit = (seq: unknown, prefix: string): void => {
    if (!isSeq(seq)) return;
    for (const item of seq.items) {
      if (!isMap(item)) continue;
      const code = item.get('code');
      if (typeof code !== 'string') continue;
      const path = prefix ? `${prefix}/${code}` : code;
      out.set(path, item);
      visit(item.get('categories', true), path);
    }
  };
  visit(doc.get('categories', true), '');
  return out;
}

/** The categories whose YAML sets `match.negation` themselves (they do not inherit it). */
export function explicitNegationPaths(text: string): Set<string> {
  const doc = parseDocument(text);
  const out = new Set<string>();
  for (const [path, node] of categoryNodes(doc)) {
    const match = node.get('match', true);
    if (isMap(match) && match.has('negation')) out.add(path);
  }
  return out;
}

/** The rendered lines of one addition as a block-list item at `indent` (the column of its `-`). */
function itemLines(a: Addition, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const comment = `  # ${a.comment}`;
  if (a.kind === 'near') {
    return [`${pad}- near: [${a.terms.map(scalar).join(', ')}]${comment}`, `${pad}  within: ${a.within ?? 5}`, `${pad}  scope: sentence`];
  }
  return [`${pad}- ${scalar(a.terms[0]!)}${comment}`];
}

/** The pair of a map with the given key. */
function pairOf(map: YAMLMap, key: string): Pair<Node, Node> | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair<Node, Node> | undefined;
}

/** Where a new key goes in a category mapping: before the first later key of KEY_ORDER (above its comment lines), else at the mapping's end. */
function newKeyPlace(text: string, map: YAMLMap, key: Key): { at: number; indent: number } {
  const indent = column(text, map.range![0]);
  const later = KEY_ORDER.slice(KEY_ORDER.indexOf(key) + 1);
  const next = map.items
    .filter((p) => isScalar(p.key) && later.includes(String(p.key.value) as Key))
    .map((p) => (p.key as Node).range![0])
    .sort((a, b) => a - b)[0];
  if (next !== undefined) {
    let at = lineStart(text, next);
    // Comment lines right above the key belong to it.
    for (;;) {
      const prev = lineStart(text, at - 1);
      if (at === 0 || !/^\s*#/u.test(text.slice(prev, at - 1))) break;
      at = prev;
    }
    return { at, indent };
  }
  const end = map.range![1];
  return { at: end, indent };
}

/** The edits that add `items` (all for one category and key) to a category mapping. */
function editsFor(text: string, map: YAMLMap, key: Exclude<Key, 'categories'>, items: readonly Addition[]): TextEdit[] {
  const pair = pairOf(map, key);
  if (key === 'match') {
    const a = items[0]!;
    return negationEdits(text, map, pair, a);
  }
  const value = pair?.value;
  if (!pair || value === null || value === undefined || (isScalar(value) && (value.value === null || value.value === ''))) {
    const { at, indent } = newKeyPlace(text, map, key);
    const lines = [`${' '.repeat(indent)}${key}:`, ...items.flatMap((a) => itemLines(a, indent + 2))];
    if (pair) {
      // `terms:` with nothing after it: replace that line.
      const start = lineStart(text, (pair.key as Node).range![0]);
      const end = lineEnd(text, (pair.key as Node).range![0]);
      return [{ at: start, remove: end - start, insert: lines.join('\n') }];
    }
    return [insertLines(text, at, lines)];
  }
  if (!isSeq(value)) throw new Error(`'${key}' is not a list`);
  const seq = value as YAMLSeq;
  if (!seq.flow && seq.items.length > 0) {
    const indent = column(text, seq.range![0]);
    return [insertLines(text, seq.range![1], items.flatMap((a) => itemLines(a, indent)))];
  }
  // A flow list: rewritten as a block list under its key, its comment kept on the key's line.
  const keyNode = pair.key as Node;
  const source = text.slice(seq.range![0], seq.range![1]);
  const indent = column(text, keyNode.range![0]) + 2;
  const end = lineEnd(text, seq.range![1]);
  const rest = text.slice(seq.range![1], end).trim();
  if (hasComment(source)) {
    // Comments inside a flow list have no place in a block list: add the items to the flow list, the comments above the key.
    const close = seq.range![1] - 1;
    const added = items.map((a) => (a.kind === 'near' ? `{near: [${a.terms.map(scalar).join(', ')}], within: ${a.within ?? 5}, scope: sentence}` : scalar(a.terms[0]!)));
    const start = lineStart(text, keyNode.range![0]);
    const pad = ' '.repeat(column(text, keyNode.range![0]));
    return [
      { at: start, remove: 0, insert: items.map((a) => `${pad}# ${a.comment}: ${a.kind === 'near' ? `near ${a.terms.join(', ')}` : a.terms[0]}\n`).join('') },
      { at: close, remove: 0, insert: `${seq.items.length > 0 ? ', ' : ''}${added.join(', ')}` },
    ];
  }
  const old = seq.items.map((item) => {
    const node = item as Node;
    return `${' '.repeat(indent)}- ${text.slice(node.range![0], node.range![1]).trim()}`;
  });
  const lines = [...old, ...items.flatMap((a) => itemLines(a, indent))];
  const head = `:${rest ? `  ${rest}` : ''}`;
  return [{ at: keyNode.range![1], remove: end - keyNode.range![1], insert: `${head}\n${lines.join('\n')}` }];
}

/** Insert whole lines at `at` (the start of a line, or the end of the text). */
function insertLines(text: string, at: number, lines: readonly string[]): TextEdit {
  const block = lines.join('\n') + '\n';
  if (at >= text.length && text.length > 0 && !text.endsWith('\n')) return { at: text.length, remove: 0, insert: '\n' + block };
  if (at > 0 && text[at - 1] !== '\n') return { at: lineEnd(text, at), remove: 0, insert: '\n' + block.slice(0, -1) };
  return { at, remove: 0, insert: block };
}

/** The edits that switch the negation guard on for a category: a new `match` key, a key in its `match` mapping, or `false` made `true`. */
function negationEdits(text: string, map: YAMLMap, pair: Pair<Node, Node> | undefined, a: Addition): TextEdit[] {
  const comment = `# ${a.comment}`;
  const value = pair?.value;
  if (!pair || !isMap(value)) {
    const { at, indent } = newKeyPlace(text, map, 'match');
    return [insertLines(text, at, [`${' '.repeat(indent)}match: {negation: true}  ${comment}`])];
  }
  const m = value as YAMLMap;
  const existing = pairOf(m, 'negation');
  const commentAt = (offset: number): TextEdit => {
    const end = lineEnd(text, offset);
    if (hasComment(text.slice(lineStart(text, offset), end))) {
      const start = lineStart(text, (pair.key as Node).range![0]);
      return { at: start, remove: 0, insert: `${' '.repeat(column(text, (pair.key as Node).range![0]))}${comment}\n` };
    }
    return { at: end, remove: 0, insert: `  ${comment}` };
  };
  if (existing && existing.value) {
    const v = existing.value as Node;
    return [{ at: v.range![0], remove: v.range![1] - v.range![0], insert: 'true' }, commentAt(v.range![1])];
  }
  if (m.flow) {
    const close = m.range![1] - 1;
    return [{ at: close, remove: 0, insert: `${m.items.length > 0 ? ', ' : ''}negation: true` }, commentAt(m.range![1])];
  }
  const indent = column(text, m.range![0]);
  return [insertLines(text, m.range![1], [`${' '.repeat(indent)}negation: true  ${comment}`])];
}

/**
 * The codebook text with the additions written in, each under its category (additions of one
 * category and key in the order given). Throws when a category is not found or a key holds
 * something other than a list (the caller checked the codebook, so this is a programmer error).
 */
export function addToCodebook(source: string, additions: readonly Addition[]): string {
  // A file with CRLF line ends is edited with LF and given its CRLF back.
  const crlf = source.includes('\r\n');
  const text = crlf ? source.replace(/\r\n/g, '\n') : source;
  const doc = parseDocument(text);
  const nodes = categoryNodes(doc);
  const groups = new Map<string, Addition[]>();
  for (const a of additions) {
    const k = `${a.category}\u0000${keyOf(a.kind)}`;
    const list = groups.get(k) ?? [];
    list.push(a);
    groups.set(k, list);
  }
  const edits: (TextEdit & { order: number })[] = [];
  let order = 0;
  // Within a category, keys new to it are placed in KEY_ORDER (match, terms, rules, exclude).
  const firstSeen = new Map<string, number>();
  for (const a of additions) if (!firstSeen.has(a.category)) firstSeen.set(a.category, firstSeen.size);
  const ordered = [...groups].sort(([a], [b]) => {
    const [pa, ka] = a.split('\u0000') as [string, Key];
    const [pb, kb] = b.split('\u0000') as [string, Key];
    return firstSeen.get(pa)! - firstSeen.get(pb)! || KEY_ORDER.indexOf(ka) - KEY_ORDER.indexOf(kb);
  });
  for (const [k, items] of ordered) {
    const [path, key] = k.split('\u0000') as [string, Exclude<Key, 'categories'>];
    const map = nodes.get(path);
    if (!map) throw new Error(`category '${path}' not found in the codebook`);
    if (map.flow) throw new Error(`category '${path}' is written as a flow mapping`);
    for (const e of editsFor(text, map, key, items)) edits.push({ ...e, order: order++ });
  }
  // From the end backwards, so earlier offsets stay valid; edits at one place keep their order.
  edits.sort((x, y) => y.at - x.at || y.order - x.order);
  let out = text;
  for (const e of edits) out = out.slice(0, e.at) + e.insert + out.slice(e.at + e.remove);
  return crlf ? out.replace(/\n/g, '\r\n') : out;
}
