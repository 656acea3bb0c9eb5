import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plain } from '../plain.js';
import { analyze, codeInputs } from '../../src/analyze.js';
import { filterFiles, filterUnits, parseWhere, splitWhere } from '../../src/run/where.js';
import type { Participant, Unit } from '../../src/types.js';

// The `--where` filter of run/: parsing, the transcript key on the listing, the other keys on units,
// and what the pipeline's entry points give with it.

const repo = resolve(import.meta.dirname, '../..');
const participants: Participant[] = [
  { speaker: 'B1', attributes: { group: 'Praxis', role: 'Kita-Leitung' } },
  { speaker: 'B2', attributes: { group: 'Wissenschaft' } },
];

const unit = (segment: number, speaker: string, attributes: Record<string, string> = {}): Unit => ({
  transcript: 't.txt',
  segment,
  turn: segment,
  speaker,
  moderator: false,
  line: segment,
  text: '',
  attributes,
});

describe('parseWhere', () => {
  it('groups the values by key (OR within a key, AND across keys), the transcript key apart', () => {
    const { filter, problems } = parseWhere(['group=Praxis', 'Speaker=B 1', 'transcript=a.txt', 'group=Wissenschaft', 'group=praxis'], participants, true);
    expect(problems).toEqual([]);
    expect(filter).toEqual({
      transcript: { key: 'transcript', values: ['a.txt'], keys: ['a.txt'] },
      units: [
        { key: 'group', values: ['Praxis', 'Wissenschaft'], keys: ['praxis', 'wissenschaft'] },
        { key: 'speaker', values: ['B 1'], keys: ['b1'] },
      ],
      shown: ['group=Praxis', 'speaker=B 1', 'transcript=a.txt', 'group=Wissenschaft'],
    });
    expect(parseWhere([], participants, true)).toEqual({ filter: null, problems: [] });
  });

  it('an unknown key, or a column without a participants file, is an error (options/where), every one at once', () => {
    const { filter, problems } = parseWhere(['rolle=x', 'group=y'], [], false);
    expect(filter).toBeNull();
    expect(problems.map((p) => [p.file, p.severity, p.ruleId, p.message])).toEqual([
      ['--where', 'error', 'options/where', "'rolle=x': there is no participants file (-p), so 'rolle' names nothing; without one --where takes speaker or transcript"],
      ['--where', 'error', 'options/where', "'group=y': there is no participants file (-p), so 'group' names nothing; without one --where takes speaker or transcript"],
    ]);
    expect(parseWhere(['rolle=x'], participants, true).problems.map((p) => p.message)).toEqual([
      "'rolle=x': the participants file has no column 'rolle' (columns: group, role); --where takes speaker, transcript or a participants column",
    ]);
    expect(parseWhere(['x'], participants, true).problems.map((p) => p.message)).toEqual(["'x' is not KEY=VALUE (e.g. group=Praxis, speaker=B1, transcript=interview.txt)"]);
  });

  it('splits at the first =, so a value may hold one', () => {
    expect(splitWhere(' Role = a=b ')).toEqual({ key: 'role', value: 'a=b' });
  });
});

describe('filterUnits and filterFiles', () => {
  it('keeps the units every key holds for, counting the units each value matches on its own', () => {
    const { filter } = parseWhere(['group=Praxis', 'group=Wissenschaft', 'speaker=B1', 'speaker=B9'], participants, true);
    const units = [unit(1, 'B1', { group: 'Praxis' }), unit(2, 'B2', { group: 'Wissenschaft' }), unit(3, 'b 1', { group: 'praxis' }), unit(4, 'B3'), unit(5, '')];
    const out = filterUnits(units, filter!);
    expect(out.kept.map((u) => u.segment)).toEqual([1, 3]);
    expect(out.left).toEqual([2, 4, 5]);
    expect(out.matched).toEqual([
      [2, 1],
      [2, 0],
    ]);
  });

  it('takes a column named constructor like any other: a unit without it has no value', () => {
    const withColumn: Participant[] = [{ speaker: 'B1', attributes: Object.fromEntries([['constructor', 'x']]) }];
    const { filter, problems } = parseWhere(['constructor=x'], withColumn, true);
    expect(problems).toEqual([]);
    const out = filterUnits([unit(1, 'B1', Object.fromEntries([['constructor', 'X']])), unit(2, 'B2')], filter!);
    expect([out.kept.map((u) => u.segment), out.matched]).toEqual([[1], [[1]]]);
  });

  it('names a transcript by its id or path, with or without extension, whole or after a /; warns for a value that names none', () => {
    const files = [
      { path: 'a/x.txt', id: 'a/x.txt' },
      { path: 'b/x.txt', id: 'b/x.txt' },
      { path: 'b/y.md', id: 'b/y.md' },
    ];
    const kept = (...values: string[]) => filterFiles(files, parseWhere(values.map((v) => `transcript=${v}`), [], false).filter, repo).files.map((f) => f.id);
    expect(kept('x')).toEqual(['a/x.txt', 'b/x.txt']);
    expect(kept('A/X')).toEqual(['a/x.txt']);
    expect(kept('y.md', 'a\\x.txt')).toEqual(['a/x.txt', 'b/y.md']);
    expect(kept('./b/y')).toEqual(['b/y.md']);
    expect(kept('.txt', 'b')).toEqual([]);
    const none = filterFiles(files, parseWhere(['transcript=z', 'transcript=x'], [], false).filter, repo);
    expect(none.problems.map((p) => [p.severity, p.ruleId, p.message])).toEqual([['warning', 'options/where-no-match', 'transcript=z matches no transcript (transcripts: a/x.txt, b/x.txt, b/y.md)']]);
    expect(filterFiles(files, null, repo).files).toEqual(files);
  });
});

describe('the pipeline with a filter', () => {
  const inputs = [resolve(repo, 'samples')];
  const base = { cwd: repo, participants: 'samples/participants.csv' };

  it('codeInputs gives exactly the units of the unfiltered run the filter holds for, with the same numbers and codings', async () => {
    const all = await codeInputs(inputs, base);
    const some = await codeInputs(inputs, { ...base, where: ['group=Zielgruppe', 'transcript=fokusgruppe-1-kita-grundschule.txt', 'transcript=fokusgruppe-2-ganztag'] });
    expect(some.problems).toEqual(all.problems);
    const expected = all.coded!.units.filter((u) => u.attributes.group === 'Zielgruppe' && !u.transcript.startsWith('fokusgruppe-3'));
    // The turns of B3 (10 labels in transcript 1), Heike (8 labels, two in a row: 7 turns) and Jonas (4) in transcript 2.
    const count = (speaker: string): number => expected.filter((u) => u.speaker === speaker).length;
    expect([expected.length, count('B3'), count('Heike'), count('Jonas')]).toEqual([21, 10, 7, 4]);
    expect(some.coded!.units).toEqual(expected);
    expect(some.coded!.transcripts.map((t) => t.id)).toEqual(['fokusgruppe-1-kita-grundschule.txt', 'fokusgruppe-2-ganztag.md']);
    // Every file listed is protected from being overwritten, read or not.
    expect(some.coded!.inputPaths).toEqual(all.coded!.inputPaths);
  }, 60_000);

  it('analyze: the filter in options.where, the totals of the units kept, a no-match warning in the problems', async () => {
    const { report, problems } = await analyze(inputs, { ...base, where: ['speaker=Elif', 'speaker=Niemand'] });
    expect(report!.options.where).toEqual(['speaker=Elif', 'speaker=Niemand']);
    expect(report!.totals).toEqual({ transcripts: 1, units: 6, codableUnits: 6, speakers: 1, skipped: 0 });
    expect(report!.frequencies.every((f) => f.speakers <= 1 && f.transcripts <= 1)).toBe(true);
    const warning = { file: '--where', severity: 'warning', message: 'speaker=Niemand matches no unit', ruleId: 'options/where-no-match' };
    expect(plain(problems.filter((p) => p.file === '--where'))).toEqual([warning]);
    expect(plain(report!.problems)).toContainEqual(warning);
  }, 60_000);
});
