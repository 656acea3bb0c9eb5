import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileCodebook } from '../../src/codebook/compile.js';
import { parseCodebook } from '../../src/codebook/parse.js';
import { codeUnits } from '../../src/coding/code-units.js';
import { parseTranscript } from '../../src/transcripts/read.js';
import { segmentUnits } from '../../src/transcripts/segment.js';
import { tokenize } from '../../src/text/tokenize.js';
import type { Block, Transcript, UnitKind } from '../../src/types.js';

/** Fixed seed, bounded runs: the same cases on every machine, and the whole suite stays fast. */
const RUNS = { seed: 42, numRuns: 200 };

describe('the tokenizer', () => {
  test('tokens lie inside the text, in order, without overlap, each the text it spans', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        let end = 0;
        for (const t of tokenize(text)) {
          expect(t.start >= end && t.end > t.start && t.end <= text.length).toBe(true);
          expect(text.slice(t.start, t.end)).toBe(t.text);
          end = t.end;
        }
      }),
      RUNS,
    );
  });
});

describe('the segmenter', () => {
  const block: fc.Arbitrary<Block> = fc.record({
    speaker: fc.option(fc.constantFrom('I', 'B1', 'B 1', 'b1', 'Anna', ' ', ''), { nil: null }),
    continuation: fc.boolean(),
    text: fc.string({ unit: 'grapheme', maxLength: 80 }),
    line: fc.integer({ min: 1, max: 500 }),
    column: fc.integer({ min: 1, max: 80 }),
  });
  const transcript = fc.array(block, { maxLength: 12 }).map(
    (blocks): Transcript => ({ id: 't', path: 't', format: 'text', sha256: '', encoding: 'utf-8', meta: {}, blocks }),
  );

  test('any blocks give units numbered from 1, none empty, moderators marked', () => {
    fc.assert(
      fc.property(transcript, fc.constantFrom<UnitKind>('turn', 'sentence'), (t, unit) => {
        const units = segmentUnits(t, { unit, moderators: ['I'] });
        units.forEach((u, i) => {
          expect(u.segment).toBe(i + 1);
          expect(u.text.trim()).not.toBe('');
          expect(u.moderator).toBe(u.speaker === 'I');
          expect(u.line).toBeGreaterThanOrEqual(1);
        });
      }),
      RUNS,
    );
  });
});

describe('the codebook loader', () => {
  const yamlish = fc
    .array(
      fc.constantFrom('codebook: X\n', 'categories:\n', '  - code: a\n', '    label: A\n', '    terms: [foo, "bar*"]\n', '    rules:\n', "      - regex: '(a+)+'\n",
        '      - near: [a, b]\n', '        within: 2\n', 'perspectives:\n', '  - code: p\n', '    when: {all: [a, zz]}\n', '  ', ':', '- ', '[', '{', '"', "'", '&a ', '*a ', '!!str ', '\t', '\r\n', '\n', '#', '%YAML 1.2\n---\n', '\uFEFF', '😀', '\u0000'),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));

  test('any text gives a codebook or positioned problems, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(yamlish, fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 })), (text) => {
        const r = parseCodebook(text, 'cb.yaml');
        const errors = r.problems.filter((p) => p.severity === 'error');
        expect(r.codebook === null).toBe(errors.length > 0);
        for (const p of r.problems) {
          expect(p.file).toBe('cb.yaml');
          if (p.line !== undefined) expect(p.line).toBeGreaterThanOrEqual(1);
        }
        if (r.codebook) compileCodebook(r.codebook);
      }),
      RUNS,
    );
  });
});

describe('coding is invariant under CRLF vs LF and NFC vs NFD', () => {
  const parsed = parseCodebook(
    `codebook: Test
moderators: [I, Moderatorin]
categories:
  - code: bedarf
    label: Bedarf
    terms: [brauch*, bräucht*, "es fehlt", größ*]
    rules:
      - near: [mehr, personal*]
        within: 3
      - regex: '\\bes fehlt an\\b'
    exclude: ["kein bedarf"]
    categories:
      - code: personal
        label: Personal
        terms: [personal*, fachkräft*, erzieh*]
  - code: orte
    label: Orte
    terms: [kita*, schul*, räum*, übergang]
`,
    'cb.yaml',
  );
  const matcher = compileCodebook(parsed.codebook!);
  const word = fc.constantFrom('Wir', 'brauchen', 'bräuchten', 'mehr', 'Personal', 'es', 'fehlt', 'an', 'Räumen', 'Übergang', 'größere', 'Fachkräfte',
    'Erzieherinnen', 'Kita-Leitung', 'Schule', 'kein', 'Bedarf', 'Straße', 'Café', 'naïv', 'ja', 'z. B.', 'usw.', 'Bildungs-', 'und');
  const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' ') + '.');
  const paragraph = fc.tuple(fc.constantFrom('I', 'B1', 'B2', 'Moderatorin', 'Jörg', ''), fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.boolean()).map(
    ([label, sentences, soft]) => ({ label, text: sentences.join(soft ? '\n' : ' ') }),
  );
  const paragraphs = fc.array(paragraph, { minLength: 1, maxLength: 8 });
  const stamp = (s: number): string => `00:00:${String(s).padStart(2, '0')}.000`;
  /** The same talk written as plain text or Markdown (`LABEL: …` paragraphs), WebVTT (`<v LABEL>` cues) or SubRip. */
  const render = (ps: { label: string; text: string }[], format: string): string => {
    if (format === 'vtt') return 'WEBVTT\n\n' + ps.map((p, i) => `${stamp(i)} --> ${stamp(i + 1)}\n${p.label ? `<v ${p.label}>` : ''}${p.text}\n`).join('\n');
    if (format === 'srt') return ps.map((p, i) => `${i + 1}\n${stamp(i).replace('.', ',')} --> ${stamp(i + 1).replace('.', ',')}\n${p.label ? `${p.label}: ` : ''}${p.text}\n`).join('\n');
    return ps.map((p) => (p.label ? `${p.label}: ` : '') + p.text).join('\n\n') + '\n';
  };

  /** Everything coding produced that must not depend on line ends or normal form. */
  function coding(text: string, format: string, unit: UnitKind): unknown {
    const read = parseTranscript(text, { path: 't', id: 't' }, format);
    if (!read.transcript) return read.problems;
    const units = codeUnits(segmentUnits(read.transcript, { unit, moderators: ['I', 'Moderatorin'] }), matcher);
    return units.map((u) => ({ segment: u.segment, speaker: u.speaker, line: u.line, text: u.text, codings: u.codings }));
  }

  test('the same units, categories, hits and evidence offsets (plain text, Markdown, WebVTT, SubRip)', () => {
    fc.assert(
      fc.property(paragraphs, fc.constantFrom('text', 'markdown', 'vtt', 'srt'), fc.constantFrom<UnitKind>('turn', 'sentence'), (ps, format, unit) => {
        const lf = render(ps, format);
        const expected = coding(lf, format, unit);
        expect(coding(lf.replace(/\n/gu, '\r\n'), format, unit)).toEqual(expected);
        expect(coding(lf.normalize('NFD'), format, unit)).toEqual(expected);
        expect(coding(lf.normalize('NFD').replace(/\n/gu, '\r\n'), format, unit)).toEqual(expected);
      }),
      { seed: 42, numRuns: 120 },
    );
  });

  test.each(['text', 'markdown', 'vtt', 'srt'])('the generated %s transcripts are read and coded (the property is not vacuous)', (format) => {
    const sample = fc.sample(paragraphs, { seed: 42, numRuns: 30 });
    const coded = sample.map((ps) => {
      const units = coding(render(ps, format), format, 'turn');
      expect(Array.isArray(units) && units.every((u: { segment?: number }) => u.segment !== undefined)).toBe(true);
      return (units as { codings: unknown[] }[]).filter((u) => u.codings.length > 0).length;
    });
    expect(coded.filter((n) => n > 0).length).toBeGreaterThan(20);
  });
});
