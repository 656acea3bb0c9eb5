/**
 * `--help` says which options are required: every option commander enforces (`requiredOption`)
 * ends in "(required)", and no other option does, for every command and codebook subcommand.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

/** The options of a help text: flags and the whole description (continuation lines joined). */
function options(help: string): Map<string, string> {
  const section = help.split(/^Options:\n/mu)[1]?.split(/\n\n/u)[0] ?? '';
  const entries = new Map<string, string>();
  let last: string | undefined;
  for (const line of section.split('\n')) {
    const entry = /^ {2}(-[^\s,]+(?:, -[^\s,]+)?(?: <[^>]+>| \[[^\]]+\])?)\s+(.*)$/u.exec(line);
    if (entry) {
      last = entry[1]!;
      entries.set(last, entry[2]!);
    } else if (last !== undefined && line.trim() !== '') {
      entries.set(last, `${entries.get(last)!} ${line.trim()}`);
    }
  }
  return entries;
}

const REQUIRED: Record<string, string[]> = {
  analyze: [],
  report: ['-o, --out <file>'],
  show: ['--category <code>'],
  kwic: [],
  explain: ['--segment <id>'],
  suggest: [],
  agree: [],
  evaluate: ['--gold <coding>'],
  learn: ['--gold <coding>'],
  export: ['--qdpx <out>'],
  init: [],
  pseudonymise: ['-m, --map <file>', '-o, --out <dir>'],
  review: ['-o, --out <file>'],
  'codebook check': [],
  'codebook import': [],
  'codebook export': ['--qdc <out>'],
  'codebook schema': [],
};

describe('--help marks the required options', () => {
  for (const [command, required] of Object.entries(REQUIRED)) {
    it(`fokus ${command} --help`, async () => {
      const run = await runCli([...command.split(' '), '--help'], process.cwd());
      expect(run.code).toBe(0);
      const entries = options(run.stdout);
      expect(entries.has('-h, --help')).toBe(true);
      const marked = [...entries].filter(([, text]) => text.endsWith(' (required)')).map(([flags]) => flags);
      expect(marked).toEqual(required);
    });
  }

  it('the mark follows the description', async () => {
    const run = await runCli(['export', '--help'], process.cwd());
    expect(options(run.stdout).get('--qdpx <out>')).toBe('the .qdpx file to write (required)');
  });

  it('learn -o, needed unless --dry-run, says so', async () => {
    const run = await runCli(['learn', '--help'], process.cwd());
    expect(options(run.stdout).get('-o, --out <file>')).toMatch(/ \(required unless --dry-run\)$/u);
  });

  it('every command of fokus --help is covered here', async () => {
    const run = await runCli(['--help'], process.cwd());
    const commands = [...run.stdout.matchAll(/^ {2}([a-z]+)(?:\|[a-z]+)?(?: \[options\])?(?: [<[][^\n]*)?  /gmu)].map((m) => m[1]!).filter((c) => c !== 'help' && c !== 'codebook');
    expect(commands.sort()).toEqual(Object.keys(REQUIRED).filter((c) => !c.startsWith('codebook')).sort());
  });
});
