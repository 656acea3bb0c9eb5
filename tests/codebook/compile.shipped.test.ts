/**
 * The shipped codebook on the kinds of error the validity work set out to fix (sentences written
 * for this test, one per kind): inflection, separable verbs, compound heads, negation, questions,
 * word senses, meaning without the category's usual keyword. Each checks the category the error
 * was about, present or absent.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCodebook, type Matcher } from '../../src/codebook/compile.js';
import { parseCodebook } from '../../src/codebook/parse.js';
import { matchText } from '../../src/coding/match.js';

const shipped = resolve(import.meta.dirname, '../../codebooks/isog-fokusgruppe.yaml');
let matcher: Matcher | undefined;

async function codes(text: string): Promise<string[]> {
  if (!matcher) {
    const { codebook } = parseCodebook(await readFile(shipped, 'utf8'), shipped);
    matcher = compileCodebook(codebook!);
  }
  return matchText(text, matcher).coded.map((c) => c.path);
}

describe('the shipped codebook on the kinds of error it was revised for', () => {
  it.each([
    ['inflection: an umlaut plural of a compound', 'Mit den Jugendämtern sprechen wir regelmäßig über die Fälle.', 'akteure/jugendhilfe', true],
    ['separable verb, split in the sentence', 'Wir arbeiten seit drei Jahren mit dem Gesundheitsamt zusammen.', 'kooperationssynergien', true],
    ['zu-infinitive of a separable verb', 'Es ist nicht leicht, über die Ortsgrenzen hinweg zusammenzuarbeiten.', 'kooperationssynergien', true],
    ['compound head: a grant, not pupils', 'Das Schüler-BAföG wurde im Frühjahr erhöht.', 'akteure', false],
    ['compound head: a law, not a Kita', 'Das Gute-Kita-Gesetz hat uns Geld gebracht.', 'akteure/kita', false],
    ['compound head: a truncated part is no actor of its own', 'Die Reform des Kinder- und Jugendhilferechts liegt beim Bund.', 'akteure/kinder-jugendliche', false],
    ['negation inside the word', 'Der Umzug in die neuen Räume lief problemlos.', 'herausforderungen', false],
    ['negation before the hit', 'Die Anmeldung ist für uns kein Problem.', 'herausforderungen', false],
    ['negation closing the clause', 'Einen Bedarf sehe ich da eigentlich nicht.', 'bedarfe', false],
    ['a question asserts no opportunity', 'Welche Chancen sehen Sie da für Ihre Einrichtung?', 'chancen', false],
    ['word sense: a time, not the school', 'Nach der Schule gehen die meisten Kinder direkt nach Hause.', 'akteure/schule', false],
    ['word sense: a plain statement of who is responsible', 'Die Zuständigkeit liegt beim Land.', 'herausforderungen', false],
    ['word sense: an unclear responsibility is a challenge', 'Wer da zuständig ist, ist völlig unklar, das wird hin und her geschoben.', 'herausforderungen/zustaendigkeiten', true],
    ['word sense: children in contact with each other', 'Die Kinder haben im Ferienlager schnell Kontakt zueinander gefunden.', 'vernetzungspotentiale', false],
    ['shared use of rooms without the word cooperation', 'Das Jugendzentrum steht abends oft leer, die Räume könnten die Vereine gut mitnutzen.', 'kooperationssynergien', true],
    ['involving actors without the word network', 'Inzwischen sitzen viele Akteure mit am Tisch, das war früher nicht so.', 'vernetzungspotentiale', true],
    ['decline as a challenge', 'Die Zahl der Ausbildungsplätze ist deutlich zurückgegangen.', 'herausforderungen', true],
    ['an insufficient budget: a need and a challenge (rule 3)', 'Das bisherige Budget wird nicht ausreichend sein.', 'bedarfe', true],
  ])('%s', async (_kind, text, category, expected) => {
    expect((await codes(text)).includes(category)).toBe(expected);
  });
});
