import { describe, expect, test } from 'vitest';
import { english } from '../../src/lang/catalogue.js';
import { binaryReason as reasonOf, utf16WithoutBom } from '../../src/transcripts/binary.js';
import { sniffText } from '../../src/transcripts/sniff.js';

const FULL = 'is a binary file, not text (it is full of control characters)';

/** Why bytes are not text, in English (the reader gives a catalogue key). */
function binaryReason(bytes: Uint8Array): string | null {
  const reason = reasonOf(bytes);
  return reason && english(reason);
}

/** `n` bytes of text with a control byte `control` at every `every`-th place. */
function withControls(n: number, every: number, control = 0x01): Uint8Array {
  const bytes = new Uint8Array(n).fill(0x61);
  for (let i = 0; i < n; i += every) bytes[i] = control;
  return bytes;
}

describe('binaryReason: control characters', () => {
  test('more than one byte in ten a control character is binary; up to one in ten is not', () => {
    expect(binaryReason(withControls(1000, 5))).toBe(FULL);
    expect(binaryReason(withControls(1000, 10))).toBeNull();
    // 101 of 1000: just above the share.
    const above = withControls(1000, 10);
    above[1] = 0x02;
    expect(binaryReason(above)).toBe(FULL);
  });

  test('every control byte counts except tab, line feed, vertical tab, form feed and carriage return', () => {
    for (let b = 1; b < 0x20; b++) {
      const expected = b >= 0x09 && b <= 0x0d ? null : FULL;
      expect([b, binaryReason(withControls(100, 2, b))]).toStrictEqual([b, expected]);
    }
    expect(binaryReason(withControls(100, 2, 0x7f))).toBeNull();
    expect(binaryReason(withControls(100, 2, 0x80))).toBeNull();
  });

  test('only the first 64 KiB are looked at', () => {
    const bytes = new Uint8Array(200_000).fill(0x61);
    bytes.fill(0x01, 70_000);
    expect(binaryReason(bytes)).toBeNull();
    bytes.fill(0x01, 50_000);
    expect(binaryReason(bytes)).toBe(FULL);
  });

  test('a view into a larger buffer is judged by its own bytes', () => {
    const buffer = withControls(3000, 2);
    buffer.fill(0x61, 1000, 2000);
    expect(binaryReason(buffer.subarray(1000, 2000))).toBeNull();
    expect(binaryReason(Buffer.from(buffer.buffer, 1000, 1000))).toBeNull();
    expect(binaryReason(buffer.subarray(1500, 2500))).toBe(FULL);
  });
});

describe('utf16WithoutBom', () => {
  test('Latin text in UTF-16 without BOM, either byte order', () => {
    expect(utf16WithoutBom(Buffer.from('Hallo, wie geht es?', 'utf16le'))).toBe('utf-16le');
    expect(utf16WithoutBom(Buffer.from('Hallo, wie geht es?', 'utf16le').swap16())).toBe('utf-16be');
  });

  test('text without zero bytes, an odd length, a BOM or too few zero bytes is no UTF-16', () => {
    expect(utf16WithoutBom(Buffer.from('Hallo, wie geht es?!', 'utf8'))).toBeNull();
    expect(utf16WithoutBom(Buffer.from('Hallo', 'utf16le').subarray(0, 9))).toBeNull();
    expect(utf16WithoutBom(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hallo', 'utf16le')]))).toBeNull();
    expect(utf16WithoutBom(Buffer.from([0x61, 0, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67]))).toBeNull();
  });

  test('a zero byte after the first 64 KiB does not count', () => {
    const bytes = new Uint8Array(70_000).fill(0x61);
    for (let i = 65_537; i < bytes.length; i += 2) bytes[i] = 0;
    expect(utf16WithoutBom(bytes)).toBeNull();
  });
});

describe('sniffText: noScribe HTML', () => {
  const page = '<html><body><p><a name="ts_0_1500_S00" >S00: Hallo.</a></p></body></html>';

  test('HTML with noScribe anchors, wherever the tags are', () => {
    expect(sniffText(page)).toBe('noscribe');
    expect(sniffText(`Vorwort ${'x'.repeat(2000)}\n${page}`)).toBe('noscribe');
    expect(sniffText('<BODY>\n<A href="ts_1_2">x</A>')).toBe('noscribe');
  });

  test('without a tag, or without anchors, it is not', () => {
    expect(sniffText('I: Hallo. ts_0_1500 name="ts_0_1" <a')).toBeNull();
    expect(sniffText('<html><body><p>Hallo</p></body></html>')).toBeNull();
    expect(sniffText('I: Hallo.\nB1: Hi.')).toBeNull();
  });
});
