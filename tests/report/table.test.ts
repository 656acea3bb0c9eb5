import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/lang/catalogue.js';
import { renderTable, shareBar } from '../../src/report/table.js';
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

describe('renderTable', () => {
  it('draws header, indented categories, bars and the perspectives that reach min_support', () => {
    expect(renderTable(smallReport(), { color: false, width: 120 })).toBe(
      [
        'Test 1.0',
        '2 transcripts, 10 units (8 codable), 5 speakers',
        '',
        'category    label                    segments  share               matches  transcripts  speakers',
        'bedarfe     Bedarfe                         3  ████▌        37.5%        4            2         3',
        '  personal  Personal und Fachkräfte         1  █▌           12.5%       12            1         1',
        'vernetzung  Vernetzung                      0                0.0%        0            0         0',
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

  it('fits 80 columns when the width is unknown: the label alone, the share as a percentage', () => {
    const report = smallReport();
    report.cooccurrence = [];
    report.perspectives = [];
    expect(renderTable(report, { color: false })).toBe(
      [
        'Test 1.0',
        '2 transcripts, 10 units (8 codable), 5 speakers',
        '',
        'category                   segments  share  matches  transcripts  speakers',
        'Bedarfe                           3  37.5%        4            2         3',
        '  Personal und Fachkräfte         1  12.5%       12            1         1',
        'Vernetzung                        0   0.0%        0            0         0',
        '',
      ].join('\n'),
    );
  });

  it('keeps code and label side by side, without the bar, when that fits', () => {
    const report = smallReport();
    report.cooccurrence = [];
    report.perspectives = [];
    expect(renderTable(report, { color: false, width: 90 }).split('\n').slice(3, 7)).toEqual([
      'category    label                    segments  share  matches  transcripts  speakers',
      'bedarfe     Bedarfe                         3  37.5%        4            2         3',
      '  personal  Personal und Fachkräfte         1  12.5%       12            1         1',
      'vernetzung  Vernetzung                      0   0.0%        0            0         0',
    ]);
  });

  it('wraps labels in a narrow terminal, never a number column, and names skipped files', () => {
    const report = smallReport();
    report.totals = { transcripts: 1, units: 1, codableUnits: 1, speakers: 1, skipped: 1 };
    report.perspectives = [];
    report.cooccurrence = [];
    delete report.codebook.version;
    const lines = renderTable(report, { color: false, width: 64 }).split('\n');
    expect(lines).toEqual([
      'Test',
      '1 transcript, 1 unit (1 codable), 1 speaker, 1 file skipped',
      '',
      'category         segments  share  matches  transcripts  speakers',
      'Bedarfe                 3  37.5%        4            2         3',
      '  Personal und          1  12.5%       12            1         1',
      '    Fachkräfte',
      'Vernetzung              0   0.0%        0            0         0',
      '',
    ]);
    expect(Math.max(...lines.map((l) => Array.from(l).length))).toBe(64);
  });

  it('speaks German with German messages: headings, counts, decimal commas', () => {
    const report = smallReport();
    report.cooccurrence = [];
    expect(renderTable(report, { color: false, messages: messagesFor('de') })).toBe(
      [
        'Test 1.0',
        '2 Transkripte, 10 Einheiten (8 kodierbar), 5 Sprecher:innen',
        '',
        'Kategorie                 Segmente  Anteil  Treffer  Transkripte  Sprecher:innen',
        'Bedarfe                          3  37,5\u202f%        4            2               3',
        '  Personal und                   1  12,5\u202f%       12            1               1',
        '    Fachkräfte',
        'Vernetzung                       0   0,0\u202f%        0            0               0',
        '',
        'Perspektiven',
        '  Netzwerk (netz): 2 Einheiten, 2 Transkripte, 2 Sprecher:innen',
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
    expect(renderTable(report, { color: false }).split('\n').slice(-8)).toEqual([
      '',
      'Perspectives',
      '  Netzwerk (netz): 2 units, 2 transcripts, 2 speakers',
      '',
      'Emergent perspectives',
      '  Bedarfe × Vernetzung: Austausch, Plattform (bedarfe+vernetzung): 4 units, 1',
      '    transcript, 2 speakers, lift 2.3',
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
      return all.slice(all.findIndex((l) => l.startsWith('Co-occurrence')), all.indexOf('Perspectives') - 1);
    };
    expect(lines(100)).toEqual([
      'Co-occurrence (window:3 scope, units)',
      '              1  2  3',
      '1 bedarfe     ·    12',
      '2   personal     ·  3',
      '3 vernetzung 12  3  ·',
    ]);
    expect(lines(20)).toEqual([
      'Co-occurrence of',
      'top-level categories',
      '(window:3 scope,',
      'units)',
      '              1  2',
      '1 bedarfe     · 12',
      '2 vernetzung 12  ·',
    ]);
    expect(lines(15)).toEqual(['Co-occurrence:', 'too wide for 15', 'columns; see', 'cooccurrence.cs', 'v or', 'report.html']);
  });

  it('colours only when asked, with the same text underneath', () => {
    const coloured = renderTable(smallReport(), { color: true, width: 120 });
    const plain = renderTable(smallReport(), { color: false, width: 120 });
    expect(plain).not.toContain(ESC);
    expect(coloured).toContain(`${ESC}[1mTest 1.0${ESC}[22m`);
    expect(coloured).toContain(`${ESC}[32m████▌        37.5%${ESC}[39m`);
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });
});
