import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { InputFile } from '../types.js';

/**
 * The size in bytes of each input file, in the order given (0 for a file that cannot be seen; the
 * reader reports that problem). Used to plan parallel work and to estimate progress.
 */
export async function fileSizes(files: readonly InputFile[], cwd: string): Promise<number[]> {
  return Promise.all(
    files.map(async (f) => {
      try {
        return (await stat(path.resolve(cwd, f.path))).size;
      } catch {
        return 0;
      }
    }),
  );
}
