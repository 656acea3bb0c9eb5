import { describe, expect, test } from 'vitest';
import { nfc, speakerKey } from '../../src/text/speaker-key.js';

describe('speakerKey', () => {
  test.each([
    ['B1', 'b1'],
    ['B 1', 'b1'],
    [' b1 ', 'b1'],
    ['B\t1', 'b1'],
    ['B\u00a01', 'b1'],
    ['B\u20001', 'b1'],
    ['B\u30001', 'b1'],
    ['B\u20281', 'b1'],
    ['Moderatorin', 'moderatorin'],
    ['Jürgen Müller', 'jürgenmüller'],
    ['ÄÖÜ', 'äöü'],
    ['Zoe\u0308', 'zoë'],
    ['\u212bsa', 'åsa'],
    ['SPEAKER_00', 'speaker_00'],
    ['İlker', 'i̇lker'],
    ['', ''],
  ])('%j → %j', (label, key) => {
    expect(speakerKey(label)).toBe(key);
  });

  test('control characters that are not white space stay, as in the slow path', () => {
    expect(speakerKey('B\u001c1')).toBe('b\u001c1');
    expect(speakerKey('B\u001c1\u0301')).toBe('b\u001c1\u0301');
  });

  test('the same key as NFC, white space removed and lower case, for every character below U+0300 and some beyond', () => {
    const slow = (s: string): string => s.normalize('NFC').replace(/\s+/gu, '').toLowerCase();
    const differing: number[] = [];
    for (let c = 0; c < 0x3100; c++) {
      const s = `A${String.fromCharCode(c)}b`;
      if (speakerKey(s) !== slow(s)) differing.push(c);
    }
    expect(differing).toStrictEqual([]);
  });
});

describe('nfc', () => {
  test('text below U+0300 comes back as it is', () => {
    const text = 'Größe, Maß und Übung: 100 % (ja)';
    expect(nfc(text)).toBe(text);
  });

  test('decomposed characters and canonical singletons are composed', () => {
    expect(nfc('Zoe\u0308')).toBe('Zoë');
    expect(nfc('\u212b')).toBe('\u00c5');
    expect(nfc('u\u0308ber')).toBe('über');
  });

  test('every pair of characters below U+0300 is NFC already', () => {
    for (let a = 0; a < 0x300; a += 1) {
      let s = '';
      for (let b = 0; b < 0x300; b++) s += String.fromCharCode(a, b);
      expect(s.normalize('NFC')).toBe(s);
      expect(nfc(s)).toBe(s);
    }
  });
});
