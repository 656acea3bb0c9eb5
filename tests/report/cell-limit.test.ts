import { describe, expect, it } from 'vitest';
import { plain } from '../plain.js';
import { parseCsv } from '../../src/deps.js';
import { cellCutProblem, cellCuts, cutText, EXCEL_CELL_LIMIT, fitCell, fitList } from '../../src/report/cell-limit.js';
import { renderPerspectivesCsv, renderSegmentsCsv, renderSegmentsRows } from '../../src/report/csv.js';
import { reportFiles } from '../../src/report/files.js';
import { toCsv, unguardFormula } from '../../src/report/format.js';
import { renderEvaluationErrorsCsv } from '../../src/reliability/evaluation-render.js';
import type { Evaluation } from '../../src/reliability/evaluation.js';
import type { PerspectiveResult } from '../../src/types.js';
import { unit } from '../analysis/build.js';
import { smallReport } from './report.js';

// Excel takes at most 32 767 UTF-16 code units in a cell. Inputs here are generated past that limit.

/** Ids `t#00000`, `t#00001`, …: 7 code units each, 8 with the `|` between two. */
const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `t#${String(i).padStart(5, '0')}`);

/** The cells of CSV text (either dialect), header row included. */
const cells = (text: string, delimiter = ','): string[][] => parseCsv(text, { bom: true, delimiter, relax_column_count: true }) as string[][];

/** The longest cell of CSV text. */
const longest = (text: string, delimiter = ','): number => Math.max(...cells(text, delimiter).flat().map((c) => c.length));

describe('fitCell', () => {
  it('leaves a cell of up to 32 767 code units as it is, and counts nothing', () => {
    const cuts = cellCuts('report.json');
    const full = 'a'.repeat(EXCEL_CELL_LIMIT);
    expect(fitCell(full, cuts)).toBe(full);
    expect(fitCell('', cuts)).toBe('');
    expect(cuts.cells).toBe(0);
  });

  it('cuts a longer cell to exactly the limit, with a marker that counts the code units cut', () => {
    // Kept: 32 767 − 25 (the marker) = 32 742; cut: 40 000 − 32 742 = 7 258.
    expect(fitCell('a'.repeat(40_000))).toBe(`${'a'.repeat(32_742)}… (+7258 more characters)`);
    expect(fitCell('a'.repeat(32_768))).toBe(`${'a'.repeat(32_744)}… (+24 more characters)`);
  });

  it('names where the full content is and counts each cut cell', () => {
    const cuts = cellCuts('report.json');
    const cut = fitCell('b'.repeat(50_000), cuts);
    expect(cut).toBe(`${'b'.repeat(32_726)}… (+17274 more characters in report.json)`);
    expect(cut.length).toBe(EXCEL_CELL_LIMIT);
    fitCell('c'.repeat(32_768), cuts);
    fitCell('short', cuts);
    expect(cuts.cells).toBe(2);
  });

  it('never splits a surrogate pair, also when the marker then gets a digit longer', () => {
    // Cut at 32 742 would fall between the halves of 😀 (code units 32 741 and 32 742): it is cut before it,
    // and the count of cut code units (10 002) has five digits where a first try had four.
    const text = `${'a'.repeat(32_741)}😀${'b'.repeat(10_000)}`;
    const cut = fitCell(text);
    expect(cut).toBe(`${'a'.repeat(32_741)}… (+10002 more characters)`);
    expect(cut.length).toBe(EXCEL_CELL_LIMIT);
    // A pair that is kept whole stays whole.
    const kept = fitCell(`${'😀'.repeat(20_000)}`);
    expect(kept).toBe(`${'😀'.repeat(16_371)}… (+7258 more characters)`);
    expect(kept.length).toBe(EXCEL_CELL_LIMIT);
  });

  it('is read back by cutText: the kept part and the number cut', () => {
    const text = `${'x'.repeat(32_000)}${'y'.repeat(8_000)}`;
    expect(cutText(fitCell(text, cellCuts('the transcript')))).toEqual({ kept: text.slice(0, 32_724), more: 40_000 - 32_724 });
    expect(cutText(fitCell(text))).toEqual({ kept: text.slice(0, 32_742), more: 40_000 - 32_742 });
    expect(cutText('ein ganz normaler Text … (+3 more)')).toBeNull();
    expect(cutText('kurz')).toBeNull();
  });
});

describe('fitList', () => {
  it('joins ids that fit with |, as they are', () => {
    expect(fitList(['a#1', 'b#2'])).toBe('a#1|b#2');
    expect(fitList([])).toBe('');
    // 4 095 ids of 7 plus 4 094 bars = 32 759 code units: one under the limit less the guard's quote.
    expect(fitList(ids(4095))).toBe(ids(4095).join('|'));
  });

  it('keeps as many whole ids as fit and says how many more there are', () => {
    const cuts = cellCuts('report.json');
    // k ids take 8k − 1, then `|` and `… (+N more in report.json)` (29 with a 4-digit N): 8k + 29 ≤ 32 766 → k = 4 092.
    const cell = fitList(ids(10_000), cuts);
    expect(cell).toBe(`${ids(4092).join('|')}|… (+5908 more in report.json)`);
    expect(cell.length).toBe(32_765);
    expect(cuts.cells).toBe(1);
  });

  it('cuts a list just over the limit by its last whole ids', () => {
    // 4 096 ids: 32 767 code units, one more than the room; 4 094 (32 751) are kept beside `|… (+2 more)` (12).
    expect(fitList(ids(4096))).toBe(`${ids(4094).join('|')}|… (+2 more)`);
  });

  it('gives only the marker when not even the first id fits beside it', () => {
    expect(fitList(['x'.repeat(40_000), 'a#1'])).toBe('… (+2 more)');
  });
});

describe('the formula guard and the cut', () => {
  it('guards first, then cuts: the quote counts, the cell reads back as cut text', () => {
    const text = `=${'a'.repeat(39_999)}`;
    const cuts = cellCuts('report.json');
    const csv = toCsv(['text'], [[text]], { excel: true, cuts });
    const cell = cells(csv, ';')[1]![0]!;
    expect(cell.length).toBe(EXCEL_CELL_LIMIT);
    expect(cell.startsWith("'=aaa")).toBe(true);
    expect(cutText(unguardFormula(cell))).toEqual({ kept: text.slice(0, 32_726), more: 40_000 - 32_726 });
    expect(cuts.cells).toBe(1);
  });
});

describe('the CSV files of a report', () => {
  const evidence = ids(10_000);
  const perspective: PerspectiveResult = {
    code: 'netz',
    label: 'Netzwerk',
    kind: 'declared',
    scope: 'unit',
    support: evidence.length,
    minSupport: 2,
    transcripts: ['t'],
    speakers: ['t:A'],
    categories: ['bedarfe', 'vernetzung'],
    evidence,
  };

  it('perspectives.csv: evidence as whole ids with the count of the rest, plain and excel', () => {
    for (const [excel, delimiter] of [[false, ','], [true, ';']] as const) {
      const cuts = cellCuts('report.json');
      const text = renderPerspectivesCsv([perspective], { excel, cuts });
      const [header, row] = cells(text, delimiter);
      expect(header).toEqual(
        excel
          ? ['Perspektive', 'Bezeichnung', 'Art', 'Belege', 'Transkripte', 'Sprecher:innen', 'Kategorien', 'Belegstellen', 'Lift', 'p', 'Gruppen']
          : ['perspective', 'label', 'kind', 'support', 'transcripts', 'speakers', 'categories', 'evidence', 'lift', 'p', 'groups'],
      );
      expect(row).toEqual(['netz', 'Netzwerk', 'declared', '10000', '1', '1', 'bedarfe|vernetzung', `${ids(4092).join('|')}|… (+5908 more in report.json)`, '', '', '']);
      expect(cuts.cells).toBe(1);
    }
  });

  it('segments.csv: a long text is cut with its marker, whole and in parts alike', () => {
    const long = unit('t.txt', 1, 'A', ['bedarfe'], { text: 'Wort '.repeat(20_000) });
    const cuts = cellCuts('report.json');
    const text = renderSegmentsCsv([long], [{ path: 'bedarfe' }], { excel: false, cuts });
    const row = cells(text)[1]!;
    expect(row.slice(0, 9)).toEqual(['t.txt', '1', 'A', '', '', '1', 'bedarfe', 'bedarfe', 'rule']);
    expect(row[9]).toBe(`${'Wort '.repeat(20_000).slice(0, 32_726)}… (+67274 more characters in report.json)`);
    expect(cuts.cells).toBe(1);
    const rows = renderSegmentsRows([long], [{ path: 'bedarfe' }], { excel: false, cuts: cellCuts('report.json') });
    expect(rows).toBe(text.slice(text.indexOf('\n') + 1));
  });

  it('reportFiles: no cell over the limit in any file, the cut ones counted per file, full content in report.json', () => {
    const report = smallReport();
    const long = unit('t1.txt', 2, 'A', ['bedarfe'], { text: 'ä'.repeat(70_000) });
    report.units = [long, { ...long, segment: 3 }];
    report.perspectives = [perspective, { ...perspective, code: 'zwei', label: 'x'.repeat(40_000) }];
    const files = reportFiles(report, { excel: true });
    for (const f of files.filter((f) => f.name.endsWith('.csv'))) expect(longest(f.content, ';'), f.name).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
    expect(files.filter((f) => f.cuts).map((f) => [f.name, f.cuts!.cells])).toEqual([
      ['segments.csv', 2],
      ['perspectives.csv', 3],
    ]);
    const json = JSON.parse(files.find((f) => f.name === 'report.json')!.content) as { units: { text: string }[]; perspectives: { evidence: string[]; label: string }[] };
    expect(json.units.map((u) => u.text.length)).toEqual([70_000, 70_000]);
    expect(json.perspectives.map((p) => [p.evidence.length, p.label.length])).toEqual([
      [10_000, 8],
      [10_000, 40_000],
    ]);
  });

  it('the CSV of another command: evaluate --errors cuts a long text the same way', () => {
    const ev = {
      categories: [{ category: 'bedarfe', label: 'Bedarfe', falsePositives: [{ transcript: 't', segment: 1, speaker: 'A', line: 1, matched: ['x'], text: '-'.repeat(33_000) }], falseNegatives: [] }],
    } as unknown as Evaluation;
    const cuts = cellCuts('fokus evaluate -f json');
    const row = cells(renderEvaluationErrorsCsv(ev, { excel: false, cuts }))[1]!;
    expect(row[7]).toBe(`'${'-'.repeat(32_716)}… (+284 more characters in fokus evaluate -f json)`);
    expect(row[7]!.length).toBe(EXCEL_CELL_LIMIT);
    expect(cuts.cells).toBe(1);
  });
});

describe('cellCutProblem', () => {
  it('says once per file how many cells were cut and where their full content is', () => {
    expect(plain(cellCutProblem('out/perspectives.csv', { fullIn: 'report.json', cells: 37 }))).toEqual({
      file: 'out/perspectives.csv',
      severity: 'warning',
      message: '37 cells were longer than the 32767 characters Excel takes in a cell and were cut, ending in "… (+N more …)"; the full content is in report.json',
      ruleId: 'report/cell-cut',
    });
    expect(cellCutProblem('<stdout>', { cells: 1 })?.message).toBe('1 cell was longer than the 32767 characters Excel takes in a cell and was cut, ending in "… (+N more …)"');
    expect(cellCutProblem('out/segments.csv', cellCuts('report.json'))).toBeNull();
  });
});
