import type { LineCounter, Pair, Scalar } from 'yaml';
import { isMap, isScalar, isSeq } from '../deps.js';
import { andList, type Message, type MessageKey } from '../lang/catalogue.js';
import { problem } from '../problems.js';
import type { Problem } from '../types.js';
import { resolveRef, type Shape } from './shape.js';
import { nodeSpan } from '../text/yaml-places.js';
import type { RuleId } from '../rules.js';

/** Edit distance with adjacent transpositions (optimal string alignment), for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The allowed key nearest to an unknown one, when it is close enough to be a typo. */
export function didYouMean(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of allowed) {
    const d = editDistance(key.toLowerCase(), k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

/** What a YAML node is, in words ("a list", "the number 3"). */
function typeName(node: unknown): Message {
  if (isMap(node)) return { key: 'part.yaml.mapping' };
  if (isSeq(node)) return { key: 'part.yaml.list' };
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return { key: 'part.yaml.empty' };
    if (typeof v === 'number') return { key: 'part.yaml.the-number', params: { value: String(v) } };
    if (typeof v === 'boolean') return { key: 'part.yaml.the-boolean', params: { value: String(v) } };
    return { key: 'part.yaml.string' };
  }
  return { key: 'part.yaml.other' };
}

/** What a shape asks for, in words ("a mapping", "a whole number"). */
const ARTICLES: Readonly<Record<Shape['type'], MessageKey>> = {
  object: 'part.yaml.mapping',
  array: 'part.yaml.list',
  integer: 'part.yaml.whole-number',
  number: 'part.yaml.number',
  string: 'part.yaml.string',
  boolean: 'part.yaml.boolean',
  ref: 'part.yaml.other',
};
const article = (shape: Shape): Message => ({ key: ARTICLES[shape.type] });

/**
 * Check a YAML node against the format definition, adding a positioned problem for every
 * mismatch (all of them, not only the first). `where` names the node in messages (`categories[2].code`).
 */
export function validateNode(node: unknown, shape: Shape, where: string, file: string, lines: LineCounter, out: Problem[]): void {
  const at = nodeSpan(node, lines);
  const fail = (message: Message, ruleId: RuleId, pos = at): void => {
    out.push(problem(file, 'error', message, pos, ruleId));
  };
  if (shape.type === 'ref') {
    validateNode(node, resolveRef(shape.name), where, file, lines, out);
    return;
  }
  if (shape.type === 'object') {
    if (!isMap(node)) {
      fail({ key: 'problem.codebook/type', params: { where, expected: article(shape), actual: typeName(node) } }, 'codebook/type');
      return;
    }
    const allowed = Object.keys(shape.properties);
    const seen = new Set<string>();
    for (const pair of node.items as Pair<unknown, unknown>[]) {
      const keyNode = pair.key;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const keyAt = nodeSpan(keyNode, lines) ?? at;
      if (seen.has(key)) {
        fail({ key: 'problem.codebook/duplicate-key', params: { key, where } }, 'codebook/duplicate-key', keyAt);
        continue;
      }
      seen.add(key);
      const sub = shape.properties[key];
      if (!sub) {
        const hint = didYouMean(key, allowed);
        fail(hint ? { key: 'problem.codebook/unknown-key.hint', params: { key, where, hint } } : { key: 'problem.codebook/unknown-key', params: { key, where } }, 'codebook/unknown-key', keyAt);
        continue;
      }
      const value = pair.value;
      if (value === null || (isScalar(value) && value.value === null)) {
        if (shape.required?.includes(key)) fail({ key: 'problem.codebook/missing.empty', params: { where: `${where}.${key}` } }, 'codebook/missing', keyAt);
        // `regex: null`: the key names the rule's kind, so an empty value would drop the rule unseen.
        else if (shape.exactlyOne?.includes(key)) fail({ key: 'problem.codebook/empty', params: { where: `${where}.${key}` } }, 'codebook/empty', keyAt);
        continue;
      }
      validateNode(value, sub, `${where}.${key}`, file, lines, out);
    }
    for (const key of shape.required ?? []) {
      if (!seen.has(key)) fail({ key: 'problem.codebook/missing', params: { where, key } }, 'codebook/missing');
    }
    if (shape.exactlyOne) {
      const present = shape.exactlyOne.filter((k) => seen.has(k));
      if (present.length !== 1) {
        const list = shape.exactlyOne.join(', ');
        fail(
          present.length === 0
            ? { key: 'problem.codebook/rule-kind.none', params: { where, list } }
            : { key: 'problem.codebook/rule-kind', params: { where, present: andList(present), list } },
          'codebook/rule-kind',
        );
      }
    }
    return;
  }
  if (shape.type === 'array') {
    if (!isSeq(node)) {
      fail({ key: 'problem.codebook/type', params: { where, expected: { key: 'part.yaml.list' }, actual: typeName(node) } }, 'codebook/type');
      return;
    }
    node.items.forEach((item, i) => validateNode(item, shape.items, `${where}[${i + 1}]`, file, lines, out));
    return;
  }
  if (!isScalar(node)) {
    fail({ key: 'problem.codebook/type', params: { where, expected: article(shape), actual: typeName(node) } }, 'codebook/type');
    return;
  }
  validateScalar(node, shape, where, fail);
}

/** Check a scalar against a string, boolean, integer or number shape (`fail` reports at the node). */
function validateScalar(node: Scalar, shape: Shape, where: string, fail: (message: Message, ruleId: RuleId) => void): void {
  const v = node.value;
  switch (shape.type) {
    case 'string': {
      if (typeof v !== 'string') {
        fail({ key: 'problem.codebook/type.quote', params: { where, actual: typeName(node) } }, 'codebook/type');
        return;
      }
      if (shape.minLength && v.trim().length < shape.minLength) fail({ key: 'problem.codebook/empty', params: { where } }, 'codebook/empty');
      else if (shape.enum && !shape.enum.includes(v)) fail({ key: 'problem.codebook/enum', params: { where, values: shape.enum.join(', '), value: v } }, 'codebook/enum');
      else if (shape.pattern && !new RegExp(shape.pattern, 'u').test(v)) fail(patternMessage(where, v), 'codebook/pattern');
      return;
    }
    case 'boolean':
      if (typeof v !== 'boolean') fail({ key: 'problem.codebook/type.boolean', params: { where, actual: typeName(node) } }, 'codebook/type');
      return;
    case 'integer':
      if (typeof v !== 'number' || !Number.isInteger(v)) fail({ key: 'problem.codebook/type', params: { where, expected: { key: 'part.yaml.whole-number' }, actual: typeName(node) } }, 'codebook/type');
      else if (shape.minimum !== undefined && v < shape.minimum) fail({ key: 'problem.codebook/range.min', params: { where, limit: shape.minimum, value: v } }, 'codebook/range');
      else if (shape.maximum !== undefined && v > shape.maximum) fail({ key: 'problem.codebook/range.max', params: { where, limit: shape.maximum, value: v } }, 'codebook/range');
      return;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) fail({ key: 'problem.codebook/type', params: { where, expected: { key: 'part.yaml.number' }, actual: typeName(node) } }, 'codebook/type');
      else if (shape.minimum !== undefined && v < shape.minimum) fail({ key: 'problem.codebook/range.min', params: { where, limit: shape.minimum, value: v } }, 'codebook/range');
      else if (shape.maximum !== undefined && v > shape.maximum) fail({ key: 'problem.codebook/range.max', params: { where, limit: shape.maximum, value: v } }, 'codebook/range');
      return;
  }
}

function patternMessage(where: string, value: string): Message {
  return { key: /\.code$/.test(where) ? 'problem.codebook/pattern.code' : 'problem.codebook/pattern', params: { where, value } };
}
