/**
 * The package as a user gets it: `npm pack`, then `npm install --global`
 * of the tarball into a temporary prefix, from a folder outside the clone, and the installed `fokus`
 * run from there. The install is `--prefer-offline`: the dependencies' tarballs come from npm's cache
 * (filled by the `npm ci` that set up this clone); npm asks the registry only for the package metadata
 * it has not cached (`--offline` fails on that: `npm ci` caches tarballs, not metadata). The pack
 * skips `prepack` (the build): `npm test` has just built dist/, and a second tsc writing dist/ while
 * other test files run the built command could race with them; the manifest test checks prepack.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const version = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version as string;
const work = mkdtempSync(join(tmpdir(), 'fokus-pack-'));
const prefix = join(work, 'prefix');
const elsewhere = join(work, 'elsewhere');
let files: string[] = [];
let tarball = '';

const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } });

beforeAll(() => {
  const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], repo)) as { filename: string; files: { path: string }[] }[];
  files = packed[0]!.files.map((f) => f.path).sort();
  tarball = join(work, packed[0]!.filename);
  execFileSync('mkdir', ['-p', elsewhere]);
  npm(['install', '--global', '--prefer-offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], elsewhere);
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Run the installed `fokus` (found on a PATH that starts with the prefix's bin) in `cwd`. */
function fokus(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('fokus', args, { cwd, encoding: 'utf8', env: { ...process.env, PATH: `${join(prefix, 'bin')}:${process.env.PATH}`, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm pack, then npm install --global of the tarball', () => {
  test('the tarball holds the program, codebook, schema, samples, docs and LICENSE, but no golden files or sources', () => {
    for (const f of ['LICENSE', 'README.md', 'package.json', 'bin/fokus.js', 'dist/cli/main.js', 'dist/index.js', 'dist/index.d.ts', 'codebooks/isog-fokusgruppe.yaml', 'schema/codebook.schema.json', 'samples/participants.csv', 'docs/cli.md', 'docs/codebook.md', 'docs/errors.md']) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => f.startsWith('samples/expected') || f.startsWith('src/') || f.startsWith('tests/') || f.startsWith('node_modules/'))).toEqual([]);
    expect(readFileSync(join(repo, 'LICENSE'), 'utf8')).toMatch(/^MIT License/u);
  });

  test('the packed package.json builds in prepack, not in prepare', () => {
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    expect(manifest.scripts.prepare).toBeUndefined();
    expect(manifest.scripts.prepack).toBe('npm run build');
    expect(manifest.scripts.postinstall).toBeUndefined();
  });

  test('fokus --version, from any folder', () => {
    expect(fokus(['--version'], elsewhere)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  test('fokus analyze on a sample, with the codebook shipped in the package', () => {
    writeFileSync(join(elsewhere, 'gruppe.txt'), 'I: Was fehlt Ihnen?\n\nB1: Wir bräuchten dringend mehr Personal für die Ganztagsbetreuung.\n');
    const r = fokus(['analyze', 'gruppe.txt', '-f', 'csv', '-q'], elsewhere);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout.split('\n')[0]).toBe('category,label,level,segments,share,matches,transcripts,speakers');
    expect(r.stdout).toMatch(/^bedarfe,Bedarfe,1,1,1\.0000,/mu);
  });

  test('fokus init, then the next step it prints, as printed', () => {
    const init = fokus(['init', 'projekt'], elsewhere);
    expect(init.code).toBe(0);
    const next = /next: (.*)$/mu.exec(init.stderr + init.stdout)?.[1];
    expect(next, init.stderr).toBeDefined();
    const r = spawnSync('sh', ['-c', next!], { cwd: elsewhere, encoding: 'utf8', env: { ...process.env, PATH: `${join(prefix, 'bin')}:${process.env.PATH}`, NO_COLOR: '1' } });
    expect([r.status, r.stderr.includes('error')]).toEqual([0, false]);
  });
});
