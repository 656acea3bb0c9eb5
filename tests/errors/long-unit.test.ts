import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../cli/run.js';
import { project, removeProjects } from './project.js';

afterAll(removeProjects);

// Every kind of rule, so that each matching path meets the long unit: terms, a phrase, a near rule,
// a regex, an all rule, an exclude, a subcategory.
const CODEBOOK = `codebook: Lang
categories:
  - code: bedarf
    label: Bedarf
    terms: [brauch*, "es fehlt"]
    rules:
      - near: [mehr, personal*]
        within: 3
      - regex: '\\bes fehlt an\\b'
    exclude: ["kein bedarf"]
    categories:
      - code: personal
        label: Personal
        terms: [personal*, fachkräft*]
  - code: orte
    label: Orte
    terms: [kita*, schul*, räum*]
    rules:
      - all: [eltern, schule]
`;

const SENTENCE = 'Wir brauchen mehr Personal und es fehlt an Räumen für die Kita, die Schule und die Eltern. ';
const REPEATS = Math.ceil(10_000_000 / SENTENCE.length);

describe('a 10 MB line goes through the whole pipeline (linear work: neither the time nor a time budget decides the result)', () => {
  test(
    'one unit of 10 MB of sentences, and one with a 400 kB hyphen chain and a 1 MB word',
    async () => {
      const transcript =
        `I: Was fehlt?\n\nB1: ${SENTENCE.repeat(REPEATS).trimEnd()}\n\n` + `B2: Bildungs- und ${'a-'.repeat(200_000)}kita ${'x'.repeat(1_000_000)}\n`;
      const dir = await project({ 'cb.yaml': CODEBOOK, 'lang.txt': transcript });
      // The regex rule gets an hour per unit (FOKUS_REGEX_BUDGET): with the default, 11 s on the 10 MB
      // unit, a slow or loaded machine could see it stopped, and the verdict would hang on the machine.
      const run = await runCli(['analyze', 'lang.txt', '-c', 'cb.yaml', '--moderator', 'I', '-o', 'out', '-f', 'csv', '-q'], dir, { FOKUS_REGEX_BUDGET: '3600000' });
      // Per sentence: brauchen, mehr + Personal (near), "es fehlt" / the regex (one overlapping hit);
      // Personal; Kita, Schule (term and all rule, one hit), Räumen, Eltern.
      const frequencies =
        'category,label,level,segments,share,matches,transcripts,speakers\n' +
        `bedarf,Bedarf,1,1,0.5000,${4 * REPEATS},1,1\n` +
        `bedarf/personal,Personal,2,1,0.5000,${REPEATS},1,1\n` +
        `orte,Orte,1,2,1.0000,${4 * REPEATS + 1},1,2\n`;
      // The texts of the two long units (three rows of the first, one of the second) are cut to Excel's cell limit in segments.csv.
      const cut = 'out/segments.csv: warning: 4 cells were longer than the 32767 characters Excel takes in a cell and were cut, ending in "… (+N more …)"; the full content is in report.json\n';
      expect(run).toEqual({ code: 0, stdout: frequencies, stderr: cut });
      expect(await readFile(path.join(dir, 'out/frequencies.csv'), 'utf8')).toBe(frequencies);
      const segments = await readFile(path.join(dir, 'out/segments.csv'), 'utf8');
      expect(segments.split('\n').map((l) => l.split(',').slice(0, 7).join(',')).filter((l) => l.startsWith('lang.txt'))).toEqual([
        'lang.txt,2,B1,,,3,bedarf',
        'lang.txt,2,B1,,,3,bedarf/personal',
        'lang.txt,2,B1,,,3,orte',
        'lang.txt,3,B2,,,5,orte',
      ]);
    },
    240_000,
  );
});
