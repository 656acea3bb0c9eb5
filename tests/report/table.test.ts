import { describe, expect, it } from 'vitest';
import { formatPercent, renderTable, shareBar } from '../../src/report/table.js';
import { smallReport } from './report.js';

const ESC = '\u001b';

describe('shareBar', () => {
  it('draws 12 cells with eighth blocks', () => {
    expect([shareBar(0.375), shareBar(0), shareBar(1), shareBar(1 / 96), shareBar(0.999), shareBar(1.5), shareBar(NaN)]).toEqual([
      '████▌       ',
      '            ',
      '████████████',
      '▏           ',
      '████████████',
      '████████████',
      '            ',
    ]);
  });
});

describe('formatPercent', () => {
  it('gives one decimal', () => {
    expect([formatPercent(0.375), formatPercent(0), formatPercent(1), formatPercent(2 / 3)]).toEqual(['37.5%', '0.0%', '100.0%', '66.7%']);
  });
});

describe('renderTable', () => {
  it('draws header, indented categories, bars and the perspectives that reach min_support', () => {
    expect(renderTable(smallReport(), { color: false })).toBe(
      [
        'Test 1.0',
        '2 transcripts, 10 units (8 codable), 5 speakers',
        '',
        'category    label                    segments  share                matches  transcripts  speakers',
        'bedarfe     Bedarfe                         3  ████▌         37.5%        4            2         3',
        '  personal  Personal und Fachkräfte         1  █▌            12.5%       12            1         1',
        'vernetzung  Vernetzung                      0                 0.0%        0            0         0',
        '',
        'Co-occurrence (unit scope, units)',
        '             1 2',
        '1 bedarfe    · 1',
        '2 vernetzung 1 ·',
        '',
        'Perspectives',
        '  Netzwerk (netz): 2 units, 2 transcripts, 2 speakers',
        '',
      ].join('\n'),
    );
  });

  it('cuts labels to fit a narrow terminal and names skipped files', () => {
    const report = smallReport();
    report.totals = { transcripts: 1, units: 1, codableUnits: 1, speakers: 1, skipped: 1 };
    report.perspectives = [];
    delete report.codebook.version;
    expect(renderTable(report, { color: false, width: 70 })).toBe(
      [
        'Test',
        '1 transcript, 1 unit (1 codable), 1 speaker, 1 file skipped',
        '',
        'category    label     segments  share                matches  transcripts  speakers',
        'bedarfe     Bedarfe          3  ████▌         37.5%        4            2         3',
        '  personal  Persona…         1  █▌            12.5%       12            1         1',
        'vernetzung  Vernetz…         0                 0.0%        0            0         0',
        '',
        'Co-occurrence (unit scope, units)',
        '             1 2',
        '1 bedarfe    · 1',
        '2 vernetzung 1 ·',
        '',
      ].join('\n'),
    );
  });

  it('lists emergent perspectives after the declared ones, with their lift', () => {
    const report = smallReport();
    report.cooccurrence = [];
    report.perspectives.push({
      code: 'bedarfe+vernetzung',
      label: 'Bedarfe × Vernetzung: Austausch, Plattform',
      kind: 'emergent',
      scope: 'unit',
      support: 4,
      minSupport: 3,
      transcripts: ['t1.txt'],
      speakers: ['t1.txt:A', 't1.txt:B'],
      categories: ['bedarfe', 'vernetzung'],
      evidence: ['t1.txt#1', 't1.txt#2', 't1.txt#3', 't1.txt#4'],
      lift: 2.345,
      p: 0.01,
    });
    expect(renderTable(report, { color: false }).split('\n').slice(-7)).toEqual([
      '',
      'Perspectives',
      '  Netzwerk (netz): 2 units, 2 transcripts, 2 speakers',
      '',
      'Emergent perspectives',
      '  Bedarfe × Vernetzung: Austausch, Plattform (bedarfe+vernetzung): 4 units, 1 transcript, 2 speakers, lift 2.3',
      '',
    ]);
  });

  it('names the transcripts and the evidence units of a transcript-scope perspective', () => {
    const report = smallReport();
    report.cooccurrence = [];
    report.perspectives[1]!.minSupport = 1;
    expect(renderTable(report, { color: false }).split('\n').slice(-3)).toEqual([
      '  Netzwerk (netz): 2 units, 2 transcripts, 2 speakers',
      '  Selten (selten): 1 transcript, 1 unit, 1 speaker',
      '',
    ]);
  });

  it('lists at most ten emergent perspectives and says how many more there are', () => {
    const report = smallReport();
    report.cooccurrence = [];
    report.perspectives = Array.from({ length: 12 }, (_, i) => ({
      code: `p${i + 1}`,
      label: `P${i + 1}`,
      kind: 'emergent' as const,
      scope: 'unit' as const,
      support: 3,
      minSupport: 3,
      transcripts: ['t'],
      speakers: ['t:A'],
      categories: [],
      evidence: [],
      lift: 2,
    }));
    const lines = renderTable(report, { color: false }).split('\n');
    expect(lines.slice(lines.indexOf('Emergent perspectives'))).toEqual([
      'Emergent perspectives',
      ...Array.from({ length: 10 }, (_, i) => `  P${i + 1} (p${i + 1}): 3 units, 1 transcript, 1 speaker, lift 2.0`),
      '  … and 2 more in perspectives.csv and report.json',
      '',
    ]);
  });

  it('falls back to the top-level matrix when the full one is too wide, and says so when even that does not fit', () => {
    const report = smallReport();
    report.options.cooccurScope = 'window:3';
    report.cooccurrence = [
      { a: 'bedarfe', b: 'vernetzung', segments: 12, jaccard: 0.5 },
      { a: 'bedarfe/personal', b: 'vernetzung', segments: 3, jaccard: 0.25 },
    ];
    const lines = (width: number): string[] => {
      const all = renderTable(report, { color: false, width }).split('\n');
      return all.slice(all.indexOf('') + 1 + 5, all.indexOf('Perspectives') - 1);
    };
    expect(lines(100)).toEqual([
      'Co-occurrence (window:3 scope, units)',
      '              1  2  3',
      '1 bedarfe     ·    12',
      '2   personal     ·  3',
      '3 vernetzung 12  3  ·',
    ]);
    expect(lines(20)).toEqual([
      'Co-occurrence of top-level categories (window:3 scope, units)',
      '              1  2',
      '1 bedarfe     · 12',
      '2 vernetzung 12  ·',
    ]);
    expect(lines(15)).toEqual(['Co-occurrence: too wide for 15 columns; see cooccurrence.csv or report.html']);
  });

  it('colours only when asked, with the same text underneath', () => {
    const coloured = renderTable(smallReport(), { color: true });
    const plain = renderTable(smallReport(), { color: false });
    expect(plain).not.toContain(ESC);
    expect(coloured).toContain(`${ESC}[1mTest 1.0${ESC}[22m`);
    expect(coloured).toContain(`${ESC}[32m████▌         37.5%${ESC}[39m`);
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });
});
