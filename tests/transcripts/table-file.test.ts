import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTableFile, type TableKind } from '../../src/transcripts/table-file.js';

const kind: TableKind = { name: 'part.participants-file', formatMessage: 'problem.participants/format', rules: { format: 'participants/format', file: 'participants/file', binary: 'participants/binary' } };
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function folder(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fokus-table-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

describe('readTableFile', () => {
  it('reads CSV and YAML by extension as decoded text (a BOM taken off), with the bytes', async () => {
    const dir = await folder({ 'p.TSV': '\ufeffspeaker\tgroup\nB1\tPraxis\n', 'p.yml': '- speaker: B1\n' });
    const tsv = await readTableFile('p.TSV', kind, dir);
    const yml = await readTableFile('p.yml', kind, dir);
    expect(['text' in tsv && tsv.format, 'text' in tsv && tsv.text, 'text' in yml && yml.format, tsv.problems]).toEqual(['csv', 'speaker\tgroup\nB1\tPraxis\n', 'yaml', []]);
    expect('bytes' in tsv && tsv.bytes.length).toBe(Buffer.byteLength('\ufeffspeaker\tgroup\nB1\tPraxis\n'));
  });

  it("gives the caller's rule ids: an extension of no table format, a missing file, a binary file", async () => {
    const dir = await folder({ 'p.txt': 'speaker\n', 'p.csv': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) });
    const results = await Promise.all(['p.txt', 'gone.csv', 'p.csv'].map((f) => readTableFile(f, kind, dir)));
    expect(results.map((r) => ['text' in r, r.problems.map((p) => [p.file, p.severity, p.ruleId])])).toEqual([
      [false, [['p.txt', 'error', 'participants/format']]],
      [false, [['gone.csv', 'error', 'participants/file']]],
      [false, [['p.csv', 'error', 'participants/binary']]],
    ]);
  });
});
