import { fflate } from '../deps.js';
import { formatBytes, type ReadLimits } from './limits.js';
import type { Message, MessageKey, MessageParams } from '../lang/catalogue.js';
import type { RuleId } from '../rules.js';

/**
 * A zip reader that keeps its limits (see limits.ts): it reads the central directory, refuses more
 * entries than allowed and entries whose data overlap (one stream named by many entries), and
 * inflates an entry only when it is asked for — counting the bytes inflated for the whole archive,
 * stopping as soon as an entry gives more than its header says or the archive's budget is spent,
 * and checking each entry's size and CRC-32. Never throws.
 */

/** A problem of an archive or one of its entries: a message and the rule id it is reported with. */
export interface ZipProblem {
  message: Message;
  ruleId: RuleId;
}

/** One entry of the central directory. */
interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** An opened archive: its entry names, and `read` to inflate one entry within the archive's budget. */
export interface BoundedZip {
  /** Entry names in central-directory order (folders, ending in `/`, included). */
  readonly names: readonly string[];
  has(name: string): boolean;
  read(name: string): { data: Uint8Array } | { problem: ZipProblem };
  /** Bytes inflated so far from this archive. */
  inflated(): number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Bytes pushed into the inflater at a time: one push can give at most about 1032 times as much. */
const CHUNK = 16 * 1024;

const fail = (key: MessageKey, ruleId: RuleId, params?: MessageParams): { problem: ZipProblem } => ({ problem: { message: params ? { key, params } : { key }, ruleId } });

/** Open a zip archive's directory (nothing is inflated yet), or say why it is no archive fokus reads. */
export function openBoundedZip(bytes: Uint8Array, limits: Pick<ReadLimits, 'zipBytes' | 'zipEntries'>): { zip: BoundedZip } | { problem: ZipProblem } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  if (end < 0) return fail('problem.zip/not-zip.no-end', 'zip/not-zip');
  const declared = view.getUint16(end + 10, true);
  const cdSize = view.getUint32(end + 12, true);
  const cdOffset = view.getUint32(end + 16, true);
  if (declared === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) return fail('problem.zip/unsupported.zip64', 'zip/unsupported');
  if (declared > limits.zipEntries) return fail('problem.zip/too-many-entries', 'zip/too-many-entries', { n: declared, limit: limits.zipEntries });
  if (cdOffset + cdSize > end) return fail('problem.zip/not-zip.directory-outside', 'zip/not-zip');
  const listed = readDirectory(bytes, view, cdOffset, cdOffset + cdSize, limits.zipEntries);
  if ('problem' in listed) return listed;
  const located = locate(view, listed.entries, cdOffset);
  if ('problem' in located) return located;
  return { zip: boundedZip(bytes, listed.entries, located.starts, limits.zipBytes) };
}

/** Offset of the end-of-central-directory record, searched backwards over a comment of up to 64 kB; -1 when none. */
function findEnd(view: DataView): number {
  const last = view.byteLength - 22;
  for (let i = last; i >= 0 && i >= last - 0xffff; i--) {
    if (view.getUint32(i, true) === EOCD && i + 22 + view.getUint16(i + 20, true) <= view.byteLength) return i;
  }
  return -1;
}

/** The central directory's entries; more than `max` is an error (found before they are all read). */
function readDirectory(bytes: Uint8Array, view: DataView, from: number, to: number, max: number): { entries: Entry[] } | { problem: ZipProblem } {
  const entries: Entry[] = [];
  let at = from;
  while (at + 46 <= to) {
    if (view.getUint32(at, true) !== CENTRAL) return fail('problem.zip/not-zip.no-entry-at', 'zip/not-zip', { at });
    if (entries.length >= max) return fail('problem.zip/too-many-entries.more', 'zip/too-many-entries', { limit: max });
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > to) return fail('problem.zip/not-zip.entry-past-directory', 'zip/not-zip');
    const flags = view.getUint16(at + 8, true);
    const raw = bytes.subarray(at + 46, at + 46 + nameLength);
    entries.push({
      name: entryName(raw, (flags & 0x800) !== 0),
      method: view.getUint16(at + 10, true),
      flags,
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at = next;
  }
  return { entries };
}

/** An entry's name: UTF-8 when flagged (or when it is valid UTF-8), else one character per byte. */
function entryName(raw: Uint8Array, utf8: boolean): string {
  try {
    return new TextDecoder('utf-8', { fatal: !utf8 }).decode(raw);
  } catch {
    return Buffer.from(raw).toString('latin1');
  }
}

/** Where each entry's data starts; entries whose data overlap, or lie outside the file, are an error. */
function locate(view: DataView, entries: readonly Entry[], cdOffset: number): { starts: number[] } | { problem: ZipProblem } {
  const starts: number[] = [];
  for (const e of entries) {
    const at = e.localOffset;
    if (at + 30 > cdOffset || view.getUint32(at, true) !== LOCAL) return fail('problem.zip/not-zip.no-local-header', 'zip/not-zip', { name: e.name });
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + e.compressedSize > cdOffset) return fail('problem.zip/not-zip.data-past-end', 'zip/not-zip', { name: e.name });
    starts.push(start);
  }
  const order = entries.map((_, i) => i).sort((a, b) => entries[a]!.localOffset - entries[b]!.localOffset);
  for (let k = 1; k < order.length; k++) {
    const before = order[k - 1]!;
    const after = order[k]!;
    if (entries[after]!.localOffset < starts[before]! + entries[before]!.compressedSize) {
      return fail('problem.zip/overlap', 'zip/overlap', { first: entries[before]!.name, second: entries[after]!.name });
    }
  }
  return { starts };
}

/** The archive with its entries located; `read` inflates within the shared byte budget. */
function boundedZip(bytes: Uint8Array, entries: readonly Entry[], starts: readonly number[], budget: number): BoundedZip {
  const index = new Map<string, number>();
  entries.forEach((e, i) => {
    if (!index.has(e.name)) index.set(e.name, i);
  });
  let spent = 0;
  return {
    names: entries.map((e) => e.name),
    has: (name) => index.has(name),
    inflated: () => spent,
    read(name) {
      const i = index.get(name);
      if (i === undefined) return fail('problem.zip/missing', 'zip/missing', { name });
      const e = entries[i]!;
      if ((e.flags & 1) !== 0) return fail('problem.zip/unsupported.encrypted', 'zip/unsupported', { name: e.name });
      if (e.size > budget - spent) return fail('problem.zip/too-large', 'zip/too-large', { name: e.name, limit: formatBytes(budget) });
      const out = inflateEntry(bytes.subarray(starts[i]!, starts[i]! + e.compressedSize), e, budget - spent);
      if ('problem' in out) return out;
      spent += out.data.length;
      return out;
    },
  };
}


/** Inflate one entry's data, giving up as soon as it yields more than its header says; size and CRC checked. */
function inflateEntry(data: Uint8Array, e: Entry, left: number): { data: Uint8Array } | { problem: ZipProblem } {
  let out: Uint8Array;
  if (e.method === 0) out = data;
  else if (e.method === 8) {
    const chunks: Uint8Array[] = [];
    let got = 0;
    let over = false;
    const inflater = new (fflate().Inflate)((chunk) => {
      got += chunk.length;
      if (got > e.size) over = true;
      else chunks.push(chunk);
    });
    try {
      for (let at = 0; at < data.length && !over; at += CHUNK) inflater.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
      if (data.length === 0) inflater.push(data, true);
    } catch (err) {
      return fail('problem.zip/corrupt.inflate', 'zip/corrupt', { name: e.name, reason: err instanceof Error ? err.message : String(err) });
    }
    if (over) return fail('problem.zip/size-mismatch.more', 'zip/size-mismatch', { name: e.name, size: e.size });
    out = concat(chunks, got);
  } else return fail('problem.zip/unsupported.method', 'zip/unsupported', { name: e.name, method: e.method });
  if (out.length > left) return fail('problem.zip/too-large', 'zip/too-large', { name: e.name, limit: formatBytes(left) });
  if (out.length !== e.size) return fail('problem.zip/size-mismatch', 'zip/size-mismatch', { name: e.name, bytes: out.length, size: e.size });
  if (crc32(out) !== e.crc) return fail('problem.zip/corrupt', 'zip/corrupt', { name: e.name });
  return { data: out };
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

let table: Uint32Array | null = null;

/** CRC-32 (IEEE 802.3, as in zip) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  if (table === null) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
