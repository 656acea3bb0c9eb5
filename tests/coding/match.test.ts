import { describe, expect, it } from 'vitest';
import { compileCodebook } from '../../src/codebook/compile.js';
import { matchText } from '../../src/coding/match.js';
import { codebookFrom, codesOf, oneCategory } from '../helpers.js';

const terms = (list: string, top = ''): string => oneCategory(`    terms: ${list}\n`, top);

describe('terms', () => {
  it('matches plain words case-insensitively, per token', () => {
    expect(codesOf(terms('[netzwerk]'), 'Das NETZWERK und das Netzwerk, netzwerke nicht.')).toEqual({ c: 2 });
  });
  it('globs at the end, start, middle and both ends', () => {
    expect(codesOf(terms('[vernetz*]'), 'Vernetzung, vernetzt, vernetzen, Vernetz.')).toEqual({ c: 4 });
    expect(codesOf(terms("['*netzwerk*']"), 'Bildungsnetzwerke und Netzwerk und Netzwerkarbeit')).toEqual({ c: 3 });
    expect(codesOf(terms('[koop*ation]'), 'Kooperation und Koopation, aber nicht Kooperationen oder Koordination')).toEqual({ c: 2 });
    expect(codesOf(terms("['*leitung']"), 'Schulleitung, Leitung, Leitungen')).toEqual({ c: 2 });
  });
  it('a glob star never crosses punctuation or spaces', () => {
    expect(codesOf(terms('[netz*]'), 'Netz- und Datenplan')).toEqual({ c: 1 });
    expect(codesOf(terms('[netz*plan]'), 'Netz und Plan')).toEqual({});
  });
  it('phrases match consecutive tokens, across punctuation but not with words between', () => {
    expect(codesOf(terms('["es fehlt"]'), 'Es fehlt an Zeit. Es, fehlt! Es hat gefehlt. Es fehlt.')).toEqual({ c: 3 });
    expect(codesOf(terms('["an einem strang ziehen"]'), 'Wir müssen an einem Strang ziehen.')).toEqual({ c: 1 });
    expect(codesOf(terms('["an einem strang ziehen"]'), 'an einem anderen Strang ziehen')).toEqual({});
  });
  it('a lone * in a phrase stands for exactly one token', () => {
    const cb = terms('["bedarf sehe ich * nicht"]');
    expect(codesOf(cb, 'Einen Bedarf sehe ich da nicht.')).toEqual({ c: 1 });
    expect(codesOf(cb, 'Bedarf sehe ich nicht')).toEqual({});
    expect(codesOf(cb, 'Bedarf sehe ich da eigentlich nicht')).toEqual({});
  });
  it('folds umlauts and ß both ways when fold is on', () => {
    const cb = terms('[bedürfnis*, strasse, fuehrung]');
    expect(codesOf(cb, 'Beduerfnisse, Bedürfnis, Straße, Strasse, Führung')).toEqual({ c: 5 });
  });
  it('keeps umlauts apart when fold is off', () => {
    const cb = terms('[bedürfnis*, strasse]', 'match: {fold: false}\n');
    expect(codesOf(cb, 'Beduerfnisse, Bedürfnis, Straße, Strasse')).toEqual({ c: 2 });
  });
  it('matches hyphenated compounds whole, joined and part by part', () => {
    expect(codesOf(terms('[leitung]'), 'Die Kita-Leitung')).toEqual({ c: 1 });
    expect(codesOf(terms("['*leitung']"), 'Die Kita-Leitung')).toEqual({ c: 1 });
    expect(codesOf(terms('[kitaleitung]'), 'Die Kita-Leitung und die Kitaleitung')).toEqual({ c: 2 });
    expect(codesOf(terms('[kita-leitung]'), 'Die Kita-Leitung und die Kitaleitung')).toEqual({ c: 2 });
    expect(codesOf(terms('[kita]'), 'Die Kita-Leitung')).toEqual({ c: 1 });
  });
  it('completes a truncated first part from the word it shares its end with', () => {
    expect(codesOf(terms('[bildungsarbeit]'), 'Bildungs- und Jugendarbeit')).toEqual({ c: 1 });
    expect(codesOf(terms('[kulturarbeit]'), 'Bildungs-, Kultur- oder Jugendarbeit')).toEqual({ c: 1 });
    expect(codesOf(terms('[schulsozialarbeit]'), 'Schul- und Jugend-Sozialarbeit')).toEqual({ c: 1 });
    expect(codesOf(terms('[bildungsarbeit]'), 'Bildungs- und Jugendpolitik')).toEqual({});
  });
  it('matches by stem when stem is on, keeping umlauts', () => {
    const cb = terms('[kooperation, bedürfnis, grün]', 'match: {stem: true}\n');
    expect(codesOf(cb, 'Kooperationen, Bedürfnisse, grüne Wiese, grau')).toEqual({ c: 3 });
    const off = terms('[kooperation, bedürfnis, grün]');
    expect(codesOf(off, 'Kooperationen, Bedürfnisse, grüne Wiese')).toEqual({});
    const noFold = terms('[grün]', 'match: {stem: true, fold: false}\n');
    expect(codesOf(noFold, 'grüne, grun, grune')).toEqual({ c: 1 });
  });
  it('counts overlapping hits of one category once', () => {
    const cb = terms('["es fehlt", fehl*, fehlt]');
    expect(codesOf(cb, 'Es fehlt an allem, was fehlt.')).toEqual({ c: 2 });
  });
  it('reports character offsets of each hit', () => {
    const m = compileCodebook(codebookFrom(terms('["es fehlt", personal*]')));
    const r = matchText('Ja, es fehlt Personal.', m);
    expect(r.coded[0]!.matches).toEqual([
      { by: 'es fehlt', start: 4, end: 12 },
      { by: 'personal*', start: 13, end: 21 },
    ]);
  });
});

describe('rules', () => {
  it('all: every term somewhere in the unit', () => {
    const cb = oneCategory('    rules:\n      - all: [mehr, personal*]\n');
    expect(codesOf(cb, 'Wir brauchen mehr Zeit und Personal.')).toEqual({ c: 2 });
    expect(codesOf(cb, 'Wir brauchen Personal.')).toEqual({});
  });
  it('any: one of the terms', () => {
    const cb = oneCategory('    rules:\n      - any: [lücke*, engpass*]\n');
    expect(codesOf(cb, 'Versorgungslücken? Nein, Lücken und ein Engpass, Engpässe nicht.')).toEqual({ c: 2 });
  });
  it('near: at most `within` tokens apart, in either order', () => {
    const cb = oneCategory('    rules:\n      - near: [fehl*, angebot*]\n        within: 3\n');
    expect(codesOf(cb, 'Es fehlen Angebote.')).toEqual({ c: 2 });
    expect(codesOf(cb, 'Angebote, die wirklich fehlen')).toEqual({ c: 2 });
    expect(codesOf(cb, 'Es fehlen leider noch immer Angebote.')).toEqual({});
    expect(codesOf(cb, 'Es fehlen noch immer Angebote.')).toEqual({ c: 2 });
  });
  it('regex: on the unit text with flags iu, every match a hit', () => {
    const cb = oneCategory("    rules:\n      - regex: '\\bes (fehlt|mangelt) an\\b'\n");
    expect(codesOf(cb, 'Es fehlt an Zeit, es MANGELT an Geld.')).toEqual({ c: 2 });
    expect(codesOf(cb, 'es fehlten an')).toEqual({});
  });
  it('not: a rule does not match when an exclusion occurs in the unit', () => {
    const cb = oneCategory('    rules:\n      - any: [lücke*]\n        not: [keine*]\n');
    expect(codesOf(cb, 'Da gibt es Lücken.')).toEqual({ c: 1 });
    expect(codesOf(cb, 'Da gibt es keine Lücken.')).toEqual({});
  });
  it('not only blocks its own rule, not the other terms', () => {
    const cb = oneCategory('    terms: [bedarf]\n    rules:\n      - any: [lücke*]\n        not: [keine*]\n');
    expect(codesOf(cb, 'Keine Lücken, aber Bedarf.')).toEqual({ c: 1 });
  });
});

describe('exclude, roll-up and moderators', () => {
  const tree = `codebook: t
categories:
  - code: bedarfe
    label: Bedarfe
    terms: [brauch*]
    exclude: ["kein* bedarf*"]
    categories:
      - code: personal
        label: Personal
        terms: [personal*, fachkräft*]
        categories:
          - code: kita
            label: Kita
            terms: [erzieher*]
      - code: raeume
        label: Räume
        terms: [räume]
        exclude: [genug]
`;
  it('codes a unit with a subcategory and once with each ancestor', () => {
    expect(codesOf(tree, 'Erzieherinnen fehlen.')).toEqual({ bedarfe: 1, 'bedarfe/personal': 1, 'bedarfe/personal/kita': 1 });
    expect(codesOf(tree, 'Wir brauchen Fachkräfte und Erzieher.')).toEqual({
      bedarfe: 3,
      'bedarfe/personal': 2,
      'bedarfe/personal/kita': 1,
    });
  });
  it('an exclude blocks the category and its subcategories', () => {
    expect(codesOf(tree, 'Keinen Bedarf an Personal, wir brauchen nichts.')).toEqual({});
  });
  it("a subcategory's exclude blocks only the subcategory", () => {
    expect(codesOf(tree, 'Räume haben wir genug, wir brauchen Personal.')).toEqual({ bedarfe: 2, 'bedarfe/personal': 1 });
    expect(codesOf(tree, 'Räume haben wir genug.')).toEqual({});
  });
  it('reports which exclude blocked a category', () => {
    const m = compileCodebook(codebookFrom(tree));
    const r = matchText('Räume haben wir genug.', m);
    expect(r.blocked).toEqual([
      { path: 'bedarfe/raeume', by: 'bedarfe/raeume', exclude: [{ by: 'genug', start: 16, end: 21 }], matches: [{ by: 'räume', start: 0, end: 5 }] },
    ]);
  });
});

describe('compounds of more than two parts', () => {
  it('matches any run of consecutive parts, hyphenated or joined', () => {
    const cb = oneCategory('    terms: [win-win, kinderbetreuung]\n');
    expect(codesOf(cb, 'Eine Win-win-Situation für die Ganztags-Kinder-Betreuung.')).toEqual({ c: 2 });
  });
});
