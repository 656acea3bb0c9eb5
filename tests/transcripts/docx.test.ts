import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readTranscript } from '../../src/transcripts/read.js';
import { segmentUnits } from '../../src/transcripts/segment.js';
import type { Transcript, Unit } from '../../src/types.js';

const dir = fileURLToPath(new URL('../fixtures/read/', import.meta.url));

/** Read a fixture below tests/fixtures/read and cut it into turns. */
async function read(rel: string): Promise<{ transcript: Transcript; units: Unit[] }> {
  const r = await readTranscript({ path: rel, id: rel }, { cwd: dir });
  expect(r.problems).toEqual([]);
  const transcript = r.transcript!;
  return { transcript, units: segmentUnits(transcript, { unit: 'turn', moderators: ['I'] }) };
}

describe('DOCX', () => {
  test('paragraphs with plain and bold labels, a soft line break, a heading left out, a table with a speaker column', async () => {
    const { transcript } = await read('formats/08-interview.docx');
    expect(transcript.format).toBe('docx');
    expect(transcript.encoding).toBe('binary');
    // The legend before the first label is the preamble: metadata, and `M` a moderator of this transcript.
    expect(transcript.meta).toStrictEqual({ preamble: '(M = Moderation; B = Befragte)' });
    expect(transcript.moderators).toEqual(['M']);
    expect(transcript.blocks).toStrictEqual([
      { speaker: 'Moderatorin', continuation: false, text: 'Herzlich willkommen! Wo drückt bei Ihnen der Schuh?', line: 3, column: 14 },
      { speaker: 'B1', continuation: false, text: 'Beim Personal. Wir sind zu zweit für 600 Kinder.', line: 4, column: 5 },
      { speaker: null, continuation: true, text: 'Und die Räume fehlen auch, es gibt kein Büro.', line: 5, column: 1 },
      { speaker: 'B2', continuation: false, text: 'Bei uns ist es die Zusammenarbeit mit dem Jugendamt.', line: 7, column: 5 },
      { speaker: 'Moderatorin', continuation: false, text: 'Danke. Wie geht es weiter?', line: 8, column: 13 },
      { speaker: 'Müller, Anna', continuation: false, text: 'Wir wünschen uns feste Ansprechpartner.', line: 10, column: 1, start: 310 },
      { speaker: 'B1', continuation: false, text: 'Und ein Budget für Fortbildungen.', line: 11, column: 1, start: 342 },
      { speaker: null, continuation: true, text: 'Das wäre wirklich wichtig.', line: 12, column: 1 },
      { speaker: 'B2', continuation: false, text: 'Genau, das sehe ich auch so.', line: 13, column: 5 },
    ]);
  });

  test('turns: unlabelled paragraphs and rows continue the turn; a table row time starts its turn', async () => {
    const { units } = await read('formats/08-interview.docx');
    expect(units.map((u) => [u.speaker, u.line, u.start, u.end, u.text])).toEqual([
      ['Moderatorin', 3, undefined, undefined, 'Herzlich willkommen! Wo drückt bei Ihnen der Schuh?'],
      ['B1', 4, undefined, undefined, 'Beim Personal. Wir sind zu zweit für 600 Kinder.\nUnd die Räume fehlen auch, es gibt kein Büro.'],
      ['B2', 7, undefined, undefined, 'Bei uns ist es die Zusammenarbeit mit dem Jugendamt.'],
      ['Moderatorin', 8, undefined, undefined, 'Danke. Wie geht es weiter?'],
      ['Müller, Anna', 10, 310, 342, 'Wir wünschen uns feste Ansprechpartner.'],
      ['B1', 11, 342, undefined, 'Und ein Budget für Fortbildungen.\nDas wäre wirklich wichtig.'],
      ['B2', 13, undefined, undefined, 'Genau, das sehe ich auch so.'],
    ]);
  });

  test('a .docx that is no Word document is an error naming the file', async () => {
    const r = await readTranscript({ path: 'kaputt.docx', id: 'kaputt.docx' }, { cwd: dir });
    expect(r.transcript).toBeNull();
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: 'kaputt.docx', severity: 'error', ruleId: 'read/docx' });
    expect(r.problems[0]?.message).toMatch(/^not a readable Word document \(.+\)$/u);
  });
});

describe('the real HASKI group interviews (DOCX)', () => {
  // Each starts with a title and a legend paragraph ("(S = Student; I = Interviewer)"): the preamble, no unit.
  const cases = [
    {
      file: 'haski/haski_nodegrade_interview1_german.docx',
      speakers: ['I', 'S2', 'I', 'S1', 'S2', 'I', 'S1', 'S2', 'S1', 'S2', 'I', 'S1', 'S2'],
      lines: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
      first: 'Wie gut fühlt ihr euch in Bezug auf die Klausur vorbereitet? Angenommen ihr würdet diese morgen schreiben?',
      last: 'Das könnte man dann auch in den Veranstaltungen hernehmen, sodass man da auch noch die Übung kriegt, selber wirklich das komplette Diagramm zu zeichnen.',
    },
    {
      file: 'haski/haski_nodegrade_interview2_german.docx',
      speakers: ['I', 'S3', 'S4', 'S3', 'I', 'S4', 'S3', 'S4', 'S3', 'S4', 'S3', 'I', 'S4', 'S3', 'S4', 'S3', 'I', 'S4', 'S3'],
      lines: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21],
      first: 'Was wären für euch konkrete Verbesserungen, die man machen könnte?',
      last: 'Es weicht sehr von einer streamlined Übung ab und konzentriert sich einfach komplett auf dieses „okay, du hast es jetzt verstanden“.',
    },
    {
      file: 'haski/haski_nodegrade_interview3_german.docx',
      speakers: ['I', 'S5', 'S6', 'S5', 'S6', 'S5', 'S6', 'S5', 'S6', 'S5', 'S6', 'I', 'S5', 'S6', 'S5', 'S6', 'S5', 'I', 'S6', 'S5'],
      lines: [3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23],
      first: 'Gibt es konkrete Verbesserungen, die euch noch einfallen und ihr euch wünschen würdet?',
      last: 'Ich finde die auch an sich sinnvoll, nur muss man das irgendwie einstufen können und das Feedback muss irgendwie greifbar sein, was es jetzt konkret von einem will.',
    },
  ];

  for (const c of cases) {
    test(`${c.file}: I/S turns in order, with their paragraph numbers and texts`, async () => {
      const { transcript, units } = await read(c.file);
      expect(units.map((u) => u.speaker)).toEqual(c.speakers);
      expect(units.map((u) => u.line)).toEqual(c.lines);
      expect(units.filter((u) => u.moderator).map((u) => u.speaker)).toEqual(c.speakers.filter((s) => s === 'I'));
      expect(transcript.meta.preamble).toMatch(/^Interview with S\d and S\d - Anonymized German transcript of the statements {2}with reference to NodeGrade\n\(S = Student; I = Interviewer\)$/u);
      expect(transcript.moderators).toEqual(['I']);
      expect(units[0]?.text).toBe(c.first);
      expect(units.at(-1)?.text.slice(-c.last.length)).toBe(c.last);
    });
  }

  test('interview 3: a paragraph without label continues the S5 turn', async () => {
    const { units } = await read('haski/haski_nodegrade_interview3_german.docx');
    const s5 = units[1]!;
    expect(s5.speaker).toBe('S5');
    expect(s5.text.split('\n').map((p) => p.slice(0, 40))).toEqual(['Freitext bei der Aufgabe, da sind wir au', 'Bei der Freitextaufgabe sind wir lange h']);
  });
});
