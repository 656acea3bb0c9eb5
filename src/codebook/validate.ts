import type { LineCounter, Pair, Scalar } from 'yaml';
import { isMap, isScalar, isSeq } from '../deps.js';
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

function typeName(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'empty';
    if (typeof v === 'number') return `the number ${String(v)}`;
    if (typeof v === 'boolean') return `the boolean ${String(v)}`;
    return 'a string';
  }
  return 'something else';
}

const article = (shape: Shape): string =>
  shape.type === 'object' ? 'a mapping' : shape.type === 'array' ? 'a list' : shape.type === 'integer' ? 'a whole number' : `a ${shape.type}`;

/**
 * Check a YAML node against the format definition, adding a positioned problem for every
 * mismatch (all of them, not only the first). `where` names the node in messages (`categories[2].code`).
 */
export function validateNode(node: unknown, shape: Shape, where: string, file: string, lines: LineCounter, out: Problem[]): void {
  const at = nodeSpan(node, lines);
  const fail = (message: string, ruleId: RuleId, pos = at): void => {
    out.push(problem(file, 'error', message, pos, ruleId));
  };
  if (shape.type === 'ref') {
    validateNode(node, resolveRef(shape.name), where, file, lines, out);
    return;
  }
  if (shape.type === 'object') {
    if (!isMap(node)) {
      fail(`${where} must be ${article(shape)}, not ${typeName(node)}`, 'codebook/type');
      return;
    }
    const allowed = Object.keys(shape.properties);
    const seen = new Set<string>();
    for (const pair of node.items as Pair<unknown, unknown>[]) {
      const keyNode = pair.key;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      const keyAt = nodeSpan(keyNode, lines) ?? at;
      if (seen.has(key)) {
        fail(`duplicate key '${key}' in ${where}`, 'codebook/duplicate-key', keyAt);
        continue;
      }
      seen.add(key);
      const sub = shape.properties[key];
      if (!sub) {
        const hint = didYouMean(key, allowed);
        fail(`unknown key '${key}' in ${where}${hint ? ` (did you mean '${hint}'?)` : ''}`, 'codebook/unknown-key', keyAt);
        continue;
      }
      const value = pair.value;
      if (value === null || (isScalar(value) && value.value === null)) {
        if (shape.required?.includes(key)) fail(`${where}.${key} must not be empty`, 'codebook/missing', keyAt);
        // `regex: null`: the key names the rule's kind, so an empty value would drop the rule unseen.
        else if (shape.exactlyOne?.includes(key)) fail(`${where}.${key} must not be empty`, 'codebook/empty', keyAt);
        continue;
      }
      validateNode(value, sub, `${where}.${key}`, file, lines, out);
    }
    for (const key of shape.required ?? []) {
      if (!seen.has(key)) fail(`${where} is missing '${key}'`, 'codebook/missing');
    }
    if (shape.exactlyOne) {
      const present = shape.exactlyOne.filter((k) => seen.has(k));
      if (present.length !== 1) {
        const list = shape.exactlyOne.join(', ');
        fail(
          present.length === 0
            ? `${where} needs one of ${list}`
            : `${where} has ${present.join(' and ')}; a rule takes exactly one of ${list}`,
          'codebook/rule-kind',
        );
      }
    }
    return;
  }
  if (shape.type === 'array') {
    if (!isSeq(node)) {
      fail(`${where} must be a list, not ${typeName(node)}`, 'codebook/type');
      return;
    }
    node.items.forEach((item, i) => validateNode(item, shape.items, `${where}[${i + 1}]`, file, lines, out));
    return;
  }
  if (!isScalar(node)) {
    fail(`${where} must be ${article(shape)}, not ${typeName(node)}`, 'codebook/type');
    return;
  }
  validateScalar(node, shape, where, fail);
}

/** Check a scalar against a string, boolean, integer or number shape (`fail` reports at the node). */
function validateScalar(node: Scalar, shape: Shape, where: string, fail: (message: string, ruleId: RuleId) => void): void {
  const v = node.value;
  switch (shape.type) {
    case 'string': {
      if (typeof v !== 'string') {
        fail(`${where} must be a string, not ${typeName(node)} (put it in quotes)`, 'codebook/type');
        return;
      }
      if (shape.minLength && v.trim().length < shape.minLength) fail(`${where} must not be empty`, 'codebook/empty');
      else if (shape.enum && !shape.enum.includes(v)) fail(`${where} must be one of ${shape.enum.join(', ')}, not '${v}'`, 'codebook/enum');
      else if (shape.pattern && !new RegExp(shape.pattern, 'u').test(v)) fail(patternMessage(where, v), 'codebook/pattern');
      return;
    }
    case 'boolean':
      if (typeof v !== 'boolean') fail(`${where} must be true or false, not ${typeName(node)}`, 'codebook/type');
      return;
    case 'integer':
      if (typeof v !== 'number' || !Number.isInteger(v)) fail(`${where} must be a whole number, not ${typeName(node)}`, 'codebook/type');
      else if (shape.minimum !== undefined && v < shape.minimum) fail(`${where} must be at least ${shape.minimum}, not ${v}`, 'codebook/range');
      else if (shape.maximum !== undefined && v > shape.maximum) fail(`${where} must be at most ${shape.maximum}, not ${v}`, 'codebook/range');
      return;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${where} must be a number, not ${typeName(node)}`, 'codebook/type');
      else if (shape.minimum !== undefined && v < shape.minimum) fail(`${where} must be at least ${shape.minimum}, not ${v}`, 'codebook/range');
      else if (shape.maximum !== undefined && v > shape.maximum) fail(`${where} must be at most ${shape.maximum}, not ${v}`, 'codebook/range');
      return;
  }
}

function patternMessage(where: string, value: string): string {
  if (/\.code$/.test(where)) return `${where} '${value}' may hold only lowercase letters, digits, '-' and '_'`;
  return `${where} '${value}' may hold only letters, digits, '-', "'", '*' and spaces`;
}
