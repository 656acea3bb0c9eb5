import { describe, expect, test } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';

const sentences = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  test('spans are offsets without surrounding white space', () => {
    expect(splitSentences('  Ja. Nein!  ')).toStrictEqual([
      { start: 2, end: 5 },
      { start: 6, end: 11 },
    ]);
    expect(splitSentences('')).toStrictEqual([]);
    expect(splitSentences('   ')).toStrictEqual([]);
  });

  test('., !, ?, ?! and text without a final mark', () => {
    expect(sentences('Was? Nein! Wirklich?! Okay. Ende ohne Punkt')).toEqual(['Was?', 'Nein!', 'Wirklich?!', 'Okay.', 'Ende ohne Punkt']);
  });

  test.each([
    ['z. B.', 'Wir brauchen z. B. mehr Personal. Das ist klar.', ['Wir brauchen z. B. mehr Personal.', 'Das ist klar.']],
    ['z.B.', 'Wir brauchen z.B. Räume. Das ist klar.', ['Wir brauchen z.B. Räume.', 'Das ist klar.']],
    ['Z. B. at the start', 'Z. B. Schulen. Oder Kitas.', ['Z. B. Schulen.', 'Oder Kitas.']],
    ['d. h.', 'Das heißt, d. h. Die Schulen. Gut.', ['Das heißt, d. h. Die Schulen.', 'Gut.']],
    ['u. a.', 'Es kamen u. a. Eltern. Gut.', ['Es kamen u. a. Eltern.', 'Gut.']],
    ['bzw. ca. Nr. vgl.', 'Zwei bzw. Drei, ca. Zwanzig, Nr. Fünf, vgl. Kapitel Zwei. Ende.', ['Zwei bzw. Drei, ca. Zwanzig, Nr. Fünf, vgl. Kapitel Zwei.', 'Ende.']],
    ['Dr. Prof.', 'Frau Dr. Weber und Prof. Schulz kamen. Danach wir.', ['Frau Dr. Weber und Prof. Schulz kamen.', 'Danach wir.']],
    ['initials', 'Das sagte M. Weber gestern. Gut.', ['Das sagte M. Weber gestern.', 'Gut.']],
    ['usw. before a capital ends', 'Kitas, Schulen usw. Dann kam die Verwaltung.', ['Kitas, Schulen usw.', 'Dann kam die Verwaltung.']],
    ['etc. before a capital ends', 'Bücher etc. Das war alles.', ['Bücher etc.', 'Das war alles.']],
    ['etc. before a small letter does not', 'Bücher etc. und Hefte. Gut.', ['Bücher etc. und Hefte.', 'Gut.']],
    ['o. ä. before a capital ends', 'Vereine o. ä. Danach Pause.', ['Vereine o. ä.', 'Danach Pause.']],
  ])('abbreviation: %s', (_name, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  test.each([
    ['3. Mai', 'Das war am 3. Mai. Dann kam der Sommer.', ['Das war am 3. Mai.', 'Dann kam der Sommer.']],
    ['am 12. 3.', 'Und am 12. 3. haben wir getagt. Gut.', ['Und am 12. 3. haben wir getagt.', 'Gut.']],
    ['2. Klasse', 'Die 2. Klasse war da. Die 10. Klasse nicht.', ['Die 2. Klasse war da.', 'Die 10. Klasse nicht.']],
    ['im 21. Jahrhundert', 'Wir leben im 21. Jahrhundert. Wirklich.', ['Wir leben im 21. Jahrhundert.', 'Wirklich.']],
    ['am 3. cut short', 'Wir treffen uns am 3. Oder später.', ['Wir treffen uns am 3. Oder später.']],
    ['a year ends', 'Ich bin seit 2019. Danach kam Corona.', ['Ich bin seit 2019.', 'Danach kam Corona.']],
    ['a count ends', 'Wir waren 45. Das war gut.', ['Wir waren 45.', 'Das war gut.']],
    ['dates without spaces', 'Am 12.03.2024 war es. Gut.', ['Am 12.03.2024 war es.', 'Gut.']],
  ])('ordinal or date: %s', (_name, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  test('ellipses: a pause before a small letter, an end before a capital; (…) omission marks never end', () => {
    expect(sentences('Also … ich weiß nicht … Aber dann kam es. (…) Weiter so... und dann... Ende.')).toEqual([
      'Also … ich weiß nicht …',
      'Aber dann kam es.',
      '(…) Weiter so... und dann...',
      'Ende.',
    ]);
    expect(sentences('Das (...) war gut. [...] Ja.')).toEqual(['Das (...) war gut.', '[...] Ja.']);
  });

  test('quotes: closing quotes stay with their sentence; no end before a comma', () => {
    expect(sentences('Er sagte: „Das geht nicht.“ Dann ging er. „Wirklich?“, fragte sie. »Ja!« Gut.')).toEqual([
      'Er sagte: „Das geht nicht.“',
      'Dann ging er.',
      '„Wirklich?“, fragte sie.',
      '»Ja!«',
      'Gut.',
    ]);
    expect(sentences('Sie meinte "nein." und ging.')).toEqual(['Sie meinte "nein." und ging.']);
  });

  test('annotations in brackets after a sentence start the next one', () => {
    expect(sentences('Das war gut. (lacht) Dann ja.')).toEqual(['Das war gut.', '(lacht) Dann ja.']);
  });

  test('a small letter after a full stop continues the sentence', () => {
    expect(sentences('Das ist Abt. fünf. Gut.')).toEqual(['Das ist Abt. fünf.', 'Gut.']);
  });

  test('line breaks count as white space', () => {
    expect(sentences('Erste Zeile.\nZweite\nZeile.')).toEqual(['Erste Zeile.', 'Zweite\nZeile.']);
  });
});
