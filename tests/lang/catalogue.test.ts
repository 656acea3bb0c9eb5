import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fill, localeOf, lookup, messagesFor } from '../../src/lang/catalogue.js';
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
