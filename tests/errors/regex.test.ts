import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { compileCodebook } from '../../src/codebook/compile.js';
import { parseCodebook } from '../../src/codebook/parse.js';
import { catastrophicReason, isAmbiguousCode } from '../../src/codebook/regex-guard.js';
import { codeUnits } from '../../src/coding/code-units.js';
import { budgetFor, runRegexRules } from '../../src/coding/regex-budget.js';
import type { Problem, Unit } from '../../src/types.js';
import { runCli } from '../cli/run.js';
import { project, removeProjects } from './project.js';
import { plain } from '../plain.js';

afterAll(removeProjects);

/** A codebook with the given regex rules in category `r`, and a term rule in category `t`. */
function codebookWith(...patterns: string[]): string {
  const rules = patterns.map((p) => `      - regex: '${p.replace(/'/gu, "''")}'\n`).join('');
  return `codebook: Test\ncategories:\n  - code: r\n    label: R\n    rules:\n${rules}  - code: t\n    label: T\n    terms: [personal*]\n`;
}

function matcherWith(...patterns: string[]): ReturnType<typeof compileCodebook> {
  const parsed = parseCodebook(codebookWith(...patterns), 'cb.yaml');
  if (!parsed.codebook) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  return compileCodebook(parsed.codebook);
}

function unit(segment: number, text: string, moderator = false): Unit {
  return { transcript: 't.txt', segment, turn: segment, speaker: moderator ? 'I' : `B${segment}`, moderator, line: segment * 2 - 1, text, attributes: {} };
}

/** A pattern that hangs V8 on many `a`s followed by `!`, yet passes the static guard: only the clock stops it. */
const SLIPS_PAST = 'a*a*a*a*a*a*a*a*c';
/**
 * Unbounded on any machine: about 7·10⁹ backtracking steps (hours), so any budget runs out, however fast
 * the machine. (Thirty `a`s, 5·10⁷ steps, take a second or two: a fast machine could finish in budget.)
 */
const A60 = `${'a'.repeat(60)}!`;
/**
 * The budget where A60 must be stopped and quick texts ("ac", "Personal") must not be: A60 runs past
 * any budget, and a quick text takes microseconds, so only a stall of a whole second could change
 * a verdict (a budget of 50 ms could be eaten by a loaded machine's scheduler or a GC pause).
 */
const STOPS_A60 = { baseMs: 1000, perThousandMs: 0 };
/** A budget nothing in these tests comes near (an hour): where no rule may be stopped, none is, on any machine. */
const NEVER = { baseMs: 3_600_000, perThousandMs: 0 };

describe('the static guard refuses what backtracks catastrophically, with few false alarms', () => {
  test.each([
    ['(\\w+\\s?)*$', "nested quantifiers: '(\\w+\\s?)' is repeated and contains a repetition itself"],
    ['(?:\\p{L}+\\s?)+$', "nested quantifiers: '(\\p{L}+\\s?)' is repeated and contains a repetition itself"],
    ['(x+x+)+y', "nested quantifiers: '(x+x+)' is repeated and contains a repetition itself"],
    ['(.*a){12}', "nested quantifiers: '(.*a)' is repeated and contains a repetition itself"],
    ['(a{1,20})*', "nested quantifiers: '(a{1,20})' is repeated and contains a repetition itself"],
    ['(a|aa)*b', "a repeated alternation whose branches overlap: '(a|aa)'"],
    ['(?:a|ab|bc|c)+', "a repeated alternation whose branches overlap: '(a|ab|bc|c)'"],
    ['(\\w|_)+$', "a repeated alternation whose branches overlap: '(\\w|_)'"],
    ['(?:a|a?)*b$', "a repeated alternation whose branches overlap: '(a|a?)'"],
    ['(?:a|[ab])*c$', "a repeated alternation whose branches overlap: '(a|[ab])'"],
    ['(?:\\s|\\n)+x', "a repeated alternation whose branches overlap: '(\\s|\\n)'"],
    ['((a|a)x?)*$', "a repeated group holding an alternation whose branches overlap: '((a|a)x?)'"],
    ['(?=(a+)+)b', "nested quantifiers: '(a+)' is repeated and contains a repetition itself"],
    // A count of at most 10 passes the hand-written shapes; scslre sees the loop reaching itself (n^10).
    ['(.*a){10}x', "nested quantifiers: '.*' can match the same text in many ways inside '(.*a){10}', which repeats it 10 times"],
    ['(a+){10}b', "nested quantifiers: 'a+' can match the same text in many ways inside '(a+){10}', which repeats it 10 times"],
  ])('%s is refused', (pattern, reason) => {
    expect(catastrophicReason(pattern)).toBe(reason);
  });

  test.each([
    '\\bes (fehlt|mangelt) an\\b',
    '\\b(?:uns|da|dafür) (?:fehlt|fehlen)\\b',
    '(?:(?:schon|sehr|bei uns|da) ){0,3}gut',
    '(a|ab)*c',
    '(ab|ac)*',
    '(foo|foobar)*',
    '([äöü]|\\d)+',
    '(?:\\d|[a-z])+',
    '(?:\\bes|\\bda)+',
    '(\\d{2}:){2}\\d{2}',
    '\\p{L}{2,}',
    '[(|)*+]+',
    '(a+){2}b',
    '(?:\\w+ ){0,3}kein',
  ])('%s passes', (pattern) => {
    expect(catastrophicReason(pattern)).toBeUndefined();
  });

  test('the code test behind overlapping plain-letter branches (Sardinas–Patterson)', () => {
    expect([isAmbiguousCode(['a', 'ab']), isAmbiguousCode(['a', 'aa']), isAmbiguousCode(['ab', 'ba', 'a']), isAmbiguousCode(['x', 'x'])]).toEqual([false, true, true, true]);
    expect([isAmbiguousCode(['0', '01', '11']), isAmbiguousCode(['a', 'ab', 'bc', 'c'])]).toEqual([false, true]);
  });

  test(`${SLIPS_PAST} slips past it (adjacent repetition), which is what the run-time budget is for`, () => {
    expect(catastrophicReason(SLIPS_PAST)).toBeUndefined();
  });
});

describe('at run time, a regex that runs past its budget on a unit is stopped, reported and switched off', () => {
  test('codeUnits: the rule is stopped at the first unit it hangs on, other rules and units are coded as usual', () => {
    const matcher = matcherWith(SLIPS_PAST, '\\bpersonal\\b');
    const problems: Problem[] = [];
    const coded = codeUnits(
      [unit(1, 'Frage?', true), unit(2, 'ac Personal'), unit(3, A60), unit(4, `${A60} Personal`), unit(5, 'aac')],
      matcher,
      { file: 'fg/t.txt', onProblem: (p) => problems.push(p), regexBudget: STOPS_A60 },
    );
    expect(plain(problems)).toEqual([
      {
        file: 'fg/t.txt',
        line: 5,
        severity: 'error',
        message:
          `regex '${SLIPS_PAST}' of category 'r' ran longer than 1000 ms on segment 3 and was stopped; it is left out for the rest of this transcript, ` +
          "so 'r' may be coded too rarely (rewrite the regex without nested or overlapping repetition)",
        ruleId: 'code/regex-timeout',
      },
    ]);
    expect(coded.map((u) => u.codings.map((c) => `${c.category}:${c.matches.map((m) => `${m.by}@${m.start}-${m.end}`).join('|')}`))).toEqual([
      [],
      [`r:regex: ${SLIPS_PAST}@0-2|regex: \\bpersonal\\b@3-11`, 't:personal*@3-11'],
      [],
      ['r:regex: \\bpersonal\\b@62-70', 't:personal*@62-70'],
      // Unit 5 would match the stopped rule, but the rule is off for the rest of the transcript.
      [],
    ]);
  });

  test('a rule stopped on one transcript is tried afresh on the next: each transcript is judged on its own, whatever thread codes it', () => {
    const matcher = matcherWith(SLIPS_PAST);
    const budget = STOPS_A60;
    // Within one call (one transcript) the rule stays off after it was stopped: no entry for the later texts.
    const first = runRegexRules([A60, 'ac'], matcher, budget);
    expect([first.stops, first.matches.map((h) => h.size)]).toEqual([[{ category: 'r', pattern: SLIPS_PAST, text: 0, budgetMs: 1000 }], [0, 0]]);
    // The next call with the same matcher runs it again, so the outcome does not depend on which
    // transcripts a worker thread saw before.
    const again = runRegexRules(['ac', 'b'], matcher, budget);
    expect([again.stops, again.matches.map((h) => h.size)]).toEqual([[], [1, 1]]);
  });

  test('a regex that can match the empty string ends on text with emoji (no endless loop at a surrogate pair)', () => {
    const run = runRegexRules(['😀😀x 😀'], matcherWith('x*'), NEVER);
    expect([run.stops, [...run.matches[0]!.values()].map((ms) => ms.map((m) => [m.start, m.end]))]).toEqual([[], [[[4, 5]]]]);
  });

  test('the budget grows with the text: 1 s plus 1 ms per 1000 characters by default', () => {
    expect([budgetFor(0), budgetFor(999), budgetFor(10_000_000), budgetFor(5000, { baseMs: 10, perThousandMs: 2 })]).toEqual([1000, 1001, 11000, 20]);
  });

  test('through the CLI: an error at the unit naming rule and category, exit 2, and the report still covers everything else', async () => {
    const dir = await project({
      'cb.yaml': codebookWith(SLIPS_PAST),
      't.txt': `I: Frage?\n\nB1: ${A60}\n\nB2: Mehr Personal.\n`,
    });
    const run = await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '-f', 'csv', '-q'], dir);
    expect(run).toEqual({
      code: 2,
      stdout: 'category,label,level,segments,share,matches,transcripts,speakers\nr,R,1,0,0.0000,0,0,0\nt,T,1,1,0.3333,1,1,1\n',
      stderr:
        `t.txt:3: error: regex '${SLIPS_PAST}' of category 'r' ran longer than 1001 ms on segment 2 and was stopped; it is left out for the rest of this transcript, ` +
        "so 'r' may be coded too rarely (rewrite the regex without nested or overlapping repetition)\n",
    });
  });

  test('FOKUS_REGEX_BUDGET sets the milliseconds a unit gets, for analyze and the commands that code (kwic, show, …)', async () => {
    // Only the unbounded text is coded, so the verdict is the same whatever the budget and the machine.
    const dir = await project({ 'cb.yaml': codebookWith(SLIPS_PAST), 't.txt': `B1: ${A60}\n` });
    const stopped = (ms: number): string =>
      `t.txt:1: error: regex '${SLIPS_PAST}' of category 'r' ran longer than ${ms} ms on segment 1 and was stopped; it is left out for the rest of this transcript, ` +
      "so 'r' may be coded too rarely (rewrite the regex without nested or overlapping repetition)\n";
    const env = { FOKUS_REGEX_BUDGET: '300' };
    // 300 ms, plus 1 ms per 1000 characters (61 here): 301.
    const analyzed = await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '-f', 'csv', '-q'], dir, env);
    expect([analyzed.code, analyzed.stderr]).toEqual([2, stopped(301)]);
    const kwic = await runCli(['kwic', 'personal', 't.txt', '-c', 'cb.yaml'], dir, env);
    expect([kwic.code, kwic.stderr]).toEqual([2, `${stopped(301)}fokus: 0 hits in 0 units\n`]);
    // explain codes its unit again under the same budget and says what is missing (issue 11: never dropped silently).
    const explained = await runCli(['explain', 't.txt', '-c', 'cb.yaml', '--segment', 't.txt#1'], dir, env);
    expect([explained.code, explained.stderr]).toEqual([2, `${stopped(301)}t.txt#1: error: regex rule ${SLIPS_PAST} of r was stopped by its time budget; the explanation lacks its hits\n`]);
    expect(explained.stdout).toContain(`Not judged: the regex rule ${SLIPS_PAST} of r was stopped by its time budget (FOKUS_REGEX_BUDGET); its hits are missing.`);
    // Empty is unset: the default.
    const unset = await runCli(['analyze', 't.txt', '-c', 'cb.yaml', '-f', 'csv', '-q'], dir, { FOKUS_REGEX_BUDGET: '' });
    expect([unset.code, unset.stderr]).toEqual([2, stopped(1001)]);
  });

  test.each(['0', '1.5', '2s', '-5', ' 300'])('FOKUS_REGEX_BUDGET=%j is refused with exit 2 before anything is read', async (value) => {
    const dir = await project({ 'cb.yaml': codebookWith(SLIPS_PAST), 't.txt': `B1: ${A60}\n` });
    const message = `fokus: FOKUS_REGEX_BUDGET='${value}' is not a whole number of milliseconds ≥ 1\n`;
    for (const args of [['analyze', 't.txt', '-c', 'cb.yaml', '-q'], ['show', 't.txt', '-c', 'cb.yaml', '--category', 'r']]) {
      expect(await runCli(args, dir, { FOKUS_REGEX_BUDGET: value })).toEqual({ code: 2, stdout: '', stderr: message });
    }
  });
});

describe('the budgeted run finds exactly what plain exec finds', () => {
  const patterns = ['\\bes (fehlt|mangelt) an\\b', '(?<!nicht )\\bgut\\b', 'ä+', 'x*', '\\b', '[äöü]\\w{0,3}'];
  const matcher = matcherWith(...patterns);
  const plain = (pattern: string, text: string): [number, number][] => {
    const re = new RegExp(pattern, 'giu');
    const out: [number, number][] = [];
    // matchAll steps over empty matches by whole code points, as the budgeted loop must.
    for (const m of text.matchAll(re)) if (m[0].length > 0) out.push([m.index, m.index + m[0].length]);
    return out;
  };
  const word = fc.constantFrom('es', 'fehlt', 'mangelt', 'an', 'nicht', 'gut', 'Äpfel', 'ä', 'x', 'xx', 'über', '😀', '\u0301');
  const text = fc.array(fc.oneof(word, fc.constantFrom(' ', '  ', '\n', ', ', '. ')), { maxLength: 30 }).map((parts) => parts.join(''));

  test('on arbitrary texts of German words, spaces, emoji and combining marks', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (texts) => {
        const run = runRegexRules(texts, matcher, NEVER);
        expect(run.stops).toEqual([]);
        const rules = matcher.categories[0]!.rules;
        texts.forEach((t, i) => {
          rules.forEach((rule, k) => {
            expect((run.matches[i]!.get(rule) ?? []).map((m) => [m.start, m.end])).toEqual(plain(patterns[k]!, t));
          });
        });
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});
