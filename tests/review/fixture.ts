/**
 * A small project for the review tests: a codebook with a parent and subcategories, and a
 * transcript whose units cover every case (own and rolled-up parents, several codings, uncoded units).
 *
 * t.txt coded with cb.yaml (unit: segment, line, codings; `*` = rolled up only):
 *   #1 I (moderator), line 1
 *   #2 B1, line 3: bedarfe (own: brauch*), bedarfe/personal
 *   #3 B2, line 5: bedarfe*, bedarfe/personal
 *   #4 B3, line 7: vernetzung
 *   #5 B4, line 9: bedarfe*, bedarfe/personal, bedarfe/raeume
 *   #6 B1, line 11: finanzen
 *   #7 B2, line 13: nothing
 *   #8 B3, line 15: nothing
 *   #9 B4, line 17: bedarfe (own: brauch*), bedarfe/personal, finanzen
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CODEBOOK = `codebook: Review-Test
language: de
unit: turn
moderators: [I]
categories:
  - code: bedarfe
    label: Bedarfe
    terms: [brauch*]
    categories:
      - code: personal
        label: Personal
        terms: [personal*]
      - code: raeume
        label: Räume
        terms: [raum*]
  - code: vernetzung
    label: Vernetzung
    terms: [netzwerk*, vernetz*]
  - code: finanzen
    label: Finanzen
    terms: [geld]
perspectives:
  - code: netz
    label: Vernetzung
    when: {any: [vernetzung]}
    min_support: 1
`;

export const UNITS = [
  'I: Was fehlt Ihnen?',
  'B1: Wir brauchen mehr Personal.',
  'B2: Das Personal fehlt überall.',
  'B3: Das Netzwerk hilft uns.',
  'B4: Der Raum und das Personal sind knapp.',
  'B1: Ohne Geld geht nichts.',
  'B2: Ich sehe das genauso.',
  'B3: Am Ende zählt der Austausch.',
  'B4: Wir brauchen Personal und Geld.',
];

export const TRANSCRIPT = UNITS.join('\n\n') + '\n';

/** One long unit (for wrapping): 60 words, the first a term. */
export const LONG =
  'I: Bitte erzählen Sie.\n\nB1: ' +
  'Netzwerke ' +
  Array.from({ length: 59 }, (_, i) => ['wir', 'haben', 'im', 'Landkreis', 'Kooperationsvereinbarungen', 'geschlossen'][i % 6]).join(' ') +
  '.\n';

/** A fresh folder holding cb.yaml, t.txt and lang.txt. */
export async function reviewProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fokus-review-'));
  await writeFile(join(dir, 'cb.yaml'), CODEBOOK);
  await writeFile(join(dir, 't.txt'), TRANSCRIPT);
  await writeFile(join(dir, 'lang.txt'), LONG);
  return dir;
}

/** The text of unit #n of t.txt (without its label). */
export function textOf(n: number): string {
  const line = UNITS[n - 1]!;
  return line.slice(line.indexOf(':') + 2);
}

/** A review file's header. */
export const HEADER = 'transcript,segment,speaker,start,end,line,category,matched,text,decision';

/** The review row of unit #n of t.txt. */
export function row(n: number, category: string, matched: string, decision: string): string {
  const speaker = UNITS[n - 1]!.slice(0, UNITS[n - 1]!.indexOf(':'));
  return `t.txt,${n},${speaker},,,${2 * n - 1},${category},${matched},${textOf(n)},${decision}`;
}
