import { describe, expect, test } from 'vitest';
import { decodeBytes } from '../../src/transcripts/decode.js';
import { plain } from '../plain.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  test('plain UTF-8 is read as is, without problems', () => {
    expect(decodeBytes(utf8('I: Grüße\n'), 'a.txt')).toEqual({ text: 'I: Grüße\n', encoding: 'utf-8', problems: [] });
  });

  test('a UTF-8 BOM is removed', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Ä')]);
    expect(decodeBytes(bytes, 'a.txt')).toEqual({ text: 'Ä', encoding: 'utf-8', problems: [] });
  });

  test('UTF-16 LE and BE with a BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x49, 0x00, 0x3a, 0x00, 0xdc, 0x00, 0xac, 0x20]);
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x49, 0x00, 0x3a, 0x00, 0xdc, 0x20, 0xac]);
    expect(decodeBytes(le, 'a.txt')).toEqual({ text: 'I:Ü€', encoding: 'utf-16le', problems: [] });
    expect(decodeBytes(be, 'a.txt')).toEqual({ text: 'I:Ü€', encoding: 'utf-16be', problems: [] });
  });

  test('bytes that are not UTF-8 are read as Windows-1252, with a warning naming the file', () => {
    const bytes = new Uint8Array([0x80, 0x20, 0x84, 0x93, 0x20, 0x96, 0x20, 0x85, 0x20, 0xe4, 0xf6, 0xfc, 0xdf]);
    expect(plain(decodeBytes(bytes, 'fg/alt.txt'))).toEqual({
      text: '€ „“ – … äöüß',
      encoding: 'windows-1252',
      problems: [{ file: 'fg/alt.txt', line: 1, column: 1, severity: 'warning', message: 'not valid UTF-8, read as Windows-1252', ruleId: 'read/encoding' }],
    });
  });

  test('each special Windows-1252 byte maps to its own character', () => {
    const pairs: [number, string][] = [[0x80, '€'], [0x84, '„'], [0x93, '“'], [0x96, '–'], [0x85, '…']];
    for (const [byte, char] of pairs) {
      expect(decodeBytes(new Uint8Array([byte]), 'x.txt').text).toBe(char);
    }
  });

  test('a forced encoding wins over detection', () => {
    // "Ã¤" is what UTF-8 "ä" looks like when read as Latin-1.
    expect(decodeBytes(utf8('ä'), 'a.txt', 'latin1')).toEqual({ text: 'Ã¤', encoding: 'iso-8859-1', problems: [] });
    expect(decodeBytes(new Uint8Array([0x80]), 'a.txt', 'cp1252')).toEqual({ text: '€', encoding: 'windows-1252', problems: [] });
  });

  test('an unknown forced encoding is an error and gives no text', () => {
    expect(plain(decodeBytes(utf8('x'), 'a.txt', 'klingon'))).toEqual({
      text: '',
      encoding: 'klingon',
      problems: [{ file: 'a.txt', severity: 'error', message: 'unknown encoding "klingon"', ruleId: 'read/encoding' }],
    });
  });

  test('invalid bytes after a UTF-8 BOM are replaced, with a warning', () => {
    const r = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff]), 'b.txt');
    expect(r.text).toBe('A\ufffd');
    expect(r.encoding).toBe('utf-8');
    expect(r.problems.map((p) => p.message)).toEqual(['not valid UTF-8 despite its byte order mark; invalid bytes replaced by U+FFFD']);
  });
});

describe('Windows-1252 bytes 0x80–0x9F', () => {
  test('every defined byte maps to its character; the five undefined ones to U+FFFD', () => {
    const bytes = new Uint8Array(32).map((_, i) => 0x80 + i);
    // 0x81, 0x8D, 0x8F, 0x90 and 0x9D are not defined in Windows-1252.
    expect(decodeBytes(bytes, 'x.txt').text).toBe('€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ');
  });
});
