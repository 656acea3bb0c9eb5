/** A small hand-made report for the JSON and table renderer tests. */
import type { Report } from '../../src/types.js';

/** A report over two categories and one perspective, with one unit. */
export function smallReport(): Report {
  return {
    program: { name: 'fokus', version: '0.1.0' },
    codebook: { name: 'Test', version: '1.0', file: 'test.yaml', sha256: 'ab' },
    inputs: [{ path: 'in/t1.txt', id: 't1.txt', format: 'text', encoding: 'utf-8', sha256: 'cd' }],
    options: { unit: 'turn', moderators: ['I'], by: [] },
    totals: { transcripts: 2, units: 10, codableUnits: 8, speakers: 5, skipped: 0 },
    categories: [
      { path: 'bedarfe', label: 'Bedarfe', level: 1 },
      { path: 'bedarfe/personal', label: 'Personal und Fachkräfte', level: 2 },
      { path: 'vernetzung', label: 'Vernetzung', level: 1 },
    ],
    frequencies: [
      { category: 'bedarfe', label: 'Bedarfe', level: 1, segments: 3, share: 0.375, matches: 4, transcripts: 2, speakers: 3 },
      { category: 'bedarfe/personal', label: 'Personal und Fachkräfte', level: 2, segments: 1, share: 0.125, matches: 12, transcripts: 1, speakers: 1 },
      { category: 'vernetzung', label: 'Vernetzung', level: 1, segments: 0, share: 0, matches: 0, transcripts: 0, speakers: 0 },
    ],
    breakdowns: [],
    cooccurrence: [{ a: 'bedarfe', b: 'vernetzung', segments: 1, jaccard: 1 / 3 }],
    perspectives: [
      {
        code: 'netz',
        label: 'Netzwerk',
        kind: 'declared',
        scope: 'unit',
        support: 2,
        minSupport: 2,
        transcripts: ['t1.txt', 't2.txt'],
        speakers: ['t1.txt:A', 't2.txt:B'],
        categories: ['bedarfe', 'vernetzung'],
        evidence: ['t1.txt#2', 't2.txt#3'],
      },
      {
        code: 'selten',
        label: 'Selten',
        kind: 'declared',
        scope: 'transcript',
        support: 1,
        minSupport: 2,
        transcripts: ['t1.txt'],
        speakers: ['t1.txt:A'],
        categories: ['vernetzung'],
        evidence: ['t1.txt#2'],
      },
    ],
    units: [],
    problems: [],
  };
}
