import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseTranscript, readTranscript } from '../../src/transcripts/read.js';
import { parseNoScribe } from '../../src/transcripts/noscribe.js';
import { segmentUnits } from '../../src/transcripts/segment.js';

const dir = fileURLToPath(new URL('../fixtures/read/formats/', import.meta.url));

/** noScribe's page around a body (the real files put the whole body on one line). */
const page = (body: string): string =>
  `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN">\n<html ><head ><meta charset="UTF-8" /></head>\n<body > <div class="WordSection1" ><p style="font-weight: 600" >Titel</p>${body}</div></body></html>`;

describe('noScribe HTML', () => {
  test('anchors give times and speakers; overlaps, labels, timestamps and pauses are no text', async () => {
    const r = await readTranscript({ path: '07-noscribe.html', id: '07-noscribe.html' }, { cwd: dir });
    expect(r.problems).toEqual([]);
    expect(r.transcript?.format).toBe('noscribe');
    expect(r.transcript?.blocks).toStrictEqual([
      { speaker: 'S00', continuation: false, text: 'Herzlich willkommen zu unserer Fokusgruppe. Was bedeutet "Vernetzung" für Sie?', line: 16, column: 579, start: 4.2, end: 15.5 },
      { speaker: 'S01', continuation: false, text: 'Gute Frage.', line: 16, column: 788, start: 15.6, end: 16.4 },
      { speaker: 'S00', continuation: false, text: 'Lassen Sie sich ruhig Zeit.', line: 16, column: 836, start: 16.5, end: 19 },
      {
        speaker: 'S01',
        continuation: false,
        text: 'Für mich heißt das: Schule & Jugendhilfe reden miteinander. Und zwar regelmäßig, nicht nur im Notfall.',
        line: 16,
        column: 958,
        start: 19.5,
        end: 29.9,
      },
      { speaker: 'S02', continuation: false, text: 'Genau.', line: 16, column: 1142, start: 30, end: 30.8 },
      { speaker: 'S01', continuation: false, text: 'Das klappt bei uns noch nicht.', line: 16, column: 1225, start: 31.2, end: 35 },
      { speaker: 'S02', continuation: false, text: 'Bei uns schon, seit wir einen runden Tisch haben.', line: 16, column: 1350, start: 35.5, end: 41 },
      { speaker: 'S00', continuation: false, text: 'Spannend.', line: 16, column: 1443, start: 41, end: 42 },
      { speaker: 'S00', continuation: false, text: 'Erzählen Sie mehr darüber!', line: 16, column: 1549, start: 42.5, end: 47 },
    ]);
  });

  test('the column points at the text in the file', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = (await readFile(`${dir}07-noscribe.html`, 'utf8')).split('\n')[15]!;
    expect(source.slice(578, 578 + 'Herzlich'.length)).toBe('Herzlich');
    expect(source.slice(787, 787 + 'Gute'.length)).toBe('Gute');
    expect(source.slice(1548, 1548 + 'Erzählen'.length)).toBe('Erzählen');
  });

  test('turns: a speaker change, also by overlap, starts a new turn', async () => {
    const r = await readTranscript({ path: '07-noscribe.html', id: '07-noscribe.html' }, { cwd: dir });
    expect(segmentUnits(r.transcript!, { unit: 'turn', moderators: ['S00'] }).map((u) => [u.speaker, u.moderator, u.start, u.end])).toEqual([
      ['S00', true, 4.2, 15.5],
      ['S01', false, 15.6, 16.4],
      ['S00', true, 16.5, 19],
      ['S01', false, 19.5, 29.9],
      ['S02', false, 30, 30.8],
      ['S01', false, 31.2, 35],
      ['S02', false, 35.5, 41],
      ['S00', true, 41, 47],
    ]);
  });

  test('older files: href anchors without speaker; overlaps `//S01:` end at `//`', () => {
    const body =
      '<p><a href="ts_11960_17920" ><span style="color: #000000" >S00: Guten Tag.</span></a><a href="ts_18420_22800" ><span > Schön, dass Sie da sind.</span></a>' +
      '<a href="ts_30120_30960" ><span > //S01: Danke.</span></a><a href="ts_31160_33520" ><span > // Wir beginnen.</span></a>' +
      '<a href="ts_36180_36340" ><span > //S01: Ja.//</span></a><a href="ts_36740_39640" ><span > Erste Frage: Was brauchen Sie?</span></a></p>' +
      '<p><a href="ts_39780_43600" ><span >S01: Mehr Zeit.</span></a></p>';
    expect(parseNoScribe(page(body), 'alt.html').blocks.map((b) => [b.speaker, b.text, b.start, b.end])).toEqual([
      ['S00', 'Guten Tag. Schön, dass Sie da sind.', 11.96, 22.8],
      ['S01', 'Danke.', 30.12, 30.96],
      ['S00', 'Wir beginnen.', 31.16, 33.52],
      ['S01', 'Ja.', 36.18, 36.34],
      ['S00', 'Erste Frage: Was brauchen Sie?', 36.74, 39.64],
      ['S01', 'Mehr Zeit.', 39.78, 43.6],
    ]);
  });

  test('labels renamed in the text (S00 → Moderatorin) name the anchors’ speaker everywhere after', () => {
    const body =
      '<p ><a name="ts_0_2000_S00" >Moderatorin: Willkommen.</a></p>' +
      '<p ><a name="ts_2000_4000_S01" >S01: Danke.</a><a name="ts_4000_5000_//S00" > //Moderatorin: Bitte.</a><a name="ts_5000_6000_S01" >// Also.</a></p>' +
      '<p ><a name="ts_6000_7000_S00" >Moderatorin: Gut.</a><a name="ts_7000_8000_S00" > Weiter.</a></p>';
    expect(parseNoScribe(page(body), 'r.html').blocks.map((b) => [b.speaker, b.text])).toEqual([
      ['Moderatorin', 'Willkommen.'],
      ['S01', 'Danke.'],
      ['Moderatorin', 'Bitte.'],
      ['S01', 'Also.'],
      ['Moderatorin', 'Gut. Weiter.'],
    ]);
  });

  test('a label corrected by hand holds for its paragraph only, not for the anchor speaker elsewhere', () => {
    const body =
      '<p ><a name="ts_0_1000_S01" >S02: Korrigiert.</a><a name="ts_1000_2000_S01" > Weiter.</a><a name="ts_2000_2500_//S00" > //S00: Ja.</a><a name="ts_2500_3000_S01" >// Ende.</a></p>' +
      '<p ><a name="ts_3000_4000_S01" >S01: Wirklich S01.</a><a name="ts_4000_5000_S01" > Auch.</a></p>';
    expect(parseNoScribe(page(body), 'k.html').blocks.map((b) => [b.speaker, b.text])).toEqual([
      ['S02', 'Korrigiert. Weiter.'],
      ['S00', 'Ja.'],
      ['S02', 'Ende.'],
      ['S01', 'Wirklich S01. Auch.'],
    ]);
  });

  test('without speaker detection every segment is one unit; the title and header are no text', () => {
    const body =
      '<p ><span >Transkribiert mit noScribe</span></p><p ><a name="ts_0_3000_" >Erster Satz.</a><a name="ts_3000_6000_" > Zweiter Satz.</a><a name="ts_6000_7000_" > (..)</a></p>';
    const r = parseNoScribe(page(body), 'n.html');
    expect(r.blocks.map((b) => [b.speaker, b.continuation, b.text, b.start, b.end])).toEqual([
      [null, false, 'Erster Satz.', 0, 3],
      [null, false, 'Zweiter Satz.', 3, 6],
    ]);
  });

  test('a paragraph typed in later without anchors is kept; entities and <br> read', () => {
    const body = '<p ><a name="ts_0_1000_S00" >S00: A&amp;B.</a></p><p >S01: Nachgetragen<br/>von Hand &quot;ok&quot;.</p>';
    expect(parseNoScribe(page(body), 'n.html').blocks.map((b) => [b.speaker, b.text, b.start])).toEqual([
      ['S00', 'A&B.', 0],
      ['S01', 'Nachgetragen von Hand "ok".', undefined],
    ]);
  });

  test('HTML is read as noScribe when it has ts_ anchors, else as paragraphs', () => {
    const noscribe = parseTranscript(page('<p ><a name="ts_0_1000_S00" >S00: Hallo.</a></p>'), { path: 'a.html', id: 'a' }, 'html');
    expect(noscribe.transcript?.format).toBe('noscribe');
    const plain = parseTranscript('<html><body><p>I: Hallo.</p><p>B1: Tschüss.</p></body></html>', { path: 'b.html', id: 'b' }, 'htm');
    expect(plain.transcript?.format).toBe('html');
    expect(plain.transcript?.blocks.map((b) => [b.speaker, b.text])).toEqual([
      ['I', 'Hallo.'],
      ['B1', 'Tschüss.'],
    ]);
  });
});
