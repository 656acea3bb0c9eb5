import { messagesFor, type Messages } from '../lang/catalogue.js';
import type { CliIO } from './io.js';
import { messagesOf } from './lang.js';

/** Progress of a run as `analyzeCorpus` reports it. */
export interface ProgressState {
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
}

/** A progress line on stderr: `update` it as work is done, `done` removes it. */
export interface ProgressLine {
  update(p: ProgressState): void;
  done(): void;
}

/** Runs shorter than this show no progress at all (milliseconds). */
const SHOW_AFTER = 1000;
/** The line is redrawn at most this often (milliseconds). */
const REDRAW_EVERY = 250;
/**
 * The time left is estimated only once this share of the bytes is done and this much time has
 * passed (milliseconds): the first files say little about the rate (threads starting, the codebook
 * compiled, one small file done), so an early estimate can be off tenfold.
 */
const ESTIMATE_AFTER_SHARE = 0.1;
const ESTIMATE_AFTER_MS = 3000;

const NONE: ProgressLine = { update: () => undefined, done: () => undefined };

const ENGLISH = messagesFor('en');

/** Seconds as `42 s` or `3 min 05 s` (in the language of `m`). */
export function formatDuration(seconds: number, m: Messages = ENGLISH): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return m.t('cli.progress.seconds', { s });
  return m.t('cli.progress.minutes', { min: Math.floor(s / 60), s: String(s % 60).padStart(2, '0') });
}

/**
 * The text of a progress line: files done and the share of the bytes done (cut down, so 100 % only
 * at the end); once enough is seen (`ESTIMATE_AFTER_SHARE` of the bytes and `ESTIMATE_AFTER_MS`),
 * also the throughput over the whole run so far and the time left at that rate.
 */
export function progressText(p: ProgressState, elapsedMs: number, m: Messages = ENGLISH): string {
  const share = p.totalBytes > 0 ? p.bytes / p.totalBytes : p.totalFiles > 0 ? p.files / p.totalFiles : 0;
  const head = `fokus: ${m.t('cli.progress.head', { files: p.files, total: p.totalFiles, percent: Math.floor(share * 100) })}`;
  if (share < ESTIMATE_AFTER_SHARE || elapsedMs < ESTIMATE_AFTER_MS || p.bytes === 0) return head;
  const rate = p.bytes / 1e6 / (elapsedMs / 1000);
  const left = p.totalBytes > p.bytes ? (p.totalBytes - p.bytes) / 1e6 / rate : 0;
  return `${head} · ${m.t('cli.progress.rate', { rate: m.number(rate, 1), left: formatDuration(left, m) })}`;
}

/**
 * A progress line for a long run: drawn on stderr only when stderr is a terminal and `quiet` is
 * off, first after a second, then redrawn in place at most four times a second. `now` gives
 * milliseconds (injected so tests need no clock).
 */
export function progressLine(io: CliIO, quiet: boolean, now: () => number): ProgressLine {
  if (quiet || io.stderr.isTTY !== true) return NONE;
  const start = now();
  let last = -Infinity;
  let shown = false;
  return {
    update(p) {
      const t = now();
      if (t - start < SHOW_AFTER || t - last < REDRAW_EVERY || p.files >= p.totalFiles) return;
      last = t;
      shown = true;
      io.stderr.write(`\r${progressText(p, t - start, messagesOf(io))}\u001b[K`);
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[K');
      shown = false;
    },
  };
}
