import { describe, expect, it } from 'vitest';
import { buildCategoryReport } from '../../../src/report/category/model.js';
import { miniCodebook, miniReport } from './fixture.js';

describe('buildCategoryReport', () => {
  const model = buildCategoryReport(miniReport(), miniCodebook(), 'de');

  it('lists every category in codebook order with what the codebook says of it', () => {
    expect(model.categories.map((c) => [c.path, c.code, c.label, c.level])).toEqual([
      ['bedarfe', 'bedarfe', 'Bedarfe', 1],
      ['bedarfe/personal', 'personal', 'Personal', 2],
      ['netz', 'netz', 'Vernetzung', 1],
    ]);
    const [bedarfe, personal] = model.categories;
    expect(bedarfe!.definition).toBe('Fehlende Angebote oder Ressourcen.');
    expect([bedarfe!.examples, bedarfe!.counterexamples]).toEqual([['Wir brauchen mehr Personal.'], ['Da fehlt uns nichts.']]);
    expect(bedarfe!.rules).toEqual({ terms: ['brauch*'], rules: [{ rule: 'all: mehr, personal*', not: ['kein*'] }], exclude: ['kein* bedarf*'] });
    expect(personal!.definition).toBeUndefined();
  });

  it('gives the frequencies of all codable units, then one line per group (units without a group as null)', () => {
    expect(model.byGroup).toBe(true);
    expect(model.categories[1]!.frequencies).toEqual([
      { segments: 1, share: 0.25, transcripts: 1, speakers: 1 },
      { group: null, segments: 0, share: 0, transcripts: 0, speakers: 0 },
      { group: 'Praxis', segments: 1, share: 0.5, transcripts: 1, speakers: 1 },
    ]);
  });

  it('quotes every coded unit of a category in transcript and segment order, never an uncoded one', () => {
    expect(model.categories.map((c) => c.quotes.map((q) => q.id))).toEqual([['t1.txt#2', 't2.md#5'], ['t1.txt#2'], ['t1.txt#2', 't2.md#5']]);
    expect(model.categories[0]!.quotes).toEqual([
      {
        id: 't1.txt#2',
        transcript: 't1.txt',
        segment: 2,
        speaker: 'B1',
        group: 'Praxis',
        time: '00:01:05–00:01:20',
        line: 3,
        text: 'Wir brauchen mehr Personal im *Netzwerk* | sofort.',
        marks: [
          { start: 4, end: 12, hits: ['brauch*'] },
          { start: 13, end: 17, hits: ['all: mehr, personal*'] },
          { start: 18, end: 26, hits: ['all: mehr, personal*'] },
          { start: 18, end: 26, hits: ['personal*'] },
        ],
        matched: ['brauch*', 'all: mehr, personal*', 'personal*'],
        reviewed: false,
      },
      { id: 't2.md#5', transcript: 't2.md', segment: 5, speaker: '', line: 10, text: '# Das Netzwerk\nbraucht Zeit.', marks: [], matched: [], reviewed: true },
    ]);
  });

  it('gives each perspective all its evidence, its categories by label, and names evidence the report lacks', () => {
    const [declared, emergent] = model.perspectives;
    expect(declared!.quotes.map((q) => [q.id, q.matched])).toEqual([
      ['t1.txt#2', ['brauch*', 'all: mehr, personal*', 'personal*', 'netzwerk*']],
      ['t2.md#5', ['netzwerk*']],
    ]);
    expect(declared!.quotes[0]!.marks.at(-1)).toEqual({ start: 31, end: 39, hits: ['Vernetzung: netzwerk*'] });
    expect([declared!.missing, declared!.categories, declared!.transcripts, declared!.speakers]).toEqual([['t3.txt#1'], ['Bedarfe', 'Vernetzung'], 3, 3]);
    expect([emergent!.kind, emergent!.lift, emergent!.p, emergent!.groups, emergent!.keyterms, emergent!.categories]).toEqual(['emergent', 2.5, 0.00004, ['Praxis'], ['netzwerk', 'zeit'], ['Personal', 'Vernetzung']]);
  });

  it('puts provenance on the title page, no date', () => {
    expect(model.title).toEqual({
      codebook: { name: 'Mini', version: '1.0', file: 'mini.yaml', sha256: 'c0ffee'.padEnd(64, '0') },
      program: 'fokus 9.9.9',
      participants: { path: 'tn.csv', sha256: 'abcdef0123456789'.padEnd(64, 'c') },
      review: [],
      inputs: [
        { id: 't1.txt', format: 'text', sha256: '1111222233334444'.padEnd(64, 'a') },
        { id: 't2.md', format: 'markdown', sha256: '5555666677778888'.padEnd(64, 'b') },
      ],
      totals: { transcripts: 2, units: 6, codableUnits: 4, speakers: 3, skipped: 0 },
      unit: 'turn',
      moderators: ['I'],
      where: [],
    });
  });

  it('has no group lines without a breakdown by group, or when no unit has a group', () => {
    const plain = buildCategoryReport({ ...miniReport(), breakdowns: [] }, miniCodebook(), 'en');
    expect([plain.byGroup, plain.locale, plain.categories.map((c) => c.frequencies.length)]).toEqual([false, 'en', [1, 1, 1]]);
    const none = miniReport();
    none.breakdowns[0]!.rows = none.breakdowns[0]!.rows.filter((r) => r.value === '(none)');
    expect(buildCategoryReport(none, miniCodebook(), 'de').byGroup).toBe(false);
  });
});
