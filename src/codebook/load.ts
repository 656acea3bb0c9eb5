import { fileURLToPath } from 'node:url';
import { parseCodebook, type ParsedCodebook } from './parse.js';
import { problem } from '../problems.js';
import { binaryReason } from '../transcripts/binary.js';
import { decodeBytes } from '../transcripts/decode.js';
import { readRegularFile, unreadableMessage, unreadableRule } from '../transcripts/read-file.js';

/** The codebook shipped with fokus and used when no codebook is given. */
export const DEFAULT_CODEBOOK_PATH = fileURLToPath(new URL('../../codebooks/isog-fokusgruppe.yaml', import.meta.url));

/** The name under which the shipped codebook appears in messages and provenance. */
export const DEFAULT_CODEBOOK_NAME = 'codebooks/isog-fokusgruppe.yaml';

/** Read and validate a codebook file; without a path, the shipped default codebook. */
export async function loadCodebook(path?: string): Promise<ParsedCodebook> {
  const file = path ?? DEFAULT_CODEBOOK_PATH;
  const shown = path ?? DEFAULT_CODEBOOK_NAME;
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(file);
  } catch (e) {
    return { codebook: null, problems: [problem(shown, 'error', unreadableMessage(e, 'part.codebook-file'), undefined, unreadableRule(e, 'codebook/unreadable'))] };
  }
  const notText = binaryReason(bytes);
  if (notText !== null) return { codebook: null, problems: [problem(shown, 'error', { key: 'problem.codebook/binary', params: { reason: notText } }, undefined, 'codebook/binary')] };
  // Decoded like transcripts, so a codebook saved as Windows-1252 keeps its umlauts (with a warning).
  const decoded = decodeBytes(bytes, shown);
  const parsed = parseCodebook(decoded.text, shown);
  return decoded.problems.length === 0 ? parsed : { ...parsed, problems: [...decoded.problems, ...parsed.problems] };
}
