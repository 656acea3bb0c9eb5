import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeInputs } from '../../src/analyze.js';
import { formatProblem } from '../../src/problems.js';
import { buildReviewSet, type ReviewInput } from '../../src/review/apply.js';
import type { CodedUnit } from '../../src/types.js';
import { HEADER, reviewProject, row } from './fixture.js';

let dir: string;
beforeAll(async () => {
  dir = await reviewProject();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Code t.txt with the review file of these rows; the codings per unit as `category:source(matched)`. */
async function codedWith(rows: string[]): Promise<{ units: Record<number, string[]>; problems: string[]; rules: (string | undefined)[] }> {
  await writeFile(join(dir, 'review.csv'), [HEADER, ...rows, ''].join('\n'));
  const { coded, problems } = await codeInputs(['t.txt'], { cwd: dir, codebook: 'cb.yaml', review: ['review.csv'] });
  const units: Record<number, string[]> = {};
  for (const u of coded!.units) units[u.segment] = u.codings.map((c) => `${c.category}:${c.source}(${[...new Set(c.matches.map((m) => m.by))].join('|')})/${c.hits}`);
  return { units, problems: problems.map(formatProblem), rules: problems.map((p) => p.ruleId) };
}

/** The codings without any review. */
const RULES: Record<number, string[]> = {
  1: [],
  2: ['bedarfe:rule(brauch*|personal*)/2', 'bedarfe/personal:rule(personal*)/1'],
  3: ['bedarfe:rule(personal*)/1', 'bedarfe/personal:rule(personal*)/1'],
  4: ['vernetzung:rule(netzwerk*)/1'],
  5: ['bedarfe:rule(raum*|personal*)/2', 'bedarfe/personal:rule(personal*)/1', 'bedarfe/raeume:rule(raum*)/1'],
  6: ['finanzen:rule(geld)/1'],
  7: [],
  8: [],
  9: ['bedarfe:rule(brauch*|personal*)/2', 'bedarfe/personal:rule(personal*)/1', 'finanzen:rule(geld)/1'],
};

describe('review decisions override the rules', () => {
  it('leaves every coding a rule coding without decisions', async () => {
    const got = await codedWith([]);
    expect(got).toEqual({ units: RULES, problems: [], rules: [] });
  });

  it('a rejected category is removed; a parent with evidence of its own stays, without the removed evidence', async () => {
    const got = await codedWith([row(2, 'bedarfe/personal', 'personal*', 'rejected'), row(6, 'finanzen', 'geld', 'rejected')]);
    expect(got.problems).toEqual([]);
    expect(got.units).toEqual({ ...RULES, 2: ['bedarfe:rule(brauch*)/1'], 6: [] });
  });

  it("a rejected subcategory takes the parent's roll-up with it when nothing else codes the parent", async () => {
    const got = await codedWith([row(3, 'bedarfe/personal', 'personal*', 'rejected'), row(5, 'bedarfe/raeume', 'raum*', 'rejected')]);
    expect(got.units).toEqual({ ...RULES, 3: [], 5: ['bedarfe:rule(personal*)/1', 'bedarfe/personal:rule(personal*)/1'] });
  });

  it('a rejected parent removes its subcategories, and a decision under it is not applied', async () => {
    const got = await codedWith([row(9, 'bedarfe', 'brauch*', 'rejected'), row(9, 'bedarfe/personal', 'personal*', 'confirmed')]);
    expect(got.units).toEqual({ ...RULES, 9: ['finanzen:rule(geld)/1'] });
    expect(got.problems).toEqual([
      "review.csv:3:1: warning: 'confirmed' for bedarfe/personal in t.txt#9 is not applied: its parent bedarfe is rejected, which removes its subcategories",
    ]);
  });

  it('an added category is coded with source review, its parent by roll-up; confirmed codings stay rule codings', async () => {
    const got = await codedWith([
      row(4, 'vernetzung', 'netzwerk*', 'confirmed'),
      row(4, 'bedarfe/raeume', '', 'added'),
      row(7, 'finanzen', '', 'added'),
      row(6, 'finanzen', '', 'added'),
    ]);
    expect(got.problems).toEqual([]);
    expect(got.units).toEqual({
      ...RULES,
      4: ['bedarfe:review()/0', 'bedarfe/raeume:review()/0', 'vernetzung:rule(netzwerk*)/1'],
      6: ['finanzen:rule(geld)/1'],
      7: ['finanzen:review()/0'],
    });
  });

  it('confirming every coding changes nothing', async () => {
    const got = await codedWith([
      row(2, 'bedarfe', 'brauch*', 'confirmed'),
      row(2, 'bedarfe/personal', 'personal*', 'confirmed'),
      row(3, 'bedarfe/personal', 'personal*', 'confirmed'),
      row(4, 'vernetzung', 'netzwerk*', 'confirmed'),
      row(5, 'bedarfe/personal', 'personal*', 'confirmed'),
      row(5, 'bedarfe/raeume', 'raum*', 'confirmed'),
      row(6, 'finanzen', 'geld', 'confirmed'),
      row(7, '', '', 'confirmed'),
      row(9, 'bedarfe', 'brauch*', 'confirmed'),
      row(9, 'bedarfe/personal', 'personal*', 'confirmed'),
      row(9, 'finanzen', 'geld', 'confirmed'),
    ]);
    expect(got).toEqual({ units: RULES, problems: [], rules: [] });
  });

  it('a confirmed category the rules no longer code is coded from the review', async () => {
    const got = await codedWith([row(8, 'vernetzung', 'netzwerk*', 'confirmed')]);
    expect(got.units[8]).toEqual(['vernetzung:review()/0']);
  });

  it('warns about decisions whose unit is gone or changed, or whose transcript or category is unknown, and applies none of them', async () => {
    const got = await codedWith([
      't.txt,2,B1,,,3,bedarfe/personal,personal*,Wir brauchen mehr Personal!,rejected',
      row(1, 'finanzen', '', 'added'),
      't.txt,12,B1,,,23,finanzen,,Geld.,added',
      'andere.txt,2,B1,,,3,finanzen,,Geld.,added',
      'andere.txt,5,B1,,,9,finanzen,,Geld.,added',
      row(6, 'sonstiges', '', 'added'),
      row(6, 'finanzen', 'geld', 'confirmed'),
      row(6, 'finanzen', 'geld', 'rejected'),
    ]);
    expect(got.units).toEqual({ ...RULES, 6: [] });
    expect(got.problems).toEqual([
      "review.csv:2:1: warning: the text of t.txt#2 has changed since the decision (review the unit again); the decision 'rejected' for bedarfe/personal is not applied",
      "review.csv:3:1: warning: t.txt#1 is a moderator's unit, which is never coded; the decision 'added' for finanzen is not applied",
      "review.csv:4:1: warning: unit t.txt#12 no longer exists (t.txt has 9 units; code with the --unit the review was made with); the decision 'added' for finanzen is not applied",
      "review.csv:5:1: warning: transcript 'andere.txt' is not among the inputs; its 2 decisions are not applied",
      "review.csv:7:1: warning: category 'sonstiges' is not in the codebook; the decision is not applied",
      "review.csv:9:1: warning: 'rejected' for finanzen in t.txt#6 replaces 'confirmed' at review.csv:8",
    ]);
    expect(got.rules).toEqual(['review/stale', 'review/stale', 'review/stale', 'review/transcript', 'review/category', 'review/conflict']);
  });

  it('a later review file wins over an earlier one', async () => {
    await writeFile(join(dir, 'a.csv'), [HEADER, row(6, 'finanzen', 'geld', 'rejected'), ''].join('\n'));
    await writeFile(join(dir, 'b.csv'), [HEADER, row(6, 'finanzen', 'geld', 'confirmed'), ''].join('\n'));
    const ab = await codeInputs(['t.txt'], { cwd: dir, codebook: 'cb.yaml', review: ['a.csv', 'b.csv'] });
    const ba = await codeInputs(['t.txt'], { cwd: dir, codebook: 'cb.yaml', review: ['b.csv', 'a.csv'] });
    const six = (units: CodedUnit[]): string[] => units.find((u) => u.segment === 6)!.codings.map((c) => c.category);
    expect(six(ab.coded!.units)).toEqual(['finanzen']);
    expect(six(ba.coded!.units)).toEqual([]);
    expect(ab.problems.map(formatProblem)).toEqual(["b.csv:2:1: warning: 'confirmed' for finanzen in t.txt#6 replaces 'rejected' at a.csv:2"]);
  });

  it('a broken review file stops the run before any transcript is read', async () => {
    await writeFile(join(dir, 'bad.csv'), [HEADER, row(6, 'finanzen', 'geld', 'vielleicht'), ''].join('\n'));
    const { coded, problems } = await codeInputs(['t.txt'], { cwd: dir, codebook: 'cb.yaml', review: ['bad.csv'] });
    expect(coded).toBeNull();
    expect(problems.map(formatProblem)).toEqual(['bad.csv:2:54: error: decision "vielleicht" is not a decision: one of confirmed, rejected, added']);
  });

  it('keeps one decision per unit and category, the last, and leaves out rows that change nothing', () => {
    const input: ReviewInput = {
      path: 'r.csv',
      sha256: 'x',
      rows: [
        { transcript: 't', segment: 2, speaker: '', start: '', end: '', line: 3, category: 'a', matched: '', text: 'T', decision: 'rejected', row: 2 },
        { transcript: 't', segment: 3, speaker: '', start: '', end: '', line: 5, category: '', matched: '', text: 'U', decision: 'confirmed', row: 3 },
        { transcript: 't', segment: 2, speaker: '', start: '', end: '', line: 3, category: 'a', matched: '', text: 'T', decision: 'rejected', row: 4 },
      ],
    };
    const { set, problems } = buildReviewSet([input], ['a']);
    expect(problems).toEqual([]);
    expect(set).toEqual({ files: [{ path: 'r.csv', sha256: 'x' }], byTranscript: { t: [{ file: 'r.csv', line: 4, segment: 2, category: 'a', decision: 'rejected', text: 'T' }] } });
  });
});
