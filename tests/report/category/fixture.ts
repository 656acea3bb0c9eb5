/** A small hand-made report with its codebook, for the category report's tests. */
import { parseCodebook } from '../../../src/codebook/parse.js';
import type { Codebook, Report } from '../../../src/types.js';

export const MINI_CODEBOOK = `codebook: Mini
version: "1.0"
language: de
categories:
  - code: bedarfe
    label: Bedarfe
    definition: Fehlende Angebote oder Ressourcen.
    examples: [Wir brauchen mehr Personal.]
    counterexamples: [Da fehlt uns nichts.]
    terms: [brauch*]
    rules:
      - all: [mehr, personal*]
        not: [kein*]
    exclude: ["kein* bedarf*"]
    categories: [{ code: personal, label: Personal, terms: [personal*] }]
  - code: netz
    label: Vernetzung
    terms: [netzwerk*]
perspectives:
  - code: kk
    label: Kommunikationskonzept
    description: Bedarfe mit Vernetzung.
    when: {all: [bedarfe, netz]}
`;

/** The codebook of `miniReport`. */
export function miniCodebook(): Codebook {
  const parsed = parseCodebook(MINI_CODEBOOK, 'mini.yaml');
  if (!parsed.codebook) throw new Error(JSON.stringify(parsed.problems));
  return parsed.codebook;
}

const T1 = 'Wir brauchen mehr Personal im *Netzwerk* | sofort.';
const T2 = '# Das Netzwerk\nbraucht Zeit.';

/**
 * Two coded units: one of B1 (group Praxis, with times) coded with all three categories; one
 * without speaker, group or time, of two paragraphs, coded with `bedarfe` by a review decision
 * and with `netz` by a term. A declared perspective names a third unit the report lacks; an
 * emergent one has lift, p, groups and key terms.
 */
export function miniReport(): Report {
  const at = (text: string, word: string): { start: number; end: number } => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });
  return {
    program: { name: 'fokus', version: '9.9.9' },
    codebook: { name: 'Mini', version: '1.0', file: 'mini.yaml', sha256: 'c0ffee'.padEnd(64, '0') },
    inputs: [
      { path: 't1.txt', id: 't1.txt', format: 'text', encoding: 'utf-8', sha256: '1111222233334444'.padEnd(64, 'a') },
      { path: 't2.md', id: 't2.md', format: 'markdown', encoding: 'utf-8', sha256: '5555666677778888'.padEnd(64, 'b') },
    ],
    options: { unit: 'turn', moderators: ['I'], by: ['group'], participants: { path: 'tn.csv', sha256: 'abcdef0123456789'.padEnd(64, 'c') } },
    totals: { transcripts: 2, units: 6, codableUnits: 4, speakers: 3, skipped: 0 },
    categories: [
      { path: 'bedarfe', label: 'Bedarfe', level: 1 },
      { path: 'bedarfe/personal', label: 'Personal', level: 2 },
      { path: 'netz', label: 'Vernetzung', level: 1 },
    ],
    frequencies: [
      { category: 'bedarfe', label: 'Bedarfe', level: 1, segments: 2, share: 0.5, matches: 3, transcripts: 2, speakers: 2 },
      { category: 'bedarfe/personal', label: 'Personal', level: 2, segments: 1, share: 0.25, matches: 1, transcripts: 1, speakers: 1 },
      { category: 'netz', label: 'Vernetzung', level: 1, segments: 2, share: 0.5, matches: 2, transcripts: 2, speakers: 2 },
    ],
    breakdowns: [
      {
        dimension: 'group',
        rows: (
          [
            ['(none)', 'bedarfe', 1, 0.5],
            ['(none)', 'bedarfe/personal', 0, 0],
            ['(none)', 'netz', 1, 0.5],
            ['Praxis', 'bedarfe', 1, 0.5],
            ['Praxis', 'bedarfe/personal', 1, 0.5],
            ['Praxis', 'netz', 1, 0.5],
          ] as const
        ).map(([value, category, segments, share]) => ({ value, category, segments, share })),
      },
    ],
    cooccurrence: [],
    perspectives: [
      {
        code: 'kk',
        label: 'Kommunikationskonzept',
        kind: 'declared',
        description: 'Bedarfe mit Vernetzung.',
        scope: 'unit',
        support: 3,
        minSupport: 4,
        transcripts: ['t1.txt', 't2.md', 't3.txt'],
        speakers: ['t1.txt:B1', 't2.md:', 't3.txt:B9'],
        categories: ['bedarfe', 'netz'],
        evidence: ['t1.txt#2', 't2.md#5', 't3.txt#1'],
      },
      {
        code: 'bedarfe+netz',
        label: 'netzwerk · zeit',
        kind: 'emergent',
        scope: 'unit',
        support: 1,
        minSupport: 1,
        transcripts: ['t1.txt'],
        speakers: ['t1.txt:B1'],
        categories: ['bedarfe/personal', 'netz'],
        evidence: ['t1.txt#2'],
        groups: ['Praxis'],
        lift: 2.5,
        p: 0.00004,
        keyterms: ['netzwerk', 'zeit'],
      },
    ],
    // t2.md before t1.txt: the report sorts the quotations by transcript id and segment.
    units: [
      {
        transcript: 't2.md',
        segment: 5,
        turn: 5,
        speaker: '',
        moderator: false,
        line: 10,
        text: T2,
        attributes: {},
        codings: [
          { transcript: 't2.md', segment: 5, category: 'bedarfe', matches: [], hits: 0, source: 'review' },
          { transcript: 't2.md', segment: 5, category: 'netz', matches: [{ by: 'netzwerk*', ...at(T2, 'Netzwerk') }], hits: 1 },
        ],
      },
      {
        transcript: 't1.txt',
        segment: 2,
        turn: 2,
        speaker: 'B1',
        moderator: false,
        start: 65,
        end: 80.5,
        line: 3,
        text: T1,
        attributes: { group: 'Praxis', role: 'Kita' },
        codings: [
          {
            transcript: 't1.txt',
            segment: 2,
            category: 'bedarfe',
            matches: [
              { by: 'brauch*', ...at(T1, 'brauchen') },
              { by: 'all: mehr, personal*', ...at(T1, 'mehr') },
              { by: 'all: mehr, personal*', ...at(T1, 'Personal') },
              { by: 'personal*', ...at(T1, 'Personal') },
            ],
            hits: 3,
          },
          { transcript: 't1.txt', segment: 2, category: 'bedarfe/personal', matches: [{ by: 'personal*', ...at(T1, 'Personal') }], hits: 1 },
          { transcript: 't1.txt', segment: 2, category: 'netz', matches: [{ by: 'netzwerk*', ...at(T1, 'Netzwerk') }], hits: 1 },
        ],
      },
      // An uncoded unit: never quoted.
      { transcript: 't1.txt', segment: 3, turn: 3, speaker: 'B2', moderator: false, line: 4, text: 'Ja.', attributes: {}, codings: [] },
    ],
    problems: [],
  };
}
