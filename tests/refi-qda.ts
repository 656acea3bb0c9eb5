import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';

/** The REFI-QDA schemas, as published with the standard (tests/fixtures/refi-qda/). */
export type RefiSchema = 'Codebook' | 'Project';

const schemas = new Map<RefiSchema, string>();
function schemaText(schema: RefiSchema): string {
  let text = schemas.get(schema);
  if (text === undefined) {
    text = readFileSync(resolve(import.meta.dirname, `fixtures/refi-qda/${schema}.xsd`), 'utf8');
    schemas.set(schema, text);
  }
  return text;
}

/**
 * Validate XML against a REFI-QDA schema with libxml2 compiled to WebAssembly (xmllint-wasm, an npm
 * dev dependency: no system xmllint needed). Returns xmllint's messages with `name` as the file name,
 * '' when the document is valid; a failure of the validator itself throws.
 */
export async function xsdErrors(xml: string, name: string, schema: RefiSchema): Promise<string> {
  const r = await validateXML({
    xml: [{ fileName: name, contents: xml }],
    schema: [{ fileName: `${schema}.xsd`, contents: schemaText(schema) }],
    // 16 MiB to start, up to 1 GiB: a project of a large corpus needs more than the default 32 MiB.
    initialMemoryPages: 256,
    maxMemoryPages: 16384,
  });
  return r.valid ? '' : r.rawOutput;
}
