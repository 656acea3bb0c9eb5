import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runCli } from './run.js';

const cwd = fileURLToPath(new URL('../fixtures/read/', import.meta.url));

/** The readers' limits reach every command from the environment (docs/errors.md, "Limits of the readers"). */
describe('reader limits from the environment', () => {
  test('FOKUS_ZIP_BYTES limits what analyze inflates from a Word document', async () => {
    const run = await runCli(['analyze', 'formats/08-interview.docx', '-q'], cwd, { FOKUS_ZIP_BYTES: '100' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'formats/08-interview.docx: error: not read as a Word document: entry [Content_Types].xml would take the bytes inflated from this archive beyond 100 bytes (FOKUS_ZIP_BYTES)\n' +
        'fokus: no transcript could be read; nothing was written\n',
    );
    const fine = await runCli(['analyze', 'formats/08-interview.docx', '-q', '-f', 'csv'], cwd, { FOKUS_ZIP_BYTES: '100000' });
    expect(fine.code).toBe(0);
  });

  test('the retrieval commands read them through the same pipeline', async () => {
    const run = await runCli(['show', 'formats/08-interview.docx', '--category', 'bedarfe'], cwd, { FOKUS_ZIP_BYTES: '100' });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      'formats/08-interview.docx: error: not read as a Word document: entry [Content_Types].xml would take the bytes inflated from this archive beyond 100 bytes (FOKUS_ZIP_BYTES)',
    );
  });

  test('a value that is no whole number ≥ 1 is a usage error, never the default', async () => {
    for (const args of [['analyze', 'formats/01-plain.txt'], ['show', 'formats/01-plain.txt', '--category', 'bedarfe'], ['agree', 'a.csv', 'b.csv']]) {
      const run = await runCli(args, cwd, { FOKUS_MAX_DEPTH: '0' });
      expect({ args, code: run.code, stderr: run.stderr }).toEqual({ args, code: 2, stderr: "fokus: FOKUS_MAX_DEPTH='0' is not a whole number ≥ 1\n" });
    }
  });
});
