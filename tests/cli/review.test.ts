/**
 * `fokus review` driven through a real pseudo-terminal (util-linux `script` runs the installed
 * command, bin/fokus.js, on a pty; keys are written to it and the review file is read after), the
 * refusal without a terminal, and the review file used by `analyze --review`, `show`, `export`,
 * `agree` and `evaluate`. The pty tests need the compiled CLI: run `npm run build` first.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EventEmitter } from 'node:events';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { ReviewIO } from '../../src/cli/review.js';
import { HEADER, reviewProject, row, textOf } from '../review/fixture.js';
import { BufferStream, runCli } from './run.js';

const repo = resolve(import.meta.dirname, '../..');
const bin = join(repo, 'bin/fokus.js');
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

let dir: string;
beforeAll(async () => {
  dir = await reviewProject();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The rows of a review file (without header), or null when it does not exist. */
function rowsOf(file: string): string[] | null {
  const path = join(dir, file);
  if (!existsSync(path)) return null;
  const lines = readFileSync(path, 'utf8').split('\n');
  expect(lines[0]).toBe(HEADER);
  expect(lines.at(-1)).toBe('');
  return lines.slice(1, -1);
}

// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b\[[0-9;?]*[A-Za-z]/gu;

/** `fokus review …` on a pseudo-terminal of the given width; keys go in with `send`, the terminal's output collects in `out`. */
class Terminal {
  out = '';
  readonly proc: ChildProcessWithoutNullStreams;
  readonly exited: Promise<number>;

  constructor(args: string, options: { cols?: number; env?: Record<string, string> } = {}) {
    const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
    for (const k of ['NO_COLOR', 'FORCE_COLOR']) if (!options.env || !(k in options.env)) delete env[k];
    // `exec`: the shell becomes node, so the pty's process is the one to kill in the interrupt test.
    const command = `stty cols ${options.cols ?? 80} rows 40 && exec "${process.execPath}" "${bin}" review ${args}`;
    this.proc = spawn('script', ['-qfec', command, '/dev/null'], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.on('data', (d: Buffer) => void (this.out += d.toString('utf8')));
    this.exited = new Promise((done) => this.proc.on('close', (code) => done(code ?? -1)));
  }

  /** How many unit screens were drawn so far. */
  get screens(): number {
    return this.out.split('fokus review · ').length - 1;
  }

  /**
   * Wait until the output satisfies `ok`. The deadline only turns a hang into a message saying what
   * was awaited; it is far beyond any wait on a loaded machine and under the test timeout (120 s).
   */
  async until(ok: () => boolean, what: string): Promise<void> {
    const end = Date.now() + 100_000;
    while (!ok()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; the terminal shows:\n${this.out.replace(ESCAPES, '')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Press keys and wait for the screen they lead to (`screens` more unit screens; 0 for none). */
  async press(keys: string, screens = 1, text?: string): Promise<void> {
    const before = this.screens;
    const seen = this.out.length;
    this.proc.stdin.write(keys);
    await this.until(() => this.screens >= before + screens && (text === undefined || this.out.indexOf(text, seen) >= 0), `the screen after ${JSON.stringify(keys)}`);
  }

  /** The pid of `fokus review` (the pty's process, the child of `script`). */
  child(): number {
    const pid = this.proc.pid!;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/u);
    return Number(children[0]);
  }
}

describe.skipIf(!hasScript)('fokus review on a terminal', () => {
  beforeEach(async () => {
    await rm(join(dir, 'r.csv'), { force: true });
  });

  it('confirms, rejects, adds a category with Tab completion, undoes and quits; every decision is in the file', async () => {
    const t = new Terminal('t.txt -c cb.yaml -o r.csv');
    await t.until(() => t.screens === 1, 'the first screen');
    await t.press('y');
    expect(rowsOf('r.csv')).toEqual([row(2, 'bedarfe', 'brauch*', 'confirmed')]);
    await t.press('n');
    await t.press('a', 0, 'Add category');
    await t.press('verne', 0, 'verne');
    await t.press('\t', 0, 'tzung');
    await t.press('\r');
    await t.press('n');
    await t.press('y');
    expect(rowsOf('r.csv')).toHaveLength(5);
    await t.press('u', 1, 'undone: confirmed vernetzung in t.txt#4');
    expect(rowsOf('r.csv')).toHaveLength(4);
    await t.press('n');
    t.proc.stdin.write('q');
    expect(await t.exited).toBe(0);
    expect(rowsOf('r.csv')).toEqual([
      row(2, 'bedarfe', 'brauch*', 'confirmed'),
      row(2, 'bedarfe/personal', 'personal*', 'rejected'),
      row(3, 'vernetzung', '', 'added'),
      row(3, 'bedarfe/personal', 'personal*', 'rejected'),
      row(4, 'vernetzung', 'netzwerk*', 'rejected'),
    ]);
    expect(t.out).toContain('fokus: r.csv: 1 confirmed, 3 rejected, 1 added; 3 of 6 units decided\r\n');
  });

  it('loses nothing when killed, and the next run resumes where the first stopped', async () => {
    const first = new Terminal('t.txt -c cb.yaml -o r.csv');
    await first.until(() => first.screens === 1, 'the first screen');
    await first.press('y');
    await first.press('y');
    await first.press('y', 1, 't.txt#4');
    // A hard kill: no clean-up runs at all.
    process.kill(first.child(), 'SIGKILL');
    await first.exited;
    expect(rowsOf('r.csv')).toEqual([row(2, 'bedarfe', 'brauch*', 'confirmed'), row(2, 'bedarfe/personal', 'personal*', 'confirmed'), row(3, 'bedarfe/personal', 'personal*', 'confirmed')]);

    const second = new Terminal('t.txt -c cb.yaml -o r.csv', { env: { NO_COLOR: '1' } });
    await second.until(() => second.screens === 1, 'the first screen');
    expect(second.out).toContain('fokus review · r.csv · unit 3 of 6 · 2 decided\r\nt.txt#4 · B3 · line 7\r\n');
    await second.press('n');
    second.proc.stdin.write('q');
    expect(await second.exited).toBe(0);
    expect(rowsOf('r.csv')).toEqual([
      row(2, 'bedarfe', 'brauch*', 'confirmed'),
      row(2, 'bedarfe/personal', 'personal*', 'confirmed'),
      row(3, 'bedarfe/personal', 'personal*', 'confirmed'),
      row(4, 'vernetzung', 'netzwerk*', 'rejected'),
    ]);
  });

  it('resumes inside a unit whose codings were partly decided', async () => {
    await writeFile(join(dir, 'r.csv'), `${HEADER}\n${row(2, 'bedarfe', 'brauch*', 'confirmed')}\n`);
    const t = new Terminal('t.txt -c cb.yaml -o r.csv', { env: { NO_COLOR: '1' } });
    await t.until(() => t.screens === 1, 'the first screen');
    expect(t.out).toContain('  1. bedarfe (Bedarfe) [confirmed]\r\n       "brauchen" — term brauch*\r\n> 2. bedarfe/personal (Personal)\r\n');
    await t.press('n');
    t.proc.stdin.write('q');
    expect(await t.exited).toBe(0);
    expect(rowsOf('r.csv')).toEqual([row(2, 'bedarfe', 'brauch*', 'confirmed'), row(2, 'bedarfe/personal', 'personal*', 'rejected')]);
  });

  it('writes no escape codes with NO_COLOR or --no-color, and colours otherwise', async () => {
    const keys = async (t: Terminal): Promise<string> => {
      await t.until(() => t.screens === 1, 'the first screen');
      await t.press('e', 0, 'Press any key');
      await t.press('x');
      await t.press('a', 0, 'Add category');
      await t.press('fin\t', 0, 'anzen');
      await t.press('\r');
      t.proc.stdin.write('q');
      expect(await t.exited).toBe(0);
      return t.out;
    };
    const plain = await keys(new Terminal('t.txt -c cb.yaml -o r.csv', { env: { NO_COLOR: '1' } }));
    expect(plain).not.toContain('\u001b');
    expect(plain).toContain('Wir [[brauchen]] mehr [[Personal]].');
    await rm(join(dir, 'r.csv'));
    const flag = await keys(new Terminal('t.txt -c cb.yaml -o r.csv --no-color'));
    expect(flag).not.toContain('\u001b');
    await rm(join(dir, 'r.csv'));
    const coloured = await keys(new Terminal('t.txt -c cb.yaml -o r.csv'));
    expect(coloured).toContain('\u001b[H\u001b[2J');
    expect(coloured).toContain('Wir \u001b[1m\u001b[33mbrauchen\u001b[39m\u001b[22m mehr');
    expect(rowsOf('r.csv')).toEqual([row(2, 'finanzen', '', 'added')]);
  });

  it('wraps every line to the terminal width: 80 columns, and 50', async () => {
    for (const cols of [80, 50]) {
      await rm(join(dir, 'r.csv'), { force: true });
      const t = new Terminal('lang.txt -c cb.yaml -o r.csv', { cols });
      await t.until(() => t.screens === 1, 'the first screen');
      await t.press('e', 0, 'Press any key');
      await t.press('x');
      await t.press('?', 0, 'Press any key');
      await t.press('x');
      t.proc.stdin.write('q');
      expect(await t.exited).toBe(0);
      // The screens: everything before the one-line summary on stderr at the end (a log line, as other commands print).
      const screensOut = t.out.slice(0, t.out.lastIndexOf('fokus: r.csv: '));
      expect(screensOut.length).toBeGreaterThan(1000);
      const lines = screensOut.replace(ESCAPES, '').split('\r\n');
      const widest = Math.max(...lines.map((l) => Array.from(l).length));
      expect(widest).toBeLessThanOrEqual(cols);
      expect(widest).toBeGreaterThan(cols - 12);
      // The long unit (about 420 characters) takes several lines, each starting with the indentation.
      const body = lines.filter((l) => /^ {2,4}\S/u.test(l) && /Kooperationsvereinbarungen|Landkreis|geschlossen/u.test(l));
      expect(body.length).toBeGreaterThanOrEqual(Math.floor(420 / cols) + 1);
    }
  });
});

describe('fokus review without a terminal', () => {
  it('refuses with exit 2 and a clear message, and writes nothing', () => {
    const r = spawnSync(process.execPath, [bin, 'review', 't.txt', '-c', 'cb.yaml', '-o', 'none.csv'], { cwd: dir, input: 'yyy', encoding: 'utf8' });
    expect([r.status, r.stdout, r.stderr]).toEqual([
      2,
      '',
      'fokus: review is interactive: it reads keys from a terminal, and stdin is not one (to apply decisions without one: fokus analyze --review FILE)\n',
    ]);
    expect(existsSync(join(dir, 'none.csv'))).toBe(false);
  });
});

/** A terminal standing in for process.stdin, in-process: raw mode recorded, the keys sent once the review listens. */
class FakeTerminal extends EventEmitter {
  isTTY = true;
  raw: boolean[] = [];
  constructor(private readonly keys: string) {
    super();
  }
  setRawMode(raw: boolean): this {
    this.raw.push(raw);
    return this;
  }
  resume(): this {
    setImmediate(() => this.emit('data', Buffer.from(this.keys)));
    return this;
  }
  pause(): this {
    return this;
  }
}

async function reviewInProcess(args: string[], keys: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string; raw: boolean[] }> {
  const stdin = new FakeTerminal(keys);
  const stdout = new BufferStream(true);
  const stderr = new BufferStream();
  const io: ReviewIO = { stdout, stderr, cwd: dir, env, stdin };
  const code = await main(['review', ...args], io);
  return { code, stdout: stdout.text, stderr: stderr.text, raw: stdin.raw };
}

describe('fokus review, wired to a terminal in-process', () => {
  beforeEach(async () => {
    await rm(join(dir, 'r.csv'), { force: true });
  });

  it('puts the terminal in raw mode and back, and draws at 80 columns when the width is unknown', async () => {
    const r = await reviewInProcess(['lang.txt', '-c', 'cb.yaml', '-o', 'r.csv'], 'yq');
    expect(r.code).toBe(0);
    expect(r.raw).toEqual([true, false]);
    expect(r.stderr).toBe('fokus: r.csv: 1 confirmed, 0 rejected, 0 added; 1 of 1 unit decided\n');
    const lines = r.stdout.replace(ESCAPES, '').split('\n');
    expect(Math.max(...lines.map((l) => Array.from(l).length))).toBe(80);
    expect(rowsOf('r.csv')).toHaveLength(1);
  });

  it('--category and --sample choose the units, the sampled one marked', async () => {
    const r = await reviewInProcess(['t.txt', '-c', 'cb.yaml', '-o', 'r.csv', '--category', 'finanzen', '--sample', '1'], 'yyyq');
    expect(r.code).toBe(0);
    expect(rowsOf('r.csv')).toEqual([row(6, 'finanzen', 'geld', 'confirmed'), row(8, '', '', 'confirmed'), row(9, 'finanzen', 'geld', 'confirmed')]);
    expect(r.stdout.replace(ESCAPES, '')).toContain('t.txt#8 · B3 · line 15 · sample: uncoded unit');
  });

  it('speaks German under a German locale: the screen, the help, the messages; the keys stay', async () => {
    const r = await reviewInProcess(['t.txt', '-c', 'cb.yaml', '-o', 'r.csv', '--category', 'finanzen', '--sample', '1'], 'y?xnyuq', { LANG: 'de_DE.UTF-8' });
    expect(r.code).toBe(0);
    const out = r.stdout.replace(ESCAPES, '');
    expect(out.split('\n').slice(0, 11)).toEqual([
      'fokus review · r.csv · Einheit 1 von 3 · 0 entschieden',
      't.txt#6 · B1 · Zeile 11',
      '─'.repeat(80),
      '  B4: Der Raum und das Personal sind knapp.',
      '',
      '  B1: Ohne Geld geht nichts.',
      '',
      'Kodierungen:',
      '> 1. finanzen (Finanzen)',
      '       "Geld" — Begriff geld',
      '─'.repeat(80),
    ]);
    for (const line of [
      'y:bestätigen n:ablehnen a:ergänzen s:überspringen b:zurück u:rückgängig',
      'e:erklären q:beenden ?:Hilfe',
      't.txt#8 · B3 · Zeile 15 · Stichprobe: unkodierte Einheit',
      'Keine Kodierung: passt eine Kategorie?',
      'finanzen bestätigt',
      'n: die aktuelle Kodierung ablehnen',
      'Eine beliebige Taste führt zurück.',
      't.txt#8: nichts zu kodieren',
      'rückgängig gemacht: bestätigt (nichts zu kodieren) in t.txt#8',
    ]) {
      expect(out.split('\n')).toContain(line);
    }
    expect(out.replace(/\s+/gu, ' ')).toContain('nichts abzulehnen: a ergänzt eine Kategorie, y sagt, dass nichts zu kodieren ist');
    expect(out).not.toMatch(/decided|confirm|Codings|Press any key/u);
    expect(r.stderr).toBe('fokus: r.csv: 1 bestätigt, 0 abgelehnt, 0 ergänzt; 1 von 3 Einheiten entschieden\n');
    expect(rowsOf('r.csv')).toEqual([row(6, 'finanzen', 'geld', 'confirmed')]);
  });

  it('refuses a category the codebook lacks, a folder as the review file, a file it cannot append to, and an input file', async () => {
    expect(await reviewInProcess(['t.txt', '-c', 'cb.yaml', '-o', 'r.csv', '--category', 'sonstiges'], 'q')).toMatchObject({
      code: 2,
      stderr: "fokus: no category 'sonstiges' in codebook 'Review-Test'\n",
    });
    expect(await reviewInProcess(['t.txt', '-c', 'cb.yaml', '-o', '.'], 'q')).toMatchObject({ code: 2, stderr: 'fokus: . is a folder; name the review file to write (e.g. review.csv)\n' });
    await writeFile(join(dir, 'other.csv'), 'transcript;segment;category;text;decision\nt.txt;2;bedarfe;Wir brauchen mehr Personal.;confirmed\n');
    expect(await reviewInProcess(['t.txt', '-c', 'cb.yaml', '-o', 'other.csv'], 'q')).toMatchObject({
      code: 2,
      stderr: 'fokus: other.csv is not a review file fokus can append to: its header must be transcript,segment,speaker,start,end,line,category,matched,text,decision (comma-separated, no BOM); write to a new file\n',
    });
    await writeFile(join(dir, 'bad.csv'), `${HEADER}\n${row(2, 'bedarfe', 'brauch*', 'ok')}\n`);
    expect(await reviewInProcess(['t.txt', '-c', 'cb.yaml', '-o', 'bad.csv'], 'q')).toMatchObject({
      code: 2,
      stderr: 'bad.csv:2:60: error: decision "ok" is not a decision: one of confirmed, rejected, added\n',
    });
    expect(await reviewInProcess(['t.txt', '-c', 'cb.yaml', '-o', 'cb.yaml'], 'q')).toMatchObject({ code: 2, stderr: 'fokus: refusing to write the review to cb.yaml: it is an input file\n' });
  });
});

/** The review used by `analyze --review` below. */
const DECISIONS = [
  row(2, 'bedarfe/personal', 'personal*', 'rejected'),
  row(4, 'vernetzung', 'netzwerk*', 'confirmed'),
  row(7, 'vernetzung', '', 'added'),
  row(5, 'bedarfe/raeume', 'raum*', 'rejected'),
  't.txt,6,B1,,,11,finanzen,geld,Ohne Geld geht gar nichts.,rejected',
  't.txt,30,B1,,,59,finanzen,,Geld.,added',
];

const STALE = [
  "review.csv:6:1: warning: the text of t.txt#6 has changed since the decision (review the unit again); the decision 'rejected' for finanzen is not applied",
  "review.csv:7:1: warning: unit t.txt#30 no longer exists (t.txt has 9 units; code with the --unit the review was made with); the decision 'added' for finanzen is not applied",
  '',
].join('\n');

describe('fokus analyze --review', () => {
  beforeAll(async () => {
    await writeFile(join(dir, 'review.csv'), [HEADER, ...DECISIONS, ''].join('\n'));
  });

  it('overrides the rules: rejected codings and their roll-ups go, added ones come with source review; stale decisions are warned about', async () => {
    await rm(join(dir, 'out'), { recursive: true, force: true });
    const run = await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '--review', 'review.csv', '-o', 'out', '-q', '-f', 'csv'], dir);
    expect(run.stderr).toBe(STALE);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'category,label,level,segments,share,matches,transcripts,speakers',
        'bedarfe,Bedarfe,1,4,0.5000,5,1,3',
        'bedarfe/personal,Personal,2,3,0.3750,3,1,2',
        'bedarfe/raeume,Räume,2,0,0.0000,0,0,0',
        'vernetzung,Vernetzung,1,2,0.2500,1,1,2',
        'finanzen,Finanzen,1,2,0.2500,2,1,2',
        '',
      ].join('\n'),
    );
    expect(await readFile(join(dir, 'out/segments.csv'), 'utf8')).toBe(
      [
        'transcript,segment,speaker,start,end,line,category,matched,source,text',
        `t.txt,2,B1,,,3,bedarfe,brauch*,rule,${textOf(2)}`,
        `t.txt,3,B2,,,5,bedarfe,personal*,rule,${textOf(3)}`,
        `t.txt,3,B2,,,5,bedarfe/personal,personal*,rule,${textOf(3)}`,
        `t.txt,4,B3,,,7,vernetzung,netzwerk*,rule,${textOf(4)}`,
        `t.txt,5,B4,,,9,bedarfe,personal*,rule,${textOf(5)}`,
        `t.txt,5,B4,,,9,bedarfe/personal,personal*,rule,${textOf(5)}`,
        `t.txt,6,B1,,,11,finanzen,geld,rule,${textOf(6)}`,
        `t.txt,7,B2,,,13,vernetzung,,review,${textOf(7)}`,
        `t.txt,9,B4,,,17,bedarfe,brauch*|personal*,rule,${textOf(9)}`,
        `t.txt,9,B4,,,17,bedarfe/personal,personal*,rule,${textOf(9)}`,
        `t.txt,9,B4,,,17,finanzen,geld,rule,${textOf(9)}`,
        '',
      ].join('\n'),
    );
    // Frequencies alone (no output folder: units are counted without evidence unless reviewed) are the same.
    const alone = await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '--review', 'review.csv', '-q', '-f', 'csv'], dir);
    expect([alone.stdout, alone.stderr]).toEqual([run.stdout, STALE]);
    const report = JSON.parse(await readFile(join(dir, 'out/report.json'), 'utf8')) as {
      options: { review: unknown };
      units: { segment: number; codings: { category: string; source: string; hits: number; matches: unknown[] }[] }[];
      problems: { ruleId: string }[];
    };
    const sha256 = createHash('sha256').update(await readFile(join(dir, 'review.csv'), 'utf8')).digest('hex');
    expect(report.options.review).toEqual([{ path: 'review.csv', sha256 }]);
    expect(report.units.find((u) => u.segment === 7)!.codings).toEqual([{ category: 'vernetzung', hits: 0, matches: [], segment: 7, source: 'review', transcript: 't.txt' }]);
    expect(report.units.find((u) => u.segment === 2)!.codings.map((c) => [c.category, c.source, c.hits])).toEqual([['bedarfe', 'rule', 1]]);
    expect(report.problems.map((p) => p.ruleId)).toEqual(['review/stale', 'review/stale']);
    const html = await readFile(join(dir, 'out/report.html'), 'utf8');
    expect(html).toContain('<code title="sha256 ' + sha256 + '">review.csv</code>');
    expect(html).toContain('<p class="legend review-legend"><span class="reviewed">✎</span> von einer Person im Review kodiert (fokus review), nicht von einer Regel:');
    const quote7 = html.slice(html.indexOf('data-unit="t.txt#7"'));
    expect(quote7.slice(0, quote7.indexOf('</figure>'))).toContain(
      '<figcaption><span class="reviewed" title="Vernetzung: von einer Person im Review kodiert (fokus review), nicht von einer Regel">✎ Vernetzung</span> · <span class="speaker">B2</span>',
    );
    const quote4 = html.slice(html.indexOf('data-unit="t.txt#4"'));
    expect(quote4.slice(0, quote4.indexOf('</figure>'))).not.toContain('reviewed');
  });

  it('gives the same files with worker threads (the installed command, --jobs 2)', async () => {
    await rm(join(dir, 'one'), { recursive: true, force: true });
    await rm(join(dir, 'two'), { recursive: true, force: true });
    const one = await runCli(['analyze', 't.txt', 'lang.txt', '-c', 'cb.yaml', '--review', 'review.csv', '-o', 'one', '-q'], dir);
    const two = spawnSync(process.execPath, [bin, 'analyze', 't.txt', 'lang.txt', '-c', 'cb.yaml', '--review', 'review.csv', '-o', 'two', '-q', '--jobs', '2'], { cwd: dir, encoding: 'utf8' });
    expect([one.code, one.stderr]).toEqual([0, STALE]);
    expect([two.status, two.stderr]).toEqual([0, STALE]);
    for (const f of ['segments.csv', 'report.json', 'report.html', 'frequencies.csv']) {
      const a = (await readFile(join(dir, 'one', f), 'utf8')).replace(/"version": "[^"]*"/u, '');
      const b = (await readFile(join(dir, 'two', f), 'utf8')).replace(/"version": "[^"]*"/u, '');
      expect(b, f).toBe(a);
    }
    expect(await readFile(join(dir, 'one/segments.csv'), 'utf8')).toContain(`t.txt,7,B2,,,13,vernetzung,,review,${textOf(7)}`);
    // Frequencies alone: lang.txt (no decisions) is counted without codings, t.txt with them; the same figures.
    const alone = await runCli(['analyze', 't.txt', 'lang.txt', '-c', 'cb.yaml', '--review', 'review.csv', '-q', '-f', 'csv'], dir);
    expect(alone.stdout).toBe(await readFile(join(dir, 'one/frequencies.csv'), 'utf8'));
  });

  it('warns once per transcript that is not among the inputs', async () => {
    const run = await runCli(['analyze', 'lang.txt', '-c', 'cb.yaml', '--review', 'review.csv', '-q', '-f', 'csv'], dir);
    expect(run.stderr).toBe("review.csv:2:1: warning: transcript 't.txt' is not among the inputs; its 6 decisions are not applied\n");
    expect(run.code).toBe(0);
  });

  it('stops before anything is written when a review file is broken or missing', async () => {
    await writeFile(join(dir, 'broken.csv'), 'transcript,segment\nt.txt,2\n');
    await rm(join(dir, 'none'), { recursive: true, force: true });
    const run = await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '--review', 'broken.csv', '--review', 'missing.csv', '-o', 'none', '-q'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      [
        'broken.csv:1:1: error: missing columns "category", "text", "decision" (found: transcript, segment); a review file has the columns transcript,segment,speaker,start,end,line,category,matched,text,decision',
        'missing.csv: error: no such file or folder',
        '',
      ].join('\n'),
    );
    expect(existsSync(join(dir, 'none'))).toBe(false);
  });

  it('show --review lists the coded units with the decisions applied', async () => {
    const run = await runCli(['show', 't.txt', '-c', 'cb.yaml', '--category', 'vernetzung', '--review', 'review.csv', '-f', 'csv'], dir);
    expect(run.stdout).toBe(
      [
        'transcript,segment,speaker,start,end,line,category,matched,source,text',
        `t.txt,4,B3,,,7,vernetzung,netzwerk*,rule,${textOf(4)}`,
        `t.txt,7,B2,,,13,vernetzung,,review,${textOf(7)}`,
        '',
      ].join('\n'),
    );
    expect(run.stderr).toBe(STALE + 'fokus: 2 units coded with vernetzung\n');
  });

  it('export --review writes the reviewed codings into the REFI-QDA project', async () => {
    const run = await runCli(['export', 't.txt', '-c', 'cb.yaml', '--review', 'review.csv', '--qdpx', 'p.qdpx'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(STALE + 'fokus: 1 transcript, 7 coded units (11 codings) written to p.qdpx\n');
    const files = unzipSync(new Uint8Array(await readFile(join(dir, 'p.qdpx'))));
    const qde = new TextDecoder().decode(files['project.qde']!);
    expect(qde).toContain('name="t.txt#7"');
    expect(qde).toContain('<Description>vernetzung: review</Description>');
  });
});

describe('a review file as a coding', () => {
  const GOLD = [
    row(2, 'bedarfe', 'brauch*', 'confirmed'),
    row(2, 'bedarfe/personal', 'personal*', 'rejected'),
    row(3, 'bedarfe/personal', 'personal*', 'rejected'),
    row(4, 'vernetzung', 'netzwerk*', 'confirmed'),
    row(4, 'bedarfe/raeume', '', 'added'),
    row(7, 'vernetzung', '', 'added'),
  ];
  beforeAll(async () => {
    await writeFile(join(dir, 'gold.csv'), [HEADER, ...GOLD, ''].join('\n'));
    await rm(join(dir, 'rules'), { recursive: true, force: true });
    expect((await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '-o', 'rules', '-q', '-f', 'csv'], dir)).code).toBe(0);
  });

  it('evaluate: confirmed and added categories are codings, a unit with only rejected ones is seen and uncoded', async () => {
    const run = await runCli(['evaluate', 't.txt', '-c', 'cb.yaml', '--gold', 'gold.csv', '-f', 'csv'], dir);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe(
      [
        'category,label,tp,fp,fn,precision,recall,f1,kappa',
        'bedarfe,Bedarfe,1,3,1,0.2500,0.5000,0.3333,0.0000',
        'bedarfe/personal,Personal,0,4,0,0.0000,,0.0000,0.0000',
        'bedarfe/raeume,Räume,0,1,1,0.0000,0.0000,0.0000,-0.1429',
        'vernetzung,Vernetzung,1,0,1,1.0000,0.5000,0.6667,0.6000',
        'finanzen,Finanzen,0,2,0,0.0000,,0.0000,0.0000',
        '(micro),,2,10,3,0.1667,0.4000,0.2353,',
        '(macro),,,,,0.2500,0.3333,0.2000,0.0914',
        '',
      ].join('\n'),
    );
  });

  it('agree: a review file against the rules’ segments.csv', async () => {
    // 7 units (#2–#7, #9); bedarfe: the review codes #2, the rules #2, #3, #5, #9 → 4/7 agree, kappa 6/27,
    // alpha 1 − 13·3/(9·5) = 6/45, Brennan–Prediger 2·4/7 − 1; vernetzung: review #4, #7, rules #4 → 6/7, 10/17, 20/33, 5/7.
    const run = await runCli(['agree', 'gold.csv', 'rules/segments.csv', '-f', 'csv'], dir);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('category,units,coded,percent,cohen_kappa,fleiss_kappa,alpha,brennan_prediger');
    expect(lines).toContain('bedarfe,7,1|4,0.5714,0.2222,,0.1333,0.1429');
    expect(lines).toContain('vernetzung,7,2|1,0.8571,0.5882,,0.6061,0.7143');
  });

  it('a bad decision in a coding is an error with its place', async () => {
    await writeFile(join(dir, 'bad-gold.csv'), [HEADER, row(2, 'bedarfe', 'brauch*', 'yes'), ''].join('\n'));
    const run = await runCli(['evaluate', 't.txt', '-c', 'cb.yaml', '--gold', 'bad-gold.csv'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('bad-gold.csv:2:60: error: decision "yes" is not a decision: one of confirmed, rejected, added\n');
  });
});
