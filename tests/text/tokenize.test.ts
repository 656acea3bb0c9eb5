import { describe, expect, it } from 'vitest';
import { foldWord, lowerWord } from '../../src/text/normalize.js';
import { completeTruncated, isTruncated, tokenForms, tokenize } from '../../src/text/tokenize.js';

describe('tokenize', () => {
  it('splits words with offsets, keeping inner hyphens and apostrophes', () => {
    expect(tokenize('Die Kita-Leitung sagt: „Geht’s so?“ – 2030, ok.')).toEqual([
      { text: 'Die', start: 0, end: 3 },
      { text: 'Kita-Leitung', start: 4, end: 16 },
      { text: 'sagt', start: 17, end: 21 },
      { text: 'Geht’s', start: 24, end: 30 },
      { text: 'so', start: 31, end: 33 },
      { text: '2030', start: 38, end: 42 },
      { text: 'ok', start: 44, end: 46 },
    ]);
  });
  it('keeps the trailing hyphen of a truncated compound, not of a dash', () => {
    expect(tokenize('Bildungs- und Jugendarbeit, gut - sehr gut').map((t) => t.text)).toEqual([
      'Bildungs-',
      'und',
      'Jugendarbeit',
      'gut',
      'sehr',
      'gut',
    ]);
  });
  it('counts offsets in UTF-16 units', () => {
    expect(tokenize('😀 Netz')).toEqual([{ text: 'Netz', start: 3, end: 7 }]);
  });
});

describe('word forms', () => {
  it('lower-cases and folds umlauts', () => {
    expect(lowerWord('GRÜẞE’')).toBe("grüße'");
    expect(foldWord('grüße übermäßig öl')).toBe('gruesse uebermaessig oel');
  });
  it('gives the forms of a compound', () => {
    expect(tokenForms('kita-leitung')).toEqual(['kita-leitung', 'kitaleitung', 'kita', 'leitung']);
    expect(tokenForms('bildungs-')).toEqual(['bildungs']);
    expect(tokenForms('netz')).toEqual(['netz']);
  });
  it('completes truncated parts', () => {
    expect(isTruncated('bildungs-')).toBe(true);
    expect(isTruncated('-')).toBe(false);
    expect(completeTruncated('bildungs-', 'jugendarbeit')).toEqual([
      'bildungsgendarbeit',
      'bildungsendarbeit',
      'bildungsndarbeit',
      'bildungsdarbeit',
      'bildungsarbeit',
      'bildungsrbeit',
      'bildungsbeit',
      'bildungseit',
    ]);
    expect(completeTruncated('schul-', 'jugend-sozialarbeit')).toEqual(['schulsozialarbeit']);
  });
});
