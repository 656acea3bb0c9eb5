import { CATEGORY_SHAPE, CODEBOOK_SHAPE, RULE_SHAPE, type Shape } from './shape.js';

/** A JSON Schema document or subschema, as plain JSON data. */
export type JsonSchema = { [key: string]: unknown };

/** The JSON Schema dialect the generated schema declares. */
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** Where a `ref` shape points inside the generated schema. */
const DEF_NAMES: Record<'category' | 'rule', string> = { category: 'category', rule: 'rule' };

/**
 * The JSON Schema (draft 2020-12) of the codebook format, generated from the same shape definition
 * the loader validates with (src/codebook/shape.ts), so editors and the loader cannot drift apart.
 * Categories and rules are `$defs` (categories recurse through `categories`).
 */
export function codebookJsonSchema(): JsonSchema {
  const root = toSchema(CODEBOOK_SHAPE);
  return {
    $schema: JSON_SCHEMA_DIALECT,
    title: 'fokus codebook',
    ...root,
    $defs: {
      [DEF_NAMES.category]: toSchema(CATEGORY_SHAPE),
      [DEF_NAMES.rule]: toSchema(RULE_SHAPE),
    },
  };
}

/** The schema as the shipped file holds it: two-space indented JSON with a final newline. */
export function renderCodebookJsonSchema(): string {
  return JSON.stringify(codebookJsonSchema(), null, 2) + '\n';
}

function toSchema(shape: Shape): JsonSchema {
  const out: JsonSchema = {};
  if (shape.description !== undefined) out.description = shape.description;
  switch (shape.type) {
    case 'ref':
      out.$ref = `#/$defs/${DEF_NAMES[shape.name]}`;
      return out;
    case 'string':
      out.type = 'string';
      if (shape.minLength !== undefined) out.minLength = shape.minLength;
      if (shape.pattern !== undefined) out.pattern = shape.pattern;
      if (shape.enum !== undefined) out.enum = [...shape.enum];
      return out;
    case 'boolean':
      out.type = 'boolean';
      return out;
    case 'integer':
      out.type = 'integer';
      if (shape.minimum !== undefined) out.minimum = shape.minimum;
      if (shape.maximum !== undefined) out.maximum = shape.maximum;
      return out;
    case 'number':
      out.type = 'number';
      if (shape.minimum !== undefined) out.minimum = shape.minimum;
      if (shape.maximum !== undefined) out.maximum = shape.maximum;
      return out;
    case 'array':
      out.type = 'array';
      out.items = toSchema(shape.items);
      return out;
    case 'object': {
      out.type = 'object';
      out.properties = Object.fromEntries(Object.entries(shape.properties).map(([k, v]) => [k, toSchema(v)]));
      if (shape.required && shape.required.length > 0) out.required = [...shape.required];
      if (shape.exactlyOne && shape.exactlyOne.length > 0) out.oneOf = shape.exactlyOne.map((k) => ({ required: [k] }));
      out.additionalProperties = false;
      return out;
    }
  }
}
