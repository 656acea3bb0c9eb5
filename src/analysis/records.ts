import { grown } from '../arrays.js';

// The code records of a corpus (units that can support an emergent perspective), stored compactly.

/** A codable unit that can support an emergent pair: two or more unrelated codes. */
export interface CodeRecord {
  /** Position among the transcript's codable units in report order, from 0. */
  position: number;
  segment: number;
  speaker: string;
  group?: string;
  /** Flat codebook positions, ascending. */
  codes: number[];
  /** The unit's word signatures (positions in the tally's `signatures`). */
  words: number[];
}

/** Code records of a corpus in parallel growable lists of numbers; strings are numbered once. */
export interface RecordStore {
  count: number;
  /** The transcript's place among the transcripts tallied, from 0. */
  order: Int32Array;
  position: Int32Array;
  transcript: Int32Array;
  segment: Int32Array;
  speaker: Int32Array;
  /** -1 when the unit has no group. */
  group: Int32Array;
  /** Record k's codes are `codes[codeStart[k] … codeStart[k + 1])`. */
  codeStart: Int32Array;
  codes: Int32Array;
  /** Record k's word signatures (ids of the sum) are `words[wordStart[k] … wordStart[k + 1])`. */
  wordStart: Int32Array;
  words: Int32Array;
  strings: string[];
  stringIds: Map<string, number>;
}

export function newRecordStore(): RecordStore {
  return {
    count: 0,
    order: new Int32Array(1024),
    position: new Int32Array(1024),
    transcript: new Int32Array(1024),
    segment: new Int32Array(1024),
    speaker: new Int32Array(1024),
    group: new Int32Array(1024),
    codeStart: new Int32Array(1025),
    codes: new Int32Array(4096),
    wordStart: new Int32Array(1025),
    words: new Int32Array(16384),
    strings: [],
    stringIds: new Map(),
  };
}

function stringId(store: RecordStore, s: string): number {
  let id = store.stringIds.get(s);
  if (id === undefined) {
    id = store.strings.length;
    store.strings.push(s);
    store.stringIds.set(s, id);
  }
  return id;
}

export function pushRecord(store: RecordStore, r: CodeRecord, transcript: string, order: number, sigIds: readonly number[]): void {
  const k = store.count;
  store.order = grown(store.order, k + 1);
  store.position = grown(store.position, k + 1);
  store.order[k] = order;
  store.position[k] = r.position;
  store.transcript = grown(store.transcript, k + 1);
  store.segment = grown(store.segment, k + 1);
  store.speaker = grown(store.speaker, k + 1);
  store.group = grown(store.group, k + 1);
  store.codeStart = grown(store.codeStart, k + 2);
  const start = store.codeStart[k]!;
  store.codes = grown(store.codes, start + r.codes.length);
  store.transcript[k] = stringId(store, transcript);
  store.segment[k] = r.segment;
  store.speaker[k] = stringId(store, r.speaker);
  store.group[k] = r.group === undefined ? -1 : stringId(store, r.group);
  store.codes.set(r.codes, start);
  store.codeStart[k + 1] = start + r.codes.length;
  store.wordStart = grown(store.wordStart, k + 2);
  const from = store.wordStart[k]!;
  store.words = grown(store.words, from + r.words.length);
  for (let i = 0; i < r.words.length; i++) store.words[from + i] = sigIds[r.words[i]!]!;
  store.wordStart[k + 1] = from + r.words.length;
  store.count = k + 1;
}

/** Record k as an evidence unit: transcript, segment, speaker and group. */
export function recordAt(store: RecordStore, k: number): { transcript: string; segment: number; speaker: string; attributes: { group?: string } } {
  const g = store.group[k]!;
  return {
    transcript: store.strings[store.transcript[k]!]!,
    segment: store.segment[k]!,
    speaker: store.strings[store.speaker[k]!]!,
    attributes: g < 0 ? {} : { group: store.strings[g]! },
  };
}

/** Whether record k carries the code at flat position `code`. */
export function recordHas(store: RecordStore, k: number, code: number): boolean {
  for (let i = store.codeStart[k]!; i < store.codeStart[k + 1]!; i++) if (store.codes[i] === code) return true;
  return false;
}

/** Per flat category the records (ascending) that carry it. */
export function recordsOf(store: RecordStore, categories: number): number[][] {
  const out: number[][] = Array.from({ length: categories }, () => []);
  for (let k = 0; k < store.count; k++) for (let i = store.codeStart[k]!; i < store.codeStart[k + 1]!; i++) out[store.codes[i]!]!.push(k);
  return out;
}
