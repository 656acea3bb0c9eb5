import { deflateSync, strToU8 } from 'fflate';
import { crc32 } from '../../src/transcripts/zip.js';

/** One entry of a zip archive built by a test; the header fields can lie. */
export interface RawEntry {
  name: string;
  /** Uncompressed content. */
  data: Uint8Array | string;
  /** Store instead of deflate. */
  stored?: boolean;
  /** The uncompressed size the headers claim (default: the real one). */
  claimSize?: number;
  /** Point this entry's directory record at the data of entry number `shareWith` (overlapping entries). */
  shareWith?: number;
}

/**
 * A zip archive written byte by byte (local headers, data, central directory, end record), so tests
 * can make headers lie about sizes or let entries share one compressed stream.
 */
export function buildZip(entries: readonly RawEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const records: { entry: RawEntry; offset: number; crc: number; csize: number; size: number; method: number }[] = [];
  let offset = 0;
  for (const entry of entries) {
    const plain = typeof entry.data === 'string' ? strToU8(entry.data) : entry.data;
    const body = entry.stored ? plain : deflateSync(plain);
    const name = strToU8(entry.name);
    const record = { entry, offset, crc: crc32(plain), csize: body.length, size: entry.claimSize ?? plain.length, method: entry.stored ? 0 : 8 };
    const local = new Uint8Array(30 + name.length);
    const v = new DataView(local.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 0x800, true);
    v.setUint16(8, record.method, true);
    v.setUint32(14, record.crc, true);
    v.setUint32(18, record.csize, true);
    v.setUint32(22, record.size, true);
    v.setUint16(26, name.length, true);
    local.set(name, 30);
    parts.push(local, body);
    offset += local.length + body.length;
    records.push(record);
  }
  const cdStart = offset;
  for (const r of records) {
    const shared = r.entry.shareWith !== undefined ? records[r.entry.shareWith]! : r;
    const name = strToU8(r.entry.name);
    const central = new Uint8Array(46 + name.length);
    const v = new DataView(central.buffer);
    v.setUint32(0, 0x02014b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 20, true);
    v.setUint16(8, 0x800, true);
    v.setUint16(10, shared.method, true);
    v.setUint32(16, shared.crc, true);
    v.setUint32(20, shared.csize, true);
    v.setUint32(24, r.entry.shareWith !== undefined ? shared.size : r.size, true);
    v.setUint16(28, name.length, true);
    v.setUint32(42, shared.offset, true);
    central.set(name, 46);
    parts.push(central);
    offset += central.length;
  }
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, records.length, true);
  v.setUint16(10, records.length, true);
  v.setUint32(12, offset - cdStart, true);
  v.setUint32(16, cdStart, true);
  parts.push(end);
  const out = new Uint8Array(offset + 22);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
