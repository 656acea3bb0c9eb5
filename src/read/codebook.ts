import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseCodebook, type ParsedCodebook } from '../codebook/parse.js';
import { problem } from '../problems.js';

/** The codebook shipped with fokus and used when no codebook is given. */
export const DEFAULT_CODEBOOK_PATH = fileURLToPath(new URL('../../codebooks/isog-fokusgruppe.yaml', import.meta.url));

/** The name under which the shipped codebook appears in messages and provenance. */
export const DEFAULT_CODEBOOK_NAME = 'codebooks/isog-fokusgruppe.yaml';

/** Read and validate a codebook file; without a path, the shipped default codebook. */
export async function loadCodebook(path?: string): Promise<ParsedCodebook> {
  const file = path ?? DEFAULT_CODEBOOK_PATH;
  const shown = path ?? DEFAULT_CODEBOOK_NAME;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a codebook file' : `cannot be read (${code ?? 'error'})`;
    return { codebook: null, problems: [problem(shown, 'error', `codebook ${why}`, undefined, 'codebook/unreadable')] };
  }
  return parseCodebook(text, shown);
}
