import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeInputs } from '../../src/analyze.js';
import { parseCodebook } from '../../src/codebook/parse.js';
import { checkCodebook } from '../../src/coding/check.js';
import { learnRules, type LearnResult } from '../../src/learn/index.js';
import { readCoding } from '../../src/reliability/codings.js';
import { plain } from '../plain.js';

// Three short transcripts (a.txt, b.txt, c.txt). The gold coding codes `kooperation` wherever a
// Kooperationsvertrag (any form) or kooperieren (any form) is mentioned — two units of each in each
// transcript — and where "Partnerschaft" is (only in a.txt); the codebook (cb.yaml, lemma matching)
// has neither. `probleme` is coded by the codebook in every unit about the "Anfahrt" being
// "schwierig" (two per transcript) and in negated mentions ("kein Problem", two per transcript),
// which the gold coding does not code.
const dir = resolve(import.meta.dirname, '../fixtures/learn');

async function learn(options: Parameters<typeof learnRules>[1] = {}): Promise<LearnResult> {
  const { coded } = await codeInputs(['a.txt', 'b.txt', 'c.txt'], { cwd: dir, codebook: resolve(dir, 'cb.yaml') });
  const gold = await readCoding(resolve(dir, 'gold.csv'), 'gold.csv');
  const text = await readFile(resolve(dir, 'cb.yaml'), 'utf8');
  return learnRules({ codebook: coded!.codebook, text, units: coded!.units, gold: gold.coding! }, options);
}

describe('learnRules on a fixture whose right rules are known', () => {
  let r: LearnResult;
  beforeAll(async () => {
    r = await learn();
  });

  it('keeps the lemma terms, the exclude and the negation guard, with the units they fix', () => {
    const kept = r.proposals.filter((p) => p.status === 'kept').map((p) => [p.category, p.kind, p.text, p.tp, p.fp, p.foldsGained, p.verified]);
    expect(kept).toEqual([
      ['kooperation', 'term', 'kooperationsvertrag', 6, 0, 3, true],
      ['kooperation', 'term', 'kooperieren', 6, 0, 3, true],
      ['probleme', 'exclude', 'exclude: anfahrt', 0, -6, 3, true],
      ['probleme', 'negation', 'negation: true', 0, -5, 3, true],
    ]);
    expect(r.folds).toEqual({ by: 'transcript', count: 3 });
  });

  it('drops a term that helps only in the one transcript it occurs in: no held-out gain', () => {
    const p = r.proposals.find((x) => x.text === 'partnerschaft')!;
    expect(p).toMatchObject({ status: 'dropped', tp: 3, fp: 0, deltaF1: 0, foldsGained: 0 });
    expect(p.deltaF1Whole).toBeGreaterThan(0);
    expect(p.reason).toBe('no held-out gain (ΔF1 +0.0000: no fold is helped by what the other folds learn)');
  });

  it('says why the others were dropped: overlap with a kept one, true codings removed', () => {
    const reason = (text: string): string => r.proposals.find((x) => x.text === text)!.reason;
    expect(reason('*vertrag')).toBe("overlaps kept 'kooperationsvertrag'");
    expect(reason('exclude: die anfahrt')).toBe("overlaps kept 'exclude: anfahrt'");
    expect(reason('exclude: schwierig')).toBe('removes true codings: -1 tp/-0 fp lowers F1 on the whole coding');
  });

  it("reports F1 before and after from the new codebook coded by the matcher, matching the kept proposals' verified gains", () => {
    expect(r.categories.map((c) => [c.category, c.before, c.after])).toEqual([
      ['kooperation', { tp: 1, fp: 0, fn: 15, f1: 2 / 17 }, { tp: 13, fp: 0, fn: 3, f1: 26 / 29 }],
      ['probleme', { tp: 3, fp: 12, fn: 0, f1: 6 / 18 }, { tp: 3, fp: 1, fn: 0, f1: 6 / 7 }],
    ]);
    for (const c of r.categories) {
      const gained = r.proposals.filter((p) => p.category === c.category && p.status === 'kept').reduce((s, p) => s + p.deltaF1Whole, 0);
      expect(c.before.f1! + gained).toBeCloseTo(c.after.f1!, 10);
    }
  });

  it('writes the proposals into the YAML with their comments, the rest of the file unchanged, and it passes the check', async () => {
    const text = await readFile(resolve(dir, 'cb.yaml'), 'utf8');
    expect(r.yaml).toBe(
      text
        .replace('      - zusammenarbeiten\n', '      - zusammenarbeiten\n      - kooperationsvertrag  # learned: +6 tp/+0 fp, F1 +0.491 (held-out)\n      - kooperieren  # learned: +6 tp/+0 fp, F1 +0.288 (held-out)\n')
        .replace('    terms: [problem, schwierig]\n', '    match: {negation: true}  # learned: -0 tp/-5 fp, F1 +0.357 (held-out)\n    terms: [problem, schwierig]\n    exclude:\n      - anfahrt  # learned: -0 tp/-6 fp, F1 +0.167 (held-out)\n'),
    );
    const check = checkCodebook(parseCodebook(r.yaml, 'new.yaml'), 'new.yaml');
    expect(check.valid).toBe(true);
    expect(check.totals).toMatchObject({ examples: 2, counterexamples: 1, failed: 0 });
    expect(r.check).toEqual({ failedBefore: 0, failedAfter: 0 });
  });

  it('is deterministic', async () => {
    const again = await learn();
    expect(again.yaml).toBe(r.yaml);
    expect(again.proposals).toEqual(r.proposals);
  });

  it('learns one category when asked, and stops at the cap', async () => {
    const one = await learn({ category: 'probleme', maxKept: 1 });
    expect(one.categories.map((c) => c.category)).toEqual(['probleme']);
    expect(one.proposals.filter((p) => p.status === 'kept').map((p) => p.text)).toEqual(['exclude: anfahrt']);
    expect(one.proposals.find((p) => p.text === 'negation: true')!.reason).toBe('cap of 1 proposals for the category reached');
  });

  it('refuses a category that is not compared, and a gold coding of too few units', async () => {
    const wrong = await learn({ category: 'kooperation/vertrag' });
    expect(wrong.proposals).toEqual([]);
    expect(plain(wrong.problems)).toEqual([{ file: 'gold.csv', severity: 'error', message: "category 'kooperation/vertrag' is not compared: the gold coding codes depth 1", ruleId: 'learn/category-not-compared' }]);
    const { coded } = await codeInputs(['a.txt'], { cwd: dir, codebook: resolve(dir, 'cb.yaml') });
    const text = await readFile(resolve(dir, 'cb.yaml'), 'utf8');
    const few = learnRules({ codebook: coded!.codebook, text, units: coded!.units, gold: { coder: 'g.csv', rows: [{ transcript: 'x.txt', segment: 2, category: 'probleme', line: 2 }] } });
    expect(few.problems.map((p) => p.ruleId)).toEqual(['evaluate/unknown-transcript', 'learn/too-few-units']);
    expect(few.problems[1]!.message).toBe('the gold coding covers 0 units of the inputs; learning needs at least 2');
    expect(few.yaml).toBe(text);
  });

  it('drops a proposal that would code a counterexample, and says so', async () => {
    const text = (await readFile(resolve(dir, 'cb.yaml'), 'utf8')).replace('counterexamples: [Das Wetter war schön.]', 'counterexamples: [Das Wetter war schön., Der Kooperationsvertrag wurde gekündigt.]');
    const codebook = parseCodebook(text, 'cb2.yaml').codebook!;
    const { coded } = await codeInputs(['a.txt', 'b.txt', 'c.txt'], { cwd: dir, codebook });
    const gold = await readCoding(resolve(dir, 'gold.csv'), 'gold.csv');
    const r2 = learnRules({ codebook, text, units: coded!.units, gold: gold.coding! });
    expect(r2.proposals.find((p) => p.text === 'kooperationsvertrag')).toMatchObject({ status: 'dropped', reason: 'codes counterexample 2 of kooperation', verified: true });
    expect(r2.proposals.find((p) => p.text === 'kooperieren')!.status).toBe('kept');
    expect(checkCodebook(parseCodebook(r2.yaml, 'new.yaml'), 'new.yaml').totals.failed).toBe(0);
  });

  it('makes 5 folds of consecutive units when there is one transcript', async () => {
    const { coded } = await codeInputs(['a.txt'], { cwd: dir, codebook: resolve(dir, 'cb.yaml') });
    const gold = await readCoding(resolve(dir, 'gold.csv'), 'gold.csv');
    const text = await readFile(resolve(dir, 'cb.yaml'), 'utf8');
    const one = learnRules({ codebook: coded!.codebook, text, units: coded!.units, gold: gold.coding! });
    expect(one.folds).toEqual({ by: 'units', count: 5 });
    expect(one.evaluation.units).toBe(12);
    expect(one.proposals.every((p) => p.folds === 5)).toBe(true);
  });
});
