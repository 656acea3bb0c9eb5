/**
 * A small validator for the subset of JSON Schema 2020-12 that `codebookJsonSchema()` emits
 * (type, properties, additionalProperties: false, required, items, minLength, pattern with the
 * `u` flag, enum, minimum, oneOf, local `$ref`). Test helper only: it lets the tests prove that the
 * generated schema accepts what the loader accepts and rejects what it rejects.
 */
type Schema = { [key: string]: unknown };

/** Every violation of `schema` by `value`, as `path: message` lines (empty when valid). */
export function validateJson(value: unknown, root: Schema): string[] {
  const out: string[] = [];
  check(value, root, root, '$', out);
  return out;
}

function resolve(ref: string, root: Schema): Schema {
  if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = (node as Schema)[part];
  if (!node || typeof node !== 'object') throw new Error(`dangling $ref ${ref}`);
  return node as Schema;
}

const KNOWN = new Set([
  '$schema', 'title', 'description', '$defs', '$ref', 'type', 'properties', 'additionalProperties',
  'required', 'items', 'minLength', 'pattern', 'enum', 'minimum', 'maximum', 'oneOf',
]);

function check(value: unknown, schema: Schema, root: Schema, path: string, out: string[]): void {
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`unsupported keyword ${key} at ${path}`);
  if (typeof schema.$ref === 'string') check(value, resolve(schema.$ref, root), root, path, out);
  const type = schema.type as string | undefined;
  if (type !== undefined && !hasType(value, type)) {
    out.push(`${path}: not ${type}`);
    return;
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) out.push(`${path}: not one of ${schema.enum.join(', ')}`);
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) out.push(`${path}: too short`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) out.push(`${path}: does not match ${schema.pattern}`);
  }
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum) out.push(`${path}: below ${schema.minimum}`);
  if (typeof value === 'number' && typeof schema.maximum === 'number' && value > schema.maximum) out.push(`${path}: above ${schema.maximum}`);
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => check(v, schema.items as Schema, root, `${path}[${i}]`, out));
  if (isObject(value)) {
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const [k, v] of Object.entries(value)) {
      if (props[k]) check(v, props[k], root, `${path}.${k}`, out);
      else if (schema.additionalProperties === false) out.push(`${path}: unknown key ${k}`);
    }
    for (const k of (schema.required ?? []) as string[]) if (!(k in value)) out.push(`${path}: missing ${k}`);
  }
  if (Array.isArray(schema.oneOf)) {
    const passing = schema.oneOf.filter((s) => {
      const sub: string[] = [];
      check(value, s as Schema, root, path, sub);
      return sub.length === 0;
    }).length;
    if (passing !== 1) out.push(`${path}: matches ${passing} of oneOf`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasType(v: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isObject(v);
    case 'array':
      return Array.isArray(v);
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number';
    default:
      throw new Error(`unsupported type ${type}`);
  }
}
