import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { andList, english, fill, localeOf, lookup, messagesFor } from '../../src/lang/catalogue.js';
import { plainProblem, problem, problemFormatter } from '../../src/problems.js';
import { DE } from '../../src/lang/de/messages.js';
import { EN } from '../../src/lang/en/messages.js';

/** The placeholders of a message, sorted, and how many forms it has. */
function shape(template: string): string {
  const names = [...template.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]!);
  return `${template.split('|').length}:${[...new Set(names)].sort().join(',')}`;
}

describe('the message catalogues', () => {
  it('have the same keys in German and English', () => {
    expect(Object.keys(DE).sort()).toEqual(Object.keys(EN).sort());
  });

  it('give every message the same placeholders and forms in both languages', () => {
    const differ = Object.keys(EN).filter((k) => shape(EN[k as keyof typeof EN]) !== shape(DE[k as keyof typeof EN]));
    expect(differ).toEqual([]);
  });

  it('leave no message empty and none with a stray brace', () => {
    const bad = [...Object.entries(EN), ...Object.entries(DE)].filter(([, v]) => v.trim() === '' || /\{(?!\w+\})|(?<!\{\w+)\}/u.test(v)).map(([k]) => k);
    expect(bad).toEqual([]);
  });
});

describe('fill', () => {
  it('fills placeholders and chooses the form by n', () => {
    expect([fill('{n} unit|{n} units', { n: 1 }), fill('{n} unit|{n} units', { n: 0 }), fill('{n} unit|{n} units', { n: 2 })]).toEqual(['1 unit', '0 units', '2 units']);
    expect(fill('written to {folder}', { folder: 'out' })).toBe('written to out');
  });

  it('leaves a placeholder without a value as it is, and does not read Object properties', () => {
    expect(fill('{a} {constructor} {toString}', {})).toBe('{a} {constructor} {toString}');
  });
});

describe('localeOf', () => {
  it('takes --lang first, then LC_ALL, LC_MESSAGES and LANG', () => {
    expect([
      localeOf({ LANG: 'de_DE.UTF-8' }),
      localeOf({ LANG: 'de_DE.UTF-8' }, 'en'),
      localeOf({ LANG: 'C' }),
      localeOf({}),
      localeOf({ LC_ALL: 'en_GB.UTF-8', LANG: 'de_DE.UTF-8' }),
      localeOf({ LC_ALL: '', LC_MESSAGES: 'de_AT', LANG: 'C' }),
      localeOf({ LANG: 'de' }),
      localeOf({ LANG: 'deu' }),
      localeOf({ LANG: 'C' }, 'de'),
    ]).toEqual(['de', 'en', 'en', 'en', 'en', 'de', 'de', 'en', 'de']);
  });
});

describe('messagesFor', () => {
  it('writes numbers and shares the way each language does', () => {
    const de = messagesFor('de');
    const en = messagesFor('en');
    expect([de.number(3.25, 1), en.number(3.25, 1), de.percent(0.335), en.percent(0.335), de.number(Number.NaN, 2)]).toEqual(['3,3', '3.3', '33,5\u202f%', '33.5%', '0,00']);
    expect([de.t('count.units', { n: 1 }), en.t('count.speakers', { n: 2 })]).toEqual(['1 Einheit', '2 speakers']);
  });
});

describe('the CSV column names', () => {
  /** Every column name the CSV writers of src/ name in an array literal: arguments of toCsv and figureCsv, *_HEADER and *_COLUMNS. */
  function columnNames(): string[] {
    const src = join(import.meta.dirname, '../../src');
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    const names = new Set<string>();
    for (const f of files(src)) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/(?:(?:toCsv|figureCsv)\(\s*|_(?:HEADER|COLUMNS)(?::[^=]*)? = )\[([^\]]*)\]/gu)) {
        for (const n of m[1]!.matchAll(/'([a-z][a-z0-9_]*)'/gu)) names.add(n[1]!);
      }
    }
    return [...names].sort();
  }

  it('has a German name for every column a CSV writer names (so --excel writes no English header)', () => {
    const names = columnNames();
    expect(names.length).toBeGreaterThan(40);
    expect(names.filter((n) => lookup('de', `csv.${n}`) === undefined)).toEqual([]);
    expect(names.filter((n) => lookup('en', `csv.${n}`) !== n)).toEqual([]);
  });
});

describe('messages in params, and problems', () => {
  it('says a message given as a param in the same language, and joins lists with the language\'s "and"', () => {
    const unreadable = { key: 'problem.binary.signature', params: { what: { key: 'part.binary.png' } } } as const;
    expect([english(unreadable), messagesFor('de').say(unreadable)]).toEqual(['is a PNG image, not text', 'ist ein PNG-Bild, kein Text']);
    const present = { key: 'problem.codebook/rule-kind', params: { where: 'r', present: andList(['all', 'any', 'near']), list: 'all, any' } } as const;
    expect([english(present), messagesFor('de').say(present)]).toEqual([
      'r has all and any and near; a rule takes exactly one of all, any',
      'r hat all und any und near; eine Regel nimmt genau eines von all, any',
    ]);
  });

  it('makes a problem whose message is the English text of its key, and formats it in either language', () => {
    const p = problem('p.csv', 'warning', { key: 'problem.participants/duplicate', params: { speaker: 'B1', line: 2 } }, { line: 3, column: 1 }, 'participants/duplicate');
    expect(p.message).toBe('speaker "B1" is listed again (first at line 2); this row is ignored');
    expect([problemFormatter(messagesFor('en'))(p), problemFormatter(messagesFor('de'))(p)]).toEqual([
      'p.csv:3:1: warning: speaker "B1" is listed again (first at line 2); this row is ignored',
      'p.csv:3:1: Warnung: Sprecher:in "B1" ist erneut aufgeführt (zuerst in Zeile 2); diese Zeile wird ignoriert',
    ]);
    expect(plainProblem(p)).toEqual({ file: 'p.csv', line: 3, column: 1, severity: 'warning', message: p.message, ruleId: 'participants/duplicate' });
    // A problem made outside fokus (no key) keeps its message in every language.
    expect(problemFormatter(messagesFor('de'))({ file: 'x', severity: 'error', message: 'custom' })).toBe('x: Fehler: custom');
  });
});
