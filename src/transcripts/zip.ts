import { fflate } from '../deps.js';
import { formatBytes, type ReadLimits } from './limits.js';
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
  message: string;
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

const fail = (message: string, ruleId: RuleId): { problem: ZipProblem } => ({ problem: { message, ruleId } });

/** Open a zip archive's directory (nothing is inflated yet), or say why it is no archive fokus reads. */
export function openBoundedZip(bytes: Uint8Array, limits: Pick<ReadLimits, 'zipBytes' | 'zipEntries'>): { zip: BoundedZip } | { problem: ZipProblem } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view);
  if (end < 0) return fail('not a zip archive (no end of central directory)', 'zip/not-zip');
  const declared = view.getUint16(end + 10, true);
  const cdSize = view.getUint32(end + 12, true);
  const cdOffset = view.getUint32(end + 16, true);
  if (declared === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) return fail('a zip64 archive, which fokus does not read', 'zip/unsupported');
  if (declared > limits.zipEntries) return fail(`the archive has ${declared} entries, more than the ${limits.zipEntries} allowed (FOKUS_ZIP_ENTRIES)`, 'zip/too-many-entries');
  if (cdOffset + cdSize > end) return fail('a broken zip archive (its central directory lies outside the file)', 'zip/not-zip');
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
    if (view.getUint32(at, true) !== CENTRAL) return fail(`a broken zip archive (no directory entry at byte ${at})`, 'zip/not-zip');
    if (entries.length >= max) return fail(`the archive has more than the ${max} entries allowed (FOKUS_ZIP_ENTRIES)`, 'zip/too-many-entries');
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > to) return fail('a broken zip archive (a directory entry runs past the directory)', 'zip/not-zip');
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
    if (at + 30 > cdOffset || view.getUint32(at, true) !== LOCAL) return fail(`a broken zip archive (entry ${e.name} has no local header)`, 'zip/not-zip');
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + e.compressedSize > cdOffset) return fail(`a broken zip archive (the data of entry ${e.name} run past the end)`, 'zip/not-zip');
    starts.push(start);
  }
  const order = entries.map((_, i) => i).sort((a, b) => entries[a]!.localOffset - entries[b]!.localOffset);
  for (let k = 1; k < order.length; k++) {
    const before = order[k - 1]!;
    const after = order[k]!;
    if (entries[after]!.localOffset < starts[before]! + entries[before]!.compressedSize) {
      return fail(`entries ${entries[before]!.name} and ${entries[after]!.name} overlap (they share bytes of the archive, a sign of a zip bomb)`, 'zip/overlap');
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
      if (i === undefined) return fail(`no entry ${name} in the archive`, 'zip/missing');
      const e = entries[i]!;
      if ((e.flags & 1) !== 0) return fail(`entry ${e.name} is encrypted`, 'zip/unsupported');
      if (e.size > budget - spent) return fail(tooMuch(e.name, budget), 'zip/too-large');
      const out = inflateEntry(bytes.subarray(starts[i]!, starts[i]! + e.compressedSize), e, budget - spent);
      if ('problem' in out) return out;
      spent += out.data.length;
      return out;
    },
  };
}

function tooMuch(name: string, budget: number): string {
  return `entry ${name} would take the bytes inflated from this archive beyond ${formatBytes(budget)} (FOKUS_ZIP_BYTES)`;
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
      return fail(`entry ${e.name} is not valid compressed data (${err instanceof Error ? err.message : String(err)})`, 'zip/corrupt');
    }
    if (over) return fail(`entry ${e.name} inflates to more than the ${e.size} bytes its header says; it is not read`, 'zip/size-mismatch');
    out = concat(chunks, got);
  } else return fail(`entry ${e.name} uses compression method ${e.method}, which fokus does not read`, 'zip/unsupported');
  if (out.length > left) return fail(tooMuch(e.name, left), 'zip/too-large');
  if (out.length !== e.size) return fail(`entry ${e.name} holds ${out.length} bytes, not the ${e.size} its header says (a cut-off or altered archive); it is not read`, 'zip/size-mismatch');
  if (crc32(out) !== e.crc) return fail(`entry ${e.name} is damaged (its CRC-32 does not match)`, 'zip/corrupt');
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
