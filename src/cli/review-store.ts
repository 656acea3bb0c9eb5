import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { cellCuts, type CellCuts } from '../report/cell-limit.js';
import { toCsvRows } from '../report/format.js';
import { REVIEW_HEADER, reviewRecord, type ReviewRow, type ReviewStore } from '../review/file.js';

/**
 * A review file opened for appending: every decision is written and flushed (`fsync`) at once, so
 * an interrupted review loses nothing; removing a row rewrites the file to a temporary file beside
 * it that is then renamed over it (never half written). `rows` are the file's rows (read before
 * with `readReview`, its header `REVIEW_HEADER`); a file that does not exist yet is created with the header.
 * `cuts` counts the texts of appended rows cut to Excel's cell limit (the full texts are in the transcripts).
 */
export function fileStore(path: string, rows: ReviewRow[]): ReviewStore & { cuts: CellCuts } {
  const cuts = cellCuts('the transcript');
  const fresh = !existsSync(path) || statSync(path).size === 0;
  let fd = openSync(path, 'a');
  const write = (text: string): void => {
    writeSync(fd, text);
    fsyncSync(fd);
  };
  if (fresh) write(toCsvRows([REVIEW_HEADER], { excel: false }));
  return {
    rows,
    cuts,
    append(row) {
      write(reviewRecord(row, cuts));
      rows.push(row);
    },
    remove(row) {
      const i = rows.indexOf(row);
      if (i < 0) return false;
      const kept = rows.filter((_, k) => k !== i);
      const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
      let reopen = false;
      try {
        const out = openSync(temp, 'w');
        try {
          writeSync(out, toCsvRows([REVIEW_HEADER], { excel: false }) + kept.map((r) => reviewRecord(r)).join(''));
          fsyncSync(out);
        } finally {
          closeSync(out);
        }
        closeSync(fd);
        reopen = true;
        renameSync(temp, path);
        rows.splice(i, 1);
      } catch (e) {
        rmSync(temp, { force: true });
        throw e;
      } finally {
        // The old descriptor names the replaced file: append to the new one from here on.
        if (reopen) fd = openSync(path, 'a');
      }
      return true;
    },
    close() {
      closeSync(fd);
    },
  };
}
