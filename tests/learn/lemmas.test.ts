import { describe, expect, it } from 'vitest';
import { commonPrefix, compoundHead, lemmaCandidates, lemmaOf } from '../../src/learn/lemmas.js';

describe('lemmaOf: inflected forms grouped under their lemma (German lexicon)', () => {
  it('finds the lemma of inflected nouns, compounds included', () => {
    expect(lemmaOf('kooperationsverträge', 'noun')).toBe('kooperationsvertrag');
    expect(lemmaOf('kooperationsvertrags', 'noun')).toBe('kooperationsvertrag');
    expect(lemmaOf('kooperationsvertrag', 'noun')).toBe('kooperationsvertrag');
    expect(lemmaOf('jugendämtern', 'noun')).toBe('jugendamt');
    expect(lemmaOf('netzwerke', 'noun')).toBe('netzwerk');
  });

  it('finds the infinitive of finite verb forms', () => {
    expect(lemmaOf('kooperiert', 'verb')).toBe('kooperieren');
    expect(lemmaOf('kooperieren', 'verb')).toBe('kooperieren');
  });

  it('reads a capitalised word as a noun and a lower-case one as a verb', () => {
    expect(lemmaOf('schulen', 'noun')).toBe('schule');
    expect(lemmaOf('schulen', 'verb')).toBe('schulen');
  });

  it('keeps a word the lexicon does not know as it is', () => {
    expect(lemmaOf('quxbrumm', 'any')).toBe('quxbrumm');
  });

  it('tries endings, umlauts, ge- and zu- as candidates', () => {
    const c = lemmaCandidates('verträge');
    expect(c).toContain('vertrag');
    expect(lemmaCandidates('zusammengearbeitet')).toContain('zusammenarbeiten');
  });
});

describe('compoundHead', () => {
  it('is the longest noun at the end of a compound noun', () => {
    expect(compoundHead('kooperationsvertrag')).toBe('vertrag');
    expect(compoundHead('grundschule')).toBe('schule');
  });

  it('is null for derived words and verbs', () => {
    expect(compoundHead('partnerschaft')).toBeNull();
    expect(compoundHead('verstehen')).toBeNull();
    expect(compoundHead('kita')).toBeNull();
  });
});

describe('commonPrefix', () => {
  it('is the longest prefix all words share', () => {
    expect(commonPrefix(['übergang', 'übergänge', 'übergangs'])).toBe('überg');
    expect(commonPrefix([])).toBe('');
  });
});
