import { cmp } from '../problems.js';
import type { InputFile } from '../types.js';

/** An input file with its place in the listing (from 0) and its size in bytes. */
export interface ListedFile {
  index: number;
  file: InputFile;
  bytes: number;
}

/**
 * The input files that share one transcript id: the unit of work of a run. Reports order units by
 * transcript id and then segment, so the files of one id are read together and their units
 * interleaved by segment, and the groups are worked through in id order.
 */
export interface InputGroup {
  /** Position of the group in id order, from 0. */
  order: number;
  id: string;
  /** The files in listing order. */
  files: ListedFile[];
  /** Their bytes together. */
  bytes: number;
}

/** Group listed input files by transcript id, groups sorted by id (code-unit order), files in listing order. */
export function groupInputs(files: readonly InputFile[], sizes: readonly number[]): InputGroup[] {
  const byId = new Map<string, ListedFile[]>();
  files.forEach((file, index) => {
    const entry = { index, file, bytes: sizes[index] ?? 0 };
    const list = byId.get(file.id);
    if (list) list.push(entry);
    else byId.set(file.id, [entry]);
  });
  return [...byId.keys()]
    .sort(cmp)
    .map((id, order) => {
      const list = byId.get(id)!;
      return { order, id, files: list, bytes: list.reduce((s, f) => s + f.bytes, 0) };
    });
}
