import { describe, expect, it } from 'vitest';
import { compileCodebook } from '../../src/codebook/compile.js';
import { matchText } from '../../src/coding/match.js';
import { codebookFrom, codesOf, oneCategory } from '../helpers.js';

/** A one-category codebook with the given terms and category-level match options. */
const terms = (list: string, match = '', top = ''): string => oneCategory(`    terms: ${list}\n${match ? `    match: ${match}\n` : ''}`, top);

describe('lemma matching (match.lemma)', () => {
  it('a noun matches its inflected forms, umlaut plurals of compounds included', () => {
    const cb = terms('[jugendamt]', '{lemma: true}');
    expect(codesOf(cb, 'Mit den Jugendämtern, dem Jugendamt, des Jugendamtes, die Jugendämter.')).toEqual({ c: 4 });
    expect(codesOf(terms('[jugendamt]'), 'Mit den Jugendämtern.')).toEqual({});
  });
  it('covers plural and case forms from the lexicon', () => {
    expect(codesOf(terms('[kita, erzieherin, schule]', '{lemma: true}'), 'Kitas, Erzieherinnen, Schulen, Kita')).toEqual({ c: 4 });
  });
  it('a lemma does not reach other words that share its beginning', () => {
    expect(codesOf(terms('[schule]', '{lemma: true}'), 'Schüler, Schulung, Schulleitung')).toEqual({});
  });
  it("'*word' matches compounds ending in any form of the word", () => {
    expect(codesOf(terms("['*schule']", '{lemma: true}'), 'Grundschulen, Gemeinschaftsschule, Schule, Schulen')).toEqual({ c: 4 });
    expect(codesOf(terms("['*amt']", '{lemma: true}'), 'Jugendämtern, Landratsamt')).toEqual({ c: 2 });
  });
  it('separable verbs match joined, as participle, as zu-infinitive and split within a sentence', () => {
    const cb = terms('[zusammenarbeiten]', '{lemma: true}');
    expect(codesOf(cb, 'Wir arbeiten auch mit dem Gesundheitsministerium zusammen.')).toEqual({ c: 1 });
    expect(codesOf(cb, 'Es ist wichtig, um zusammenzuarbeiten.')).toEqual({ c: 1 });
    expect(codesOf(cb, 'Wir haben gut zusammengearbeitet, weil sie zusammenarbeitet.')).toEqual({ c: 2 });
    // The particle must follow in the same sentence.
    expect(codesOf(cb, 'Wir arbeiten viel. Zusammen ist man weniger allein.')).toEqual({});
    expect(codesOf(cb, 'Zusammen arbeiten wir viel.')).toEqual({});
  });
  it('a split verb is evidenced on its finite form', () => {
    const matcher = compileCodebook(codebookFrom(terms('[zusammenarbeiten]', '{lemma: true}')));
    const text = 'Wir arbeiten mit der Schule zusammen.';
    const m = matchText(text, matcher).coded[0]!.matches;
    expect(m.map((x) => [x.by, text.slice(x.start, x.end)])).toEqual([['zusammenarbeiten', 'arbeiten']]);
  });
});

describe('compound heads (match.compounds: head)', () => {
  const head = 'match: {compounds: head}\n';
  it('only the head of a hyphenated compound and runs ending with it match', () => {
    expect(codesOf(terms('[schüler]', '', head), 'Das Schüler-BAföG ist gut.')).toEqual({});
    // A glob matches the joined spelling of the parts only where its letters reach into the head.
    expect(codesOf(terms('[schüler*]', '', head), 'Das Schüler-BAföG ist gut.')).toEqual({});
    expect(codesOf(terms('[kita*]', '', head), 'Die Kita-Leitung kommt.')).toEqual({});
    expect(codesOf(terms("['*leitung', kitaleit*]", '', head), 'Die Kita-Leitung kommt.')).toEqual({ c: 1 });
    // A word written joined is read as written: the glob matches it.
    expect(codesOf(terms('[schüler*]', '', head), 'Das Schülerbafög ist gut.')).toEqual({ c: 1 });
    // Without compound heads, the joined spelling matches as before.
    expect(codesOf(terms('[schüler*]'), 'Das Schüler-BAföG ist gut.')).toEqual({ c: 1 });
    expect(codesOf(terms('[kita]', '', head), 'Das Gute-Kita-Gesetz.')).toEqual({});
    expect(codesOf(terms('[gesetz, kita-gesetz]', '', head), 'Das Gute-Kita-Gesetz.')).toEqual({ c: 1 });
    expect(codesOf(terms('[leitung]', '', head), 'Die Kita-Leitung.')).toEqual({ c: 1 });
  });
  it('a truncated part completed from the next word is a compound with that word\'s head', () => {
    expect(codesOf(terms('[kinder*]', '', head), 'Die Reform des Kinder- und Jugendhilferechts.')).toEqual({});
    expect(codesOf(terms("['*hilferechts']", '', head), 'Die Reform des Kinder- und Jugendhilferechts.')).toEqual({ c: 2 });
  });
  it('a truncated part counts only through the word that completes it', () => {
    const cb = terms('[kinder, jugendhilferechts, kinderhilferechts]', '', head);
    const matcher = compileCodebook(codebookFrom(cb));
    const text = 'Die Reform des Kinder- und Jugendhilferechts.';
    const coded = matchText(text, matcher).coded[0]!.matches.map((m) => m.by);
    expect(coded).toEqual(['kinderhilferechts', 'jugendhilferechts']);
  });
  it('exclusions still see every part: a modifier is a reason to exclude', () => {
    const yaml = oneCategory("    rules:\n      - any: ['*netzwerk']\n        not: [wlan*]\n    exclude: [server]\n", head);
    expect(codesOf(yaml, 'Unser Netzwerk trifft sich.')).toEqual({ c: 1 });
    expect(codesOf(yaml, 'Das WLAN-Netzwerk fällt aus.')).toEqual({});
    expect(codesOf(yaml, 'Das Server-Netzwerk fällt aus.')).toEqual({});
  });
  it('parts (the default) still match every part', () => {
    expect(codesOf(terms('[kita]'), 'Das Gute-Kita-Gesetz.')).toEqual({ c: 1 });
  });
});

describe('negation guard (match.negation)', () => {
  const cb = terms('[problem*, "bedarf*", chance]', '{negation: true}');
  it('drops hits a negation governs in their clause', () => {
    expect(codesOf(cb, 'Das ist kein Problem.')).toEqual({});
    expect(codesOf(cb, 'Das läuft ohne Probleme.')).toEqual({});
    expect(codesOf(cb, 'Einen Bedarf sehe ich da eigentlich nicht.')).toEqual({});
    expect(codesOf(cb, 'Probleme gibt es da keine mehr.')).toEqual({});
  });
  it('drops words negated inside ("-los")', () => {
    expect(codesOf(cb, 'Das ging problemlos.')).toEqual({});
  });
  it('keeps hits whose clause has no negation, or where the negation comes later and does not close the clause', () => {
    expect(codesOf(cb, 'Das Problem ist groß, und wir haben keine Zeit.')).toEqual({ c: 1 });
    expect(codesOf(cb, 'Das Problem haben wir nicht gelöst.')).toEqual({ c: 1 });
    expect(codesOf(cb, 'Nicht die Schule, sondern das Problem der Eltern.')).toEqual({ c: 1 });
  });
  it('a negation inside the term belongs to it', () => {
    expect(codesOf(terms('["kein* chance*"]', '{negation: true}'), 'Wir haben keine Chance.')).toEqual({ c: 1 });
  });
  it('excludes and rule `not` terms are never guarded', () => {
    const yaml = oneCategory("    terms: [problem]\n    match: {negation: true}\n    exclude: ['nicht * problem']\n");
    expect(codesOf(yaml, 'Das ist nicht ein Problem.')).toEqual({});
  });
  it('without the guard, negated hits count', () => {
    expect(codesOf(terms('[problem*]'), 'Das ist kein Problem.')).toEqual({ c: 1 });
  });
});

describe('questions (match.questions: false)', () => {
  const cb = terms('[chance*]', '{questions: false}');
  it('drops hits inside questions', () => {
    expect(codesOf(cb, 'Welche Chancen haben sie?')).toEqual({});
    expect(codesOf(cb, 'Welche Chancen haben sie? Die Chance ist groß.')).toEqual({ c: 1 });
  });
  it('a tag question is a statement', () => {
    expect(codesOf(cb, 'Das ist eine Chance, oder?')).toEqual({ c: 1 });
    expect(codesOf(cb, 'Das ist doch eine Chance, ne?')).toEqual({ c: 1 });
  });
  it('questions count by default', () => {
    expect(codesOf(terms('[chance*]'), 'Welche Chancen haben sie?')).toEqual({ c: 1 });
  });
});

describe('sentence scope of rules', () => {
  const rule = (r: string): string => oneCategory(`    rules:\n${r}`);
  it('all: every term in one sentence', () => {
    const cb = rule('      - all: [gespräch, mit]\n        scope: sentence\n');
    expect(codesOf(cb, 'Wir sind mit allen Ländern im Gespräch.')).toEqual({ c: 2 });
    expect(codesOf(cb, 'Wir sind im Gespräch. Mit allen.')).toEqual({});
    expect(codesOf(rule('      - all: [gespräch, mit]\n'), 'Wir sind im Gespräch. Mit allen.')).toEqual({ c: 2 });
  });
  it('near: partners in the same sentence only', () => {
    const cb = rule('      - near: [räume, nutzen]\n        within: 5\n        scope: sentence\n');
    expect(codesOf(cb, 'Die Räume könnten wir nutzen.')).toEqual({ c: 2 });
    expect(codesOf(cb, 'Die Räume. Nutzen wir sie?')).toEqual({});
  });
  it('not blocks only its own sentence', () => {
    const cb = rule('      - any: [problem]\n        not: [kein]\n        scope: sentence\n');
    expect(codesOf(cb, 'Kein Problem. Aber ein Problem gibt es doch.')).toEqual({ c: 1 });
    expect(codesOf(rule('      - any: [problem]\n        not: [kein]\n'), 'Kein Problem. Aber ein Problem gibt es doch.')).toEqual({});
  });
  it('labels a sentence rule so the evidence says so', () => {
    const matcher = compileCodebook(codebookFrom(rule('      - all: [gespräch, mit]\n        scope: sentence\n')));
    expect(matchText('Mit allen im Gespräch.', matcher).coded[0]!.matches.map((m) => m.by)).toEqual(['all/sentence: gespräch, mit', 'all/sentence: gespräch, mit']);
  });
  it('a regex rule takes no scope', async () => {
    const { parseCodebook } = await import('../../src/codebook/parse.js');
    const { problems } = parseCodebook(rule("      - regex: 'a+b'\n        scope: sentence\n"), 'cb.yaml');
    expect(problems.map((p) => [p.line, p.ruleId])).toEqual([[7, 'codebook/rule-scope']]);
  });
});

describe('word sets ($name)', () => {
  const withSets = (body: string, match = ''): string =>
    `codebook: test\n${match}sets:\n  - name: akteur\n    words: [schule, kita, jugendamt, "*verein"]\ncategories:\n  - code: c\n    label: C\n${body}`;
  it('a $name word matches any word of the set, in phrases and rules', () => {
    const cb = withSets('    terms: ["im gespräch mit * $akteur"]\n    rules:\n      - near: [$akteur, zusammen]\n        within: 4\n        scope: sentence\n');
    expect(codesOf(cb, 'Wir sind im Gespräch mit dem Jugendamt.')).toEqual({ c: 1 });
    expect(codesOf(cb, 'Mit dem Sportverein arbeiten wir zusammen.')).toEqual({ c: 2 });
    expect(codesOf(cb, 'Wir sind im Gespräch mit dem Bürgermeister.')).toEqual({});
  });
  it("a set's words follow the options of the category that uses it", () => {
    const cb = withSets('    terms: [$akteur]\n    match: {lemma: true}\n');
    expect(codesOf(cb, 'Schulen, Kitas und Jugendämtern, Sportvereinen')).toEqual({ c: 4 });
    expect(codesOf(withSets('    terms: [$akteur]\n'), 'Schulen, Kitas und Jugendämtern')).toEqual({});
  });
  it('an unknown set is an error with its position', async () => {
    const { parseCodebook } = await import('../../src/codebook/parse.js');
    const { problems } = parseCodebook(withSets('    terms: [$akteure]\n'), 'cb.yaml');
    expect(problems.map((p) => [p.line, p.column, p.ruleId, p.message])).toEqual([
      [8, 13, 'codebook/unknown-set', "term '$akteure' names the word set 'akteure', which the codebook's 'sets' does not define"],
    ]);
  });
});

describe('guards apply to regex rules too', () => {
  const cb = (match: string): string => oneCategory(`    match: ${match}\n    rules:\n      - regex: '\\b(?:läuft|finde ich) (?:\\w+ )?gut\\b'\n`);
  it('a regex hit governed by a negation is dropped', () => {
    expect(codesOf(cb('{negation: true}'), 'Das läuft gut.')).toEqual({ c: 1 });
    expect(codesOf(cb('{negation: true}'), 'Nein, das läuft nicht gut.')).toEqual({});
    expect(codesOf(cb('{negation: false}'), 'Nein, das läuft nicht gut.')).toEqual({ c: 1 });
  });
  it('a regex hit in a question is dropped', () => {
    expect(codesOf(cb('{questions: false}'), 'Wo läuft es gut? Hier läuft wirklich gut was.')).toEqual({ c: 1 });
    expect(codesOf(cb('{questions: false}'), 'Wo läuft es gut? Wo finde ich gut Hilfe?')).toEqual({});
  });
});

describe('word sets from the sentiment lexicon (from: sentiment-de)', () => {
  const yaml = (set: string, body = '    terms: [$neg]\n'): string => `codebook: test\nsets:\n${set}categories:\n  - code: c\n    label: C\n${body}`;
  it('holds the words of one polarity, with their inflected forms, less the except words', async () => {
    const { sentimentLoaded, polarityWords } = await import('../../src/lang/de/sentiment.js');
    const neg = polarityWords('negative', 0.3);
    expect(['problem', 'probleme', 'katastrophe', 'frust'].every((w) => neg.includes(w))).toBe(true);
    expect(neg.includes('gut')).toBe(false);
    expect(polarityWords('positive', 0.3).includes('toll')).toBe(true);
    expect(sentimentLoaded()).toBe(true);
    const cb = yaml('  - name: neg\n    from: sentiment-de\n    polarity: negative\n    except: [pflicht]\n');
    expect(codesOf(cb, 'Das war eine Katastrophe und viel Frust.')).toEqual({ c: 2 });
    expect(codesOf(cb, 'Das ist Pflicht.')).toEqual({});
    expect(codesOf(cb, 'Das ist toll.')).toEqual({});
  });
  it('a set with from needs a polarity; polarity without from, a min outside 0…1 and a set of nothing are errors', async () => {
    const { parseCodebook } = await import('../../src/codebook/parse.js');
    const problems = (set: string): string[] => parseCodebook(yaml(set), 'cb.yaml').problems.map((p) => `${p.line}:${p.column} ${p.ruleId} ${p.message}`);
    expect(problems('  - name: neg\n    from: sentiment-de\n')).toEqual(["3:5 codebook/word-set a word set 'from: sentiment-de' needs 'polarity: positive' or 'polarity: negative'"]);
    expect(problems('  - name: neg\n    words: [a]\n    polarity: negative\n')).toEqual(["3:5 codebook/word-set 'polarity' and 'min' of word set 'neg' belong to a set with 'from'"]);
    expect(problems('  - name: neg\n    from: sentiment-de\n    polarity: negative\n    min: 2\n')).toEqual(['6:10 codebook/range codebook.sets[1].min must be at most 1, not 2']);
    expect(problems('  - name: neg\n')).toEqual(["3:5 codebook/word-set word set 'neg' needs 'words' or 'from'"]);
  });
});
