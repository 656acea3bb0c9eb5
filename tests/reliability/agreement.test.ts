import { describe, expect, it } from 'vitest';
import { agreeCodings, rateAgreement } from '../../src/reliability/agreement.js';
import { brennanPrediger, cohenKappa, fleissKappa, krippendorffAlpha, type Value, type ValueCounts } from '../../src/reliability/coefficients.js';
import { evaluateCoding } from '../../src/reliability/evaluation.js';
import type { CodedUnit, CoderCoding, Rating } from '../../src/types.js';

/** Value counts per unit of a coders × units matrix (null = missing), as Krippendorff prints reliability data. */
function unitsOf(matrix: readonly (readonly Rating[])[]): ValueCounts[] {
  return matrix[0]!.map((_, u) => {
    const counts = new Map<Value, number>();
    for (const row of matrix) {
      const v = row[u];
      if (v !== null && v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return counts;
  });
}

/** Value counts per unit from a units × categories table of rater counts (Fleiss' layout). */
function fromCounts(table: readonly (readonly number[])[]): ValueCounts[] {
  return table.map((row) => new Map(row.map((n, j) => [j, n] as [number, number]).filter(([, n]) => n > 0)));
}

const _ = null;

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: 4 observers × 12 units, values missing.
const KRIPPENDORFF_C: Rating[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

// Krippendorff (2011), example A: binary data, two observers (Meg, Owen), 10 units; alpha 0.095.
const KRIPPENDORFF_A: Rating[][] = [
  [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
  [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
];

// Krippendorff (2011), example B: nominal data a…e (as 1…5), two observers (Ben, Gerry), 12 units; alpha 0.692.
const KRIPPENDORFF_B: Rating[][] = [
  [1, 1, 2, 2, 4, 3, 3, 3, 5, 4, 4, 1],
  [2, 1, 2, 2, 2, 3, 3, 3, 5, 4, 4, 4],
];

// Fleiss (1971), table 1: 30 patients, 6 psychiatrists each, counts per diagnosis
// (depression, personality disorder, schizophrenia, neurosis, other); kappa 0.430.
const FLEISS_1971 = [
  [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
  [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
  [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
  [0, 0, 5, 0, 1], [3, 0, 0, 1, 2], [5, 1, 0, 0, 0], [0, 2, 0, 4, 0], [1, 0, 2, 0, 3],
  [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0], [1, 0, 0, 4, 1],
  [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0], [1, 0, 5, 0, 0], [0, 0, 0, 0, 6],
];

// The worked example of Wikipedia's "Fleiss' kappa": 10 subjects, 14 raters, 5 categories;
// P̄ = 0.378, P̄e = 0.213, kappa = 0.210.
const FLEISS_WIKIPEDIA = [
  [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
];

/** A coding from `[transcript, segment, category]` triples, lines from 2 in order. */
function coding(coder: string, rows: readonly (readonly [string, number, string])[]): CoderCoding {
  return { coder, rows: rows.map(([transcript, segment, category], i) => ({ transcript, segment, category, line: i + 2 })) };
}

describe('krippendorffAlpha', () => {
  const units = unitsOf(KRIPPENDORFF_C);

  it('reproduces Krippendorff (2011) example C at every level (0.743, 0.815, 0.849, 0.797)', () => {
    const nominal = krippendorffAlpha(units, 'nominal');
    expect(nominal.value).toBeCloseTo(113 / 152, 12);
    expect(nominal.value!.toFixed(3)).toBe('0.743');
    expect(nominal.pairable).toBe(40);
    expect(nominal.units).toBe(11);
    expect(nominal.observed).toBeCloseTo(0.2, 12);
    const ordinal = krippendorffAlpha(units, 'ordinal').value!;
    expect(ordinal.toFixed(3)).toBe('0.815');
    expect(ordinal).toBeCloseTo(0.8153875037548814, 12);
    const interval = krippendorffAlpha(units, 'interval').value!;
    expect(interval).toBeCloseTo(951 / 1120, 12);
    expect(interval.toFixed(3)).toBe('0.849');
    const ratio = krippendorffAlpha(units, 'ratio').value!;
    expect(ratio.toFixed(3)).toBe('0.797');
    expect(ratio).toBeCloseTo(0.7974027747116121, 12);
  });

  it('reproduces examples A (binary, 0.095) and B (nominal, 0.692)', () => {
    expect(krippendorffAlpha(unitsOf(KRIPPENDORFF_A), 'nominal').value).toBeCloseTo(2 / 21, 12);
    expect(krippendorffAlpha(unitsOf(KRIPPENDORFF_B), 'nominal').value).toBeCloseTo(155 / 224, 12);
  });

  it('is 1 for perfect agreement and null without variation or pairable values', () => {
    expect(krippendorffAlpha(unitsOf([[1, 2, 3], [1, 2, 3]]), 'interval').value).toBe(1);
    const same = krippendorffAlpha(unitsOf([[2, 2, 2], [2, 2, 2]]), 'nominal');
    expect(same).toEqual({ value: null, observed: 0, expected: 0, pairable: 6, units: 3 });
    expect(krippendorffAlpha(unitsOf([[1, _], [_, 2]]), 'nominal')).toEqual({ value: null, observed: 0, expected: 0, pairable: 0, units: 0 });
  });

  it('refuses labels at levels that need numbers', () => {
    expect(() => krippendorffAlpha(unitsOf([['a', 'b'], ['a', 'b']]), 'ordinal')).toThrow('ordinal alpha needs numeric values');
  });
});

describe('fleissKappa', () => {
  it('reproduces Fleiss (1971): kappa 0.430 over 30 patients × 6 raters', () => {
    const k = fleissKappa(fromCounts(FLEISS_1971));
    expect(k.value!.toFixed(3)).toBe('0.430');
    expect(k.value).toBeCloseTo(0.4302445200601407, 12);
    expect(k.observed).toBeCloseTo(5 / 9, 12);
    expect(k.units).toBe(30);
  });

  it("reproduces Wikipedia's worked example: P̄ 0.378, P̄e 0.213, kappa 0.210", () => {
    const k = fleissKappa(fromCounts(FLEISS_WIKIPEDIA));
    expect(k.observed.toFixed(3)).toBe('0.378');
    expect(k.expected.toFixed(3)).toBe('0.213');
    expect(k.value!.toFixed(3)).toBe('0.210');
    expect(k.observed).toBeCloseTo(344 / 910, 12);
  });

  it('is null without units or variation, and refuses units with different numbers of ratings', () => {
    expect(fleissKappa([]).value).toBeNull();
    expect(fleissKappa(fromCounts([[3, 0], [3, 0]])).value).toBeNull();
    expect(() => fleissKappa(fromCounts([[3, 0], [1, 1]]))).toThrow('same number');
  });
});

describe('cohenKappa', () => {
  // Wikipedia's "Cohen's kappa" example: 50 grant proposals, yes/yes 20, yes/no 5, no/yes 10, no/no 15.
  const proposals = [
    ...Array.from({ length: 20 }, () => ['ja', 'ja'] as const),
    ...Array.from({ length: 5 }, () => ['ja', 'nein'] as const),
    ...Array.from({ length: 10 }, () => ['nein', 'ja'] as const),
    ...Array.from({ length: 15 }, () => ['nein', 'nein'] as const),
  ];

  it('reproduces the textbook example: p_o 0.7, p_e 0.5, kappa 0.4', () => {
    const k = cohenKappa(proposals);
    expect(k.value).toBeCloseTo(0.4, 12);
    expect(k.observed).toBeCloseTo(0.7, 12);
    expect(k.expected).toBeCloseTo(0.5, 12);
    expect(k.units).toBe(50);
  });

  // scikit-learn's test of cohen_kappa_score: 0.9315, linear 0.9412, quadratic 0.9541; exactly 68/73, 16/17, 104/109.
  const y1 = [...Array<number>(46).fill(0), ...Array<number>(44).fill(1), ...Array<number>(10).fill(2)];
  const y2 = [...Array<number>(50).fill(0), ...Array<number>(40).fill(1), ...Array<number>(10).fill(2)];
  const pairs = y1.map((a, i) => [a, y2[i]!] as const);

  it('weights disagreements linearly or quadratically by rank distance', () => {
    expect(cohenKappa(pairs).value).toBeCloseTo(68 / 73, 12);
    expect(cohenKappa(pairs, 'linear').value).toBeCloseTo(16 / 17, 12);
    expect(cohenKappa(pairs, 'quadratic').value).toBeCloseTo(104 / 109, 12);
  });

  it('is null without pairs or variation', () => {
    expect(cohenKappa([]).value).toBeNull();
    expect(cohenKappa([[1, 1], [1, 1]], 'linear').value).toBeNull();
  });
});

describe('brennanPrediger', () => {
  it('corrects for 1/q chance agreement', () => {
    expect(brennanPrediger(0.6, 2)).toBeCloseTo(0.2, 12);
    expect(brennanPrediger(0.5, 4)).toBeCloseTo(1 / 3, 12);
    expect(brennanPrediger(1, 2)).toBe(1);
  });
});

describe('agreeCodings', () => {
  // Krippendorff's example A as codings: Meg declares all ten units and codes 2 and 9; Owen codes 1, 2, 3, 6.
  const meg = coding('meg.csv', [
    ...Array.from({ length: 10 }, (_, i) => ['s.txt', i + 1, ''] as const),
    ['s.txt', 2, 'relevant'],
    ['s.txt', 9, 'relevant'],
  ]);
  const owen = coding('owen.csv', [1, 2, 3, 6].map((s) => ['s.txt', s, 'relevant'] as const));

  it('matches the general alpha on binary data, with Cohen, percent and Brennan–Prediger', () => {
    const r = agreeCodings([meg, owen]);
    expect(r.units).toEqual(Array.from({ length: 10 }, (_, i) => `s.txt#${i + 1}`));
    expect(r.categories).toHaveLength(1);
    const c = r.categories[0]!;
    expect(c.category).toBe('relevant');
    expect(c.items).toBe(10);
    expect(c.coded).toEqual([2, 4]);
    expect(c.percent).toBeCloseTo(0.6, 12);
    expect(c.pairwise).toBeCloseTo(0.6, 12);
    expect(c.alpha).toBeCloseTo(2 / 21, 12);
    expect(c.cohen).toBeCloseTo(1 / 11, 12);
    expect(c.brennanPrediger).toBeCloseTo(0.2, 12);
    expect(c.fleiss).toBeNull();
    expect(c.reasons).toEqual({ fleiss: "Fleiss' kappa is reported for three or more coders; with two, see Cohen's kappa" });
    expect(r.disagreements).toEqual([
      { unit: 's.txt#1', category: 'relevant', present: ['owen.csv'], absent: ['meg.csv'] },
      { unit: 's.txt#3', category: 'relevant', present: ['owen.csv'], absent: ['meg.csv'] },
      { unit: 's.txt#6', category: 'relevant', present: ['owen.csv'], absent: ['meg.csv'] },
      { unit: 's.txt#9', category: 'relevant', present: ['meg.csv'], absent: ['owen.csv'] },
    ]);
    // One category: the pooled figures are the category's.
    expect(r.overall.alpha).toBeCloseTo(2 / 21, 12);
  });

  const a = coding('a.csv', [
    ['g1', 1, 'bedarfe'], ['g1', 2, 'bedarfe'], ['g1', 2, 'bedarfe/personal'], ['g1', 3, 'vernetzung'],
    ['g1', 5, 'bedarfe'], ['g2', 1, 'vernetzung'], ['g2', 2, 'bedarfe'], ['g2', 4, ''],
  ]);
  const b = coding('b.csv', [
    ['g1', 1, 'bedarfe'], ['g1', 2, 'bedarfe'], ['g1', 3, 'vernetzung'], ['g1', 4, 'vernetzung'],
    ['g2', 1, 'vernetzung'], ['g2', 2, 'bedarfe'], ['g2', 3, 'bedarfe'],
  ]);
  const c = coding('c.csv', [
    ['g1', 1, 'bedarfe'], ['g1', 2, 'bedarfe'], ['g1', 2, 'bedarfe/personal'], ['g1', 3, 'vernetzung'],
    ['g1', 5, 'bedarfe'], ['g2', 1, 'vernetzung'], ['g2', 2, 'bedarfe'],
  ]);

  it('computes every figure per category and pooled over unit × category items (two coders)', () => {
    const r = agreeCodings([a, b]);
    expect(r.units).toEqual(['g1#1', 'g1#2', 'g1#3', 'g1#4', 'g1#5', 'g2#1', 'g2#2', 'g2#3', 'g2#4']);
    const [bedarfe, personal, vernetzung] = r.categories;
    expect(r.categories.map((x) => x.category)).toEqual(['bedarfe', 'bedarfe/personal', 'vernetzung']);
    expect(bedarfe!.percent).toBeCloseTo(7 / 9, 12);
    expect(bedarfe!.cohen).toBeCloseTo(0.55, 12);
    expect(bedarfe!.alpha).toBeCloseTo(0.575, 12);
    expect(bedarfe!.brennanPrediger).toBeCloseTo(5 / 9, 12);
    expect(personal!.coded).toEqual([1, 0]);
    expect(personal!.cohen).toBeCloseTo(0, 12);
    expect(personal!.alpha).toBeCloseTo(0, 12);
    expect(personal!.brennanPrediger).toBeCloseTo(7 / 9, 12);
    expect(vernetzung!.cohen).toBeCloseTo(8 / 11, 12);
    expect(vernetzung!.alpha).toBeCloseTo(48 / 65, 12);
    expect(r.overall.items).toBe(27);
    expect(r.overall.percent).toBeCloseTo(23 / 27, 12);
    expect(r.overall.cohen).toBeCloseTo(43 / 70, 12);
    expect(r.overall.alpha).toBeCloseTo(87 / 140, 12);
    expect(r.overall.brennanPrediger).toBeCloseTo(19 / 27, 12);
    expect(r.disagreements.map((d) => `${d.unit} ${d.category} +${d.present.join(',')} -${d.absent.join(',')}`)).toEqual([
      'g1#2 bedarfe/personal +a.csv -b.csv',
      'g1#4 vernetzung +b.csv -a.csv',
      'g1#5 bedarfe +a.csv -b.csv',
      'g2#3 bedarfe +b.csv -a.csv',
    ]);
  });

  it("gives Fleiss' kappa for three coders, equal to the general formula on the same counts", () => {
    const r = agreeCodings([a, b, c]);
    const bedarfe = r.categories[0]!;
    expect(bedarfe.cohen).toBeNull();
    expect(bedarfe.reasons.cohen).toBe("Cohen's kappa is for exactly two coders; see Fleiss' kappa");
    expect(bedarfe.fleiss).toBeCloseTo(0.7, 12);
    expect(bedarfe.pairwise).toBeCloseTo(23 / 27, 12);
    expect(bedarfe.percent).toBeCloseTo(7 / 9, 12);
    expect(bedarfe.alpha).toBeCloseTo(32 / 45, 12);
    // Present counts per unit g1#1…g2#4: 3, 3, 0, 0, 2, 0, 3, 1, 0 of 3 coders.
    const counts = fromCounts([3, 3, 0, 0, 2, 0, 3, 1, 0].map((k) => [k, 3 - k]));
    expect(bedarfe.fleiss).toBeCloseTo(fleissKappa(counts).value!, 12);
    expect(bedarfe.alpha).toBeCloseTo(krippendorffAlpha(counts, 'nominal').value!, 12);
  });

  it('reports a category nobody coded with null kappa and alpha and the reason, and pools it in', () => {
    const r = agreeCodings([a, b], { categories: ['bedarfe', 'bedarfe/personal', 'vernetzung', 'sonstiges'] });
    const sonstiges = r.categories[3]!;
    expect(sonstiges).toMatchObject({ category: 'sonstiges', items: 9, coded: [0, 0], percent: 1, cohen: null, alpha: null, brennanPrediger: 1 });
    expect(sonstiges.reasons.cohen).toBe('no variation: every coder gave every unit the same value, so the chance-corrected coefficient is 0/0');
    expect(sonstiges.reasons.alpha).toBe(sonstiges.reasons.cohen);
    expect(r.overall.items).toBe(36);
    expect(r.overall.cohen).toBeCloseTo(131 / 203, 12);
    expect(r.overall.alpha).toBeCloseTo(132 / 203, 12);
  });

  it('puts given categories first, then the others sorted', () => {
    const r = agreeCodings([a, b], { categories: ['vernetzung'] });
    expect(r.categories.map((x) => x.category)).toEqual(['vernetzung', 'bedarfe', 'bedarfe/personal']);
  });

  it('is 1 everywhere for perfect agreement', () => {
    const r = agreeCodings([a, { ...a, coder: 'a2.csv' }]);
    for (const f of [...r.categories, r.overall]) {
      expect([f.percent, f.cohen, f.alpha, f.brennanPrediger]).toEqual([1, 1, 1, 1]);
    }
    expect(r.disagreements).toEqual([]);
  });

  it('gives null figures with a reason when there are no units', () => {
    const r = agreeCodings([coding('x', []), coding('y', [])]);
    expect(r.overall).toMatchObject({ items: 0, percent: null, cohen: null, alpha: null, brennanPrediger: null });
    expect(r.overall.reasons.alpha).toBe('no units to compare');
  });

  it('needs two codings', () => {
    expect(() => agreeCodings([a])).toThrow('at least two codings');
  });
});

describe('rateAgreement', () => {
  const table = {
    coders: ['A', 'B', 'C', 'D'],
    units: KRIPPENDORFF_C[0]!.map((_, u) => String(u + 1)),
    values: KRIPPENDORFF_C[0]!.map((_, u) => KRIPPENDORFF_C.map((row) => row[u]!)),
  };

  it('gives alpha at the level, Fleiss over complete units, percent and the differing units', () => {
    const r = rateAgreement(table, { level: 'interval' });
    expect(r.alpha.value).toBeCloseTo(951 / 1120, 12);
    expect(r.complete).toBe(8);
    expect(r.percent).toBeCloseTo(5 / 8, 12);
    // Complete units 2…9: P_i = 1/2, 1, 1, 1, 0, 1, 1/2, 1, so P̄ = 3/4; values 1, 2, 3, 4 take
    // 4, 13, 10, 5 of the 32 ratings, so P̄e = 310/1024; kappa = (3/4 − 310/1024)/(1 − 310/1024) = 229/357.
    expect(r.fleiss!.observed).toBeCloseTo(0.75, 12);
    expect(r.fleiss!.expected).toBeCloseTo(310 / 1024, 12);
    expect(r.fleiss!.value).toBeCloseTo(229 / 357, 12);
    expect(r.cohen).toBeNull();
    expect(r.reasons).toEqual({ cohen: "Cohen's kappa is for exactly two coders; see Fleiss' kappa" });
    expect(r.disagreements).toEqual([
      { unit: '2', values: [2, 2, 3, 2] },
      { unit: '6', values: [1, 2, 3, 4] },
      { unit: '8', values: [1, 1, 2, 1] },
    ]);
  });

  it("gives Cohen's kappa for two coders over the units both rated", () => {
    const r = rateAgreement({ coders: ['x', 'y'], units: ['1', '2', '3', '4', '5'], values: [[1, 1], [2, 2], [1, 2], [2, _], [_, _]] });
    expect(r.cohen!.units).toBe(3);
    // p_o 2/3; marginals x (2/3, 1/3), y (1/3, 2/3): p_e 4/9; kappa (2/3 − 4/9)/(5/9) = 2/5.
    expect(r.cohen!.value).toBeCloseTo(0.4, 12);
    expect(r.fleiss).toBeNull();
    expect(r.complete).toBe(3);
  });

  it('explains undefined figures', () => {
    const r = rateAgreement({ coders: ['x', 'y'], units: ['1', '2'], values: [[1, _], [_, 2]] });
    expect(r.alpha.value).toBeNull();
    expect(r.reasons).toEqual({
      alpha: 'no unit has two or more values',
      cohen: 'no unit was rated by both coders',
      fleiss: "Fleiss' kappa is reported for three or more coders; with two, see Cohen's kappa",
      percent: 'no unit was rated by every coder',
    });
  });
});

describe('evaluateCoding', () => {
  const unit = (transcript: string, segment: number, categories: string[], moderator = false): CodedUnit => ({
    transcript,
    segment,
    turn: segment,
    speaker: moderator ? 'I' : 'B1',
    moderator,
    line: segment * 2 - 1,
    text: `Text ${segment}`,
    attributes: {},
    codings: categories.map((category) => ({ transcript, segment, category, matches: [{ by: `${category.split('/').at(-1)}*`, start: 0, end: 4 }], hits: 1 })),
  });
  const units = [
    unit('t.txt', 1, [], true),
    unit('t.txt', 2, ['a', 'a/x']),
    unit('t.txt', 3, ['a']),
    unit('t.txt', 4, ['b']),
    unit('t.txt', 5, []),
    unit('u.txt', 1, ['b']),
  ];
  const categories = [
    { path: 'a', label: 'A' },
    { path: 'a/x', label: 'X' },
    { path: 'b', label: 'B' },
    { path: 'c', label: 'C' },
  ];
  const gold = coding('gold.csv', [
    ['t.txt', 1, 'a'],
    ['t.txt', 2, 'x'],
    ['t.txt', 4, 'b'],
    ['t.txt', 5, 'b'],
    ['t.txt', 5, 'nix'],
    ['t.txt', 9, 'a'],
    ['v.txt', 1, 'a'],
  ]);

  it('counts tp, fp and fn per category, rolls gold codings up and averages micro and macro', () => {
    const ev = evaluateCoding(units, gold, categories);
    expect(ev.units).toBe(4);
    expect(ev.transcripts).toEqual(['t.txt']);
    expect(ev.unjudged).toEqual(['u.txt']);
    expect(ev.categories.map((r) => [r.category, r.tp, r.fp, r.fn, r.precision, r.recall, r.f1])).toEqual([
      ['a', 1, 1, 0, 0.5, 1, 2 / 3],
      ['a/x', 1, 0, 0, 1, 1, 1],
      ['b', 1, 0, 1, 1, 0.5, 2 / 3],
      ['c', 0, 0, 0, null, null, null],
    ]);
    expect(ev.micro).toEqual({ tp: 3, fp: 1, fn: 1, precision: 0.75, recall: 0.75, f1: 0.75 });
    expect(ev.macro.precision).toBeCloseTo(2.5 / 3, 12);
    expect(ev.macro.recall).toBeCloseTo(2.5 / 3, 12);
    expect(ev.macro.f1).toBeCloseTo((2 / 3 + 1 + 2 / 3) / 3, 12);
    expect(ev.macro.categories).toEqual({ precision: 3, recall: 3, f1: 3, kappa: 3 });
    expect(ev.categories[0]!.falsePositives).toEqual([{ unit: 't.txt#3', transcript: 't.txt', segment: 3, speaker: 'B1', line: 5, text: 'Text 3', matched: ['a*'] }]);
    expect(ev.categories[2]!.falseNegatives).toEqual([{ unit: 't.txt#5', transcript: 't.txt', segment: 5, speaker: 'B1', line: 9, text: 'Text 5', matched: [] }]);
  });

  it("gives Cohen's kappa per category (present/absent over the compared units) and its macro mean", () => {
    // 4 compared units (t.txt#2–#5). a: rules #2 #3, gold #2 (x rolled up): tp 1 fp 1 tn 2, p_o = 3/4,
    // p_e = 1/2·1/4 + 1/2·3/4 = 1/2, κ = 1/2. a/x: tp 1 tn 3, κ = 1. b: rules #4, gold #4 #5: κ = 1/2 likewise.
    // c: nobody codes it, p_e = 1: undefined.
    const ev = evaluateCoding(units, gold, categories);
    expect(ev.categories.map((r) => r.kappa)).toEqual([0.5, 1, 0.5, null]);
    expect(ev.macro.kappa).toBeCloseTo(2 / 3, 12);
    expect([ev.depths, ev.depthsFrom]).toEqual([[1, 2], 'gold']);
  });

  it('compares the depths the gold coding codes, or those given', () => {
    const top = coding('top.csv', [
      ['t.txt', 2, 'a'],
      ['t.txt', 4, 'b'],
    ]);
    const byGold = evaluateCoding(units, top, categories);
    expect([byGold.depths, byGold.depthsFrom]).toEqual([[1], 'gold']);
    expect(byGold.categories.map((r) => [r.category, r.tp, r.fp, r.fn])).toEqual([
      ['a', 1, 1, 0],
      ['b', 1, 0, 0],
      ['c', 0, 0, 0],
    ]);
    expect(byGold.micro).toEqual({ tp: 2, fp: 1, fn: 0, precision: 2 / 3, recall: 1, f1: 0.8 });
    expect(byGold.problems).toEqual([]);
    const second = evaluateCoding(units, gold, categories, { depths: [2] });
    expect([second.depths, second.depthsFrom]).toEqual([[2], 'option']);
    expect(second.categories.map((r) => r.category)).toEqual(['a/x']);
    const none = evaluateCoding(units, coding('none.csv', [['t.txt', 2, '']]), categories);
    expect([none.depths, none.depthsFrom, none.categories.length]).toEqual([[1, 2], 'codebook', 4]);
    const missing = evaluateCoding(units, top, categories, { depths: [2, 1, 2] });
    expect(missing.depths).toEqual([1, 2]);
    expect(missing.problems.map((p) => [p.line, p.ruleId])).toEqual([[undefined, 'evaluate/depth-not-in-gold']]);
  });

  it('leaves out rows it cannot compare, with positioned warnings', () => {
    const ev = evaluateCoding(units, gold, categories);
    expect(ev.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`)).toEqual([
      'gold.csv:2:1: unit t.txt#1 is a moderator unit, which is never coded; the row is left out',
      "gold.csv:6:1: category 'nix' is not in the codebook; its rows are left out",
      'gold.csv:7:1: unit t.txt#9 does not exist (t.txt has 5 units; code with the same --unit as the gold coding); the row is left out',
      "gold.csv:8:1: transcript 'v.txt' is not among the inputs (they are: t.txt, u.txt); its rows are left out",
    ]);
    expect(ev.problems.every((p) => p.severity === 'warning')).toBe(true);
  });
});
