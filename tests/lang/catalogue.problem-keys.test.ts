import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DE } from '../../src/lang/de/messages.js';
import { EN } from '../../src/lang/en/messages.js';
import { RULES, type RuleId } from '../../src/rules.js';

// Every problem fokus reports is said from a catalogue key: `problem.<rule id>` or
// `problem.<rule id>.<variant>`, or one of the sentences several rules share (SHARED). A rule
// without a key in both catalogues, a key naming no rule, a key the code uses but the catalogues
// lack, or a problem made with a bare English message fails here.

/** Sentences several readers share, by key prefix, and the rules that are raised only with them. */
const SHARED: Readonly<Record<string, readonly RuleId[]>> = {
  'problem.file.': ['codebook/unreadable', 'coding/file', 'participants/file', 'pseudonyms/file', 'ratings/file', 'read/file', 'review/file'],
  'problem.binary.': ['participants/binary', 'pseudonyms/binary', 'read/binary'],
  'problem.csv': ['coding/csv', 'participants/csv', 'pseudonyms/csv', 'ratings/csv', 'review/csv'],
  'problem.yaml-syntax': ['codebook/yaml', 'import/yaml', 'participants/yaml'],
  'problem.cue-timing.': ['read/srt-timing', 'read/vtt-timing'],
  'problem.row.': ['coding/segment', 'coding/transcript', 'review/unit'],
  // A .docx part refused for too many elements: "not read as a Word document: …" (read/docx.refused).
  'problem.read/docx.refused': ['read/too-many-elements'],
  // A zip problem inside a REFI-QDA project: "text source "…": …" with the zip rule's own message.
  'problem.source.': [],
};

const KEYS = Object.keys(EN);
const RULE_IDS = Object.keys(RULES) as RuleId[];
const ownKeys = (rule: string): string[] => KEYS.filter((k) => k === `problem.${rule}` || k.startsWith(`problem.${rule}.`));

/** Every .ts file below `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}
const SRC = join(import.meta.dirname, '../../src');
const FILES = sources(SRC).filter((f) => !relative(SRC, f).startsWith('lang/'));

describe('problem messages in the catalogues', () => {
  it('give every registered rule its key(s) in both languages, or name the shared sentences it is raised with', () => {
    const without = RULE_IDS.filter((r) => ownKeys(r).length === 0 && !Object.values(SHARED).some((rules) => rules.includes(r)));
    expect(without).toEqual([]);
    for (const r of RULE_IDS) for (const k of ownKeys(r)) expect([k, k in DE]).toEqual([k, true]);
  });

  it('have only keys of registered rules or of the shared sentences, and every shared prefix has its sentences', () => {
    const stray = KEYS.filter((k) => k.startsWith('problem.'))
      .filter((k) => !RULE_IDS.some((r) => k === `problem.${r}` || k.startsWith(`problem.${r}.`)))
      .filter((k) => !Object.keys(SHARED).some((prefix) => k.startsWith(prefix)));
    expect(stray).toEqual([]);
    expect(Object.keys(SHARED).filter((prefix) => !KEYS.some((k) => k.startsWith(prefix)))).toEqual([]);
  });

  it('hold every key the code names (a scan of src/)', () => {
    const used = new Set<string>();
    for (const file of FILES) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'((?:problem|part|cli|report|retrieval|count|table)\.[\w/.-]+)'/gu)) {
        if (!/\.(?:html|json|csv)$/u.test(m[1]!)) used.add(m[1]!); // report.html is a file, not a key
      }
    }
    expect(used.size).toBeGreaterThan(300);
    expect([...used].filter((k) => !(k in EN) || !(k in DE)).sort()).toEqual([]);
  });

  it('are how problems are made: no problem in src/ carries a bare English message', () => {
    const bare = FILES.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(SRC, file)}:${i + 1}` }))
        .filter(({ line }) => /severity: '(?:error|warning)'/u.test(line) && /\bmessage:\s*[`'"]/u.test(line))
        .map(({ at }) => at),
    );
    expect(bare).toEqual([]);
  });
});
