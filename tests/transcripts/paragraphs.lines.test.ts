import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { paragraphNumbers, parseDocItems, type DocItem } from '../../src/transcripts/paragraphs.js';
import { parseText } from '../../src/transcripts/plain-text.js';

/** The text readers' core reads a document's paragraphs one a line, each a paragraph of its own. */

const LINES = ['I: Wie war es?', 'B1: Gut. [00:00:05]', 'Und dann ging es weiter.', '[00:01:02] Anna: Ja.', 'Anna: Nein.', 'Datum: 1.2.2021', '# Titel', 'Zum Beispiel: so.', 'b1: klein', ''];

describe('parseDocItems: paragraphs as lines of their own', () => {
  test('paragraphs without bold labels read as a text with a blank line between each two', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 12 }), (lines) => {
        const items: DocItem[] = lines.map((text) => ({ kind: 'paragraph', text }));
        const doc = parseDocItems(items, 'd.docx', paragraphNumbers);
        const text = parseText(lines.join('\n\n'), 'd.docx', 'text');
        // Paragraph k is line 2k + 1 of the text; the text's warnings about labels do not apply to documents' tables.
        const blocks = text.blocks.map((b) => ({ ...b, line: (b.line + 1) / 2 }));
        expect(doc.blocks).toStrictEqual(blocks);
        expect(doc.meta).toStrictEqual(text.meta);
        expect(doc.moderators).toStrictEqual(text.moderators);
      }),
    );
  });

  test('a bold label is the speaker, and columns point into the paragraph', () => {
    const items: DocItem[] = [
      { kind: 'paragraph', text: 'Moderatorin Herzlich willkommen.', bold: 'Moderatorin' },
      { kind: 'paragraph', text: 'B1: [00:00:04] Danke.', bold: 'B1:' },
      { kind: 'paragraph', text: 'Noch etwas.' },
    ];
    expect(parseDocItems(items, 'd.docx', paragraphNumbers).blocks).toStrictEqual([
      { speaker: 'Moderatorin', continuation: false, text: 'Herzlich willkommen.', line: 1, column: 13 },
      { speaker: 'B1', continuation: false, text: 'Danke.', line: 2, column: 16, start: 4 },
      { speaker: null, continuation: true, text: 'Noch etwas.', line: 3, column: 1 },
    ]);
  });

  test('the bold run is the label as the document marks it: a colon after it, leading blanks, a time inside it', () => {
    const items: DocItem[] = [
      { kind: 'paragraph', text: 'I: Wie war es?', bold: 'I' },
      { kind: 'paragraph', text: '  B1 [00:01:02]: Gut: sehr gut.', bold: 'B1 [00:01:02]:' },
      { kind: 'paragraph', text: 'I **nochmal**: Und?', bold: 'I' },
      { kind: 'paragraph', text: 'Zum Beispiel: so.', bold: 'Zum Beispiel:' },
    ];
    expect(parseDocItems(items, 'd.docx', paragraphNumbers).blocks).toStrictEqual([
      { speaker: 'I', continuation: false, text: 'Wie war es?', line: 1, column: 4 },
      { speaker: 'B1', continuation: false, text: 'Gut: sehr gut.', line: 2, column: 18, start: 62 },
      { speaker: 'I', continuation: false, text: '**nochmal**: Und?', line: 3, column: 3 },
      { speaker: null, continuation: true, text: 'Zum Beispiel: so.', line: 4, column: 1 },
    ]);
  });
});

describe('front matter of a document', () => {
  test('its YAML problems name whole paragraphs, also one the parser notices on the blank line after a paragraph', () => {
    const items = ['---', 'titel: "offen', '---', 'I: Hallo', 'B1: Ja.'].map((text) => ({ kind: 'paragraph' as const, text }));
    const r = parseDocItems(items, 'x.docx', paragraphNumbers);
    const yaml = r.problems.filter((p) => p.ruleId === 'read/front-matter');
    expect(yaml.length).toBeGreaterThan(0);
    for (const p of yaml) expect([p.line, Number.isInteger(p.line)]).toEqual([p.line, true]);
    expect(r.blocks.map((b) => [b.speaker, b.text])).toEqual([
      ['I', 'Hallo'],
      ['B1', 'Ja.'],
    ]);
  });
});
