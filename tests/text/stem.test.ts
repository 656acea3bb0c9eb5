import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stemWord } from '../../src/text/stem.js';

describe('stemWord', () => {
  it('stems German words and keeps umlauts', () => {
    expect(stemWord('kooperationen', 'de')).toBe('kooperation');
    expect(stemWord('kooperation', 'de')).toBe('kooperation');
    expect(stemWord('bedürfnisse', 'de')).toBe('bedürfnis');
    expect(stemWord('bedürfnissen', 'de')).toBe('bedürfnis');
    expect(stemWord('bedürfnis', 'de')).toBe('bedürfnis');
    expect(stemWord('grün', 'de')).toBe('grün');
    expect(stemWord('grüne', 'de')).toBe('grün');
    expect(stemWord('grünen', 'de')).toBe('grün');
    expect(stemWord('übergang', 'de')).toBe('übergang');
    expect(stemWord('gemeinsamen', 'de')).toBe('gemeinsam');
  });

  it('writes ß as ss, as Snowball does, so both spellings share a stem', () => {
    expect(stemWord('straße', 'de')).toBe('strass');
    expect(stemWord('strasse', 'de')).toBe('strass');
    expect(stemWord('straßen', 'de')).toBe('strass');
    expect(stemWord('fuß', 'de')).toBe('fuss');
    expect(stemWord('füße', 'de')).toBe('füss');
  });

  it('keeps an umlaut that only the plural has, so such plurals do not meet their singular', () => {
    // The price of keeping umlauts: Snowball maps both to "haus"; we keep what was written.
    expect(stemWord('häuser', 'de')).toBe('häus');
    expect(stemWord('haus', 'de')).toBe('haus');
  });

  it('only cuts: every German stem is a prefix of the word (ß written ss)', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcdefghiklmnorstuäöüßeeinnrs'), minLength: 1, maxLength: 14 });
    fc.assert(
      fc.property(word, (w) => {
        const s = stemWord(w, 'de');
        return w.replace(/ß/g, 'ss').startsWith(s) && s.length > 0;
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('gives the same stem again from its cache', () => {
    expect(stemWord('kooperationen', 'de')).toBe(stemWord('kooperationen', 'de'));
    expect(stemWord('', 'de')).toBe('');
  });

  it('stems English words with Porter', () => {
    expect(stemWord('networks', 'en')).toBe('network');
    expect(stemWord('running', 'en')).toBe('run');
    expect(stemWord('cooperation', 'en')).toBe('cooper');
  });
});
