import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prefilterOf, requiredLiterals } from '../../src/coding/regex-prefilter.js';

describe('requiredLiterals', () => {
  it.each([
    ['\\bes (fehlt|mangelt) an\\b', ['es fehlt an', 'es mangelt an']],
    ['\\b(?:uns|da|hier) (?:fehlt|fehlen)\\b', ['uns fehlt', 'uns fehlen', 'da fehlt', 'da fehlen', 'hier fehlt', 'hier fehlen']],
    // A class of a few characters and an optional group are expanded; the sets multiply.
    ['[Bb]edarf(e|s)?', ['Bedarf', 'Bedarfe', 'Bedarfs', 'bedarf', 'bedarfe', 'bedarfs']],
    ['x{2}yz', ['xxyz']],
    // An open repetition ends a literal: the longer side is kept.
    ['\\w+ung\\b', ['ung']],
    ['\\d+ Stunden?', [' Stunde', ' Stunden']],
    ['(?:Kita|Schule)n?\\s+(?:fehlt|fehlen)', ['fehlt', 'fehlen']],
    // A repeated group (at least once) must contain what one repetition contains.
    ['(?:Netzwerk\\w*)+', ['Netzwerk']],
    // Look-arounds consume nothing: the literal is what the match itself holds.
    ['(?<=kein )Bedarf', ['Bedarf']],
    // Astral characters are one character each.
    ['😀😀x', ['😀😀x']],
  ])('%s → %j', (pattern, literals) => {
    expect(requiredLiterals(pattern)).toEqual(literals);
  });

  it.each([
    // A branch without a literal: nothing is required.
    'abc|\\w',
    // Literals shorter than three characters are not worth it.
    '(?:a|b)c',
    '\\bda\\b',
    // Classes, sets, optional parts and back-references give no literal.
    '[^x]+',
    '\\p{L}{4,}',
    '(?:Netzwerk)?',
    '(ab)\\1',
    // Too many combinations: unknown rather than a huge alternation.
    '[a-h][a-h][a-h]',
    // Not a valid pattern: no prefilter (the codebook loader reports it).
    '(unclosed',
  ])('%s → none', (pattern) => {
    expect(requiredLiterals(pattern)).toBeUndefined();
  });
});

describe('prefilterOf', () => {
  it('searches the literals with the flags iu, leaving out literals that contain another one', () => {
    expect(String(prefilterOf('[Bb]edarf(e|s)?'))).toBe('/Bedarf|bedarf/iu');
    expect(String(prefilterOf('a\\.b\\+c|\\(x\\)y'))).toBe('/a\\.b\\+c|\\(x\\)y/iu');
    expect(prefilterOf('\\w+')).toBeUndefined();
  });

  it('never rules out a text in which the pattern matches (case folding included)', () => {
    const patterns = [
      '\\bes (fehlt|mangelt) an\\b',
      '[Bb]edarf(e|s)?',
      '\\b(?:Kita|Schule)n?\\s+(?:fehlt|fehlen)',
      '(?:abb+cd)+xyz',
      'sk[sſ]?t',
      'straße|STRASSE',
      '(?<!nicht )gut(?:e|er)?\\b',
    ];
    // Characters with case-folding surprises: long s (folds to s), Kelvin sign (to k), capital sharp s.
    const piece = fc.constantFrom('es', 'ES', 'fehlt', 'FEHLT', 'mangelt', 'an', 'AN', 'Bedarf', 'BEDARFE', 'Kita', 'kitan', 'Schule', 'fehlen', 'ab', 'abbcd', 'abbbcd', 'xyz', 'XYZ', 't', 'ſk', 'SK', '\u212a', 'straße', 'STRAẞE', 'strasse', 'nicht', 'gut', 'GUTER', ' ', '  ', '\n', '-');
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    const compiled = patterns.map((p) => ({ re: new RegExp(p, 'iu'), pre: prefilterOf(p) }));
    expect(compiled.every((c) => c.pre !== undefined)).toBe(true);
    fc.assert(
      fc.property(text, (t) => {
        for (const { re, pre } of compiled) if (re.test(t)) expect(pre!.test(t)).toBe(true);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
