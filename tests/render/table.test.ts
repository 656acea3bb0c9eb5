import { describe, expect, it } from 'vitest';
import { formatPercent, renderTable, shareBar } from '../../src/render/table.js';
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
      ].join('\n'),
    );
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
