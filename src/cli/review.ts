import type { Command } from 'commander';
import { hasErrors } from '../problems.js';
import type { ReviewRow, ReviewStore } from '../review/file.js';
import type { ReviewSession, ReviewSummary } from '../review/loop.js';
import type { ReviewItem } from '../review/queue.js';
import type { Style } from '../review/screen.js';
import type { CodedInputs } from '../run/options.js';
import type { Category } from '../types.js';
import { addInputOptions, type InputFlags, loadCodedInputs, transcriptsCommand, usageError } from './coded-inputs.js';
import { wholeNumber } from './option-values.js';
import { EXIT, useColor, type CliIO } from './io.js';
import { messagesOf, printProblems, say } from './lang.js';

interface ReviewFlags extends InputFlags {
  out: string;
  category?: string;
  sample?: number;
  seed?: string;
  color: boolean;
}

/** The CLI's streams; the review reads its keys from `io.stdin`. */
export type ReviewIO = CliIO;

/**
 * `fokus review INPUT... -o review.csv`: judge the codings one unit at a time in the terminal;
 * every decision goes to the review file at once, and a second run resumes.
 */
export function registerReview(program: Command, io: CliIO, setCode: (code: number) => void): void {
  const command = transcriptsCommand(program, 'review', 'review the codings in the terminal, one unit at a time: confirm, reject, add; decisions go to a review file at once', 'transcript files, folders (read recursively) or globs (as given to analyze, so the units are numbered alike)')
    .requiredOption('-o, --out <file>', 'the review file: decisions are appended to it; a second run with the same file resumes')
    .option('--category <code>', 'only units coded with this category or its subcategories (full code or an unambiguous own code)')
    .option('--sample <n>', 'also show n units the rules left uncoded, drawn reproducibly, to find what the rules miss', wholeNumber(0))
    .option('--seed <seed>', 'the seed of the --sample draw (default: fokus); the same inputs and seed draw the same units')
    .option('--no-color', 'no colour and no screen clearing (also when NO_COLOR is set); matches marked as [[…]]');
  addInputOptions(command).action(async (inputs: string[], flags: ReviewFlags) => {
    setCode(await runReviewCommand(inputs, flags, io as ReviewIO));
  });
}

/** The rows of a review file there already (the run resumes after them), problems on stderr; or the exit code when it cannot be appended to. */
async function existingRows(io: CliIO, flags: ReviewFlags, out: string, size: number): Promise<ReviewRow[] | { exit: number }> {
  if (size === 0) return [];
  const { readReview, REVIEW_HEADER } = await import('../review/file.js');
  const read = await readReview(out, flags.out);
  printProblems(io, read.problems);
  if (!read.rows || hasErrors(read.problems)) return { exit: EXIT.badInput };
  if (!read.canonical) {
    return { exit: usageError(io, 'cli.review.not-appendable', { file: flags.out, header: REVIEW_HEADER.join(',') }) };
  }
  return read.rows;
}

/** The units to review (--category, --sample, --seed), or the exit code of a usage error. */
async function reviewQueue(io: CliIO, flags: ReviewFlags, coded: CodedInputs, flat: readonly Category[]): Promise<ReviewItem[] | { exit: number }> {
  let category: string | undefined;
  if (flags.category !== undefined) {
    const { resolveCategory } = await import('./show.js');
    const resolved = resolveCategory(coded.codebook, flags.category, flat.map((c) => c.path));
    if ('error' in resolved) return { exit: usageError(io, resolved.error) };
    category = resolved.path;
  }
  const { buildQueue } = await import('../review/queue.js');
  const labels = new Map(flat.map((c) => [c.path, c.label]));
  return buildQueue(coded.units, labels, {
    ...(category !== undefined ? { category } : {}),
    ...(flags.sample !== undefined ? { sample: flags.sample } : {}),
    ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
  });
}

/** The screen's style: colour on a terminal unless switched off, else plain. */
async function reviewStyle(io: CliIO, flags: ReviewFlags): Promise<Style> {
  const color = useColor(io.stdout, io.env, flags.color);
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const { colorStyle, PLAIN } = await import('../review/screen.js');
  return color ? colorStyle(chalk) : PLAIN;
}

/** Run the review loop with the terminal in raw mode, restored (and the store closed) however the review ends, signals included. */
async function inRawMode(stdin: NonNullable<CliIO['stdin']>, store: ReviewStore, session: Omit<ReviewSession, 'keys'>): Promise<ReviewSummary> {
  const { streamKeys } = await import('../review/keys.js');
  const { runReview } = await import('../review/loop.js');
  const keys = streamKeys(stdin);
  stdin.setRawMode!(true);
  stdin.resume?.();
  // A terminal left in raw mode is unusable: restore it however the review ends.
  const restore = (): void => {
    keys.close();
    stdin.setRawMode?.(false);
    stdin.pause?.();
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    restore();
    store.close();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  try {
    return await runReview({ ...session, keys });
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    restore();
    store.close();
  }
}

async function runReviewCommand(inputs: string[], flags: ReviewFlags, io: ReviewIO): Promise<number> {
  const stdin = io.stdin;
  if (stdin === undefined || stdin.isTTY !== true || typeof stdin.setRawMode !== 'function') {
    return usageError(io, 'cli.review.no-terminal');
  }
  const { resolve } = await import('node:path');
  const { stat, realpath } = await import('node:fs/promises');
  const out = resolve(io.cwd, flags.out);
  const there = await stat(out).catch(() => null);
  if (there?.isDirectory()) return usageError(io, 'cli.review.folder', { file: flags.out });

  const loaded = await loadCodedInputs(inputs, flags, io);
  if ('exit' in loaded) return loaded.exit;
  const { coded } = loaded;
  if (coded.transcripts.length === 0) return usageError(io, 'cli.review.nothing-read');
  const canonical = (p: string): Promise<string> => realpath(p).catch(() => p);
  const protect = [...coded.inputPaths, ...[flags.codebook, flags.participants].filter((f): f is string => f !== undefined).map((f) => resolve(io.cwd, f))];
  const target = await canonical(out);
  for (const p of protect) if ((await canonical(p)) === target) return usageError(io, 'cli.review.input', { file: flags.out });

  const rows = await existingRows(io, flags, out, there?.size ?? 0);
  if ('exit' in rows) return rows.exit;
  const { fileStore } = await import('./review-store.js');
  const { flattenCategories } = await import('../codebook/flatten.js');
  const flat = flattenCategories(coded.codebook.categories);
  const items = await reviewQueue(io, flags, coded, flat);
  if ('exit' in items) return items.exit;
  const style = await reviewStyle(io, flags);
  const { explainUnit } = await import('../retrieval/explain.js');
  const { renderExplanation } = await import('../retrieval/explain-render.js');

  let store: ReturnType<typeof fileStore>;
  try {
    store = fileStore(out, rows);
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : String(e);
    return usageError(io, 'cli.review.cannot-write', { file: flags.out, code });
  }
  const summary = await inRawMode(stdin, store, {
    items,
    store,
    style,
    file: flags.out,
    categories: flat.map((c) => ({ path: c.path, label: c.label })),
    screen: { write: (text) => io.stdout.write(text), width: () => (io.stdout.columns !== undefined && io.stdout.columns > 0 ? io.stdout.columns : 80) },
    explain: (unit) => renderExplanation(explainUnit(unit, coded.matcher, coded.codebook.categories), style.mark, messagesOf(io)),
    messages: messagesOf(io),
  });
  // Short enough for 80 columns with a short file name: the decisions of this run, then where the review stands.
  const { confirmed, rejected, added, decided, count } = summary;
  say(io, 'cli.review.summary', { file: flags.out, confirmed, rejected, added, decided, n: count });
  const { cellCutProblem } = await import('../report/cell-limit.js');
  const cut = cellCutProblem(flags.out, store.cuts);
  if (cut) printProblems(io, [cut]);
  return loaded.failed ? EXIT.badInput : EXIT.ok;
}
