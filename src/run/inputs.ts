import { resolve } from 'node:path';
import type { CodeInputsOptions } from './options.js';
import { hasErrors, problem } from '../problems.js';
import { headingWords } from '../codebook/headings.js';
import { loadCodebook } from '../codebook/load.js';
import { knownEncoding } from '../transcripts/decode.js';
import { listInputs } from '../transcripts/files.js';
import { fileTrouble } from '../transcripts/read-file.js';
import { loadParticipants } from '../transcripts/participants.js';
import { shownPath } from '../transcripts/shown-path.js';
import type { Codebook, InputFile, Participant, Problem, UnitKind } from '../types.js';
import type { ReviewSet } from '../review/apply.js';
import type { ReadConfig } from './pipeline.js';
import { filterFiles, parseWhere, type WhereFilter } from './where.js';

/** What every run starts from: the codebook, the participants, the input files, and how to segment. */
export interface OpenedInputs {
  cwd: string;
  codebook: Codebook;
  participants: Participant[];
  /** The participants file given, relative to `cwd`, with the sha256 of its bytes (for the report's provenance). */
  participantsFile?: { path: string; sha256: string };
  /** The input files to read: those listed that the `--where` transcript key keeps (all without one). */
  files: InputFile[];
  /** Every input file listed. */
  listed: InputFile[];
  /** The `--where` filter, or null when none was given. */
  where: WhereFilter | null;
  /** The unit kind used and the moderators in force (codebook's plus extra). */
  unit: UnitKind;
  moderators: string[];
  /** The decisions of the review files given (`review`), or null when none was given. */
  review: ReviewSet | null;
}

/**
 * Load the codebook and the participants file and list the input files, collecting problems into
 * `problems`; null when the run cannot start (an unknown encoding, a broken codebook or participants
 * file). An input that names no transcript is a problem, not a stop.
 */
export async function openInputs(inputs: readonly string[], options: CodeInputsOptions, problems: Problem[]): Promise<OpenedInputs | null> {
  // Relative to the working folder unless the caller says otherwise (the CLI passes its own).
  const cwd = resolve(options.cwd ?? '.');
  // A bad encoding name would fail every file alike: one error, before anything is read.
  if (options.encoding !== undefined && options.encoding.trim() !== '' && !knownEncoding(options.encoding)) {
    problems.push(problem('--encoding', 'error', { key: 'problem.options/encoding', params: { name: options.encoding } }, undefined, 'options/encoding'));
    return null;
  }

  // A codebook, participants or review file that is a named pipe or a device would block or never end.
  const named = [...(typeof options.codebook === 'string' ? [options.codebook] : []), ...(options.participants ? [options.participants] : []), ...(options.review ?? [])];
  const troubles = await Promise.all(named.map(async (file) => ({ file, trouble: await fileTrouble(resolve(cwd, file)) })));
  for (const { file, trouble } of troubles) if (trouble) problems.push(problem(file, 'error', trouble.message, undefined, trouble.ruleId));
  if (troubles.some((t) => t.trouble)) return null;

  let codebook: Codebook;
  if (typeof options.codebook === 'object') {
    codebook = options.codebook;
  } else {
    const file = options.codebook;
    const loaded = await loadCodebook(file === undefined ? undefined : resolve(cwd, file));
    problems.push(...loaded.problems.map((p) => (file === undefined ? p : { ...p, file })));
    if (!loaded.codebook) return null;
    // Recorded relative to the working folder, never absolute: a moved project folder gives the same report.
    codebook = file === undefined ? loaded.codebook : { ...loaded.codebook, source: { ...loaded.codebook.source, file: shownPath(cwd, file) } };
  }

  let participants: Participant[] = [];
  let participantsFile: OpenedInputs['participantsFile'];
  if (options.participants) {
    const file = options.participants;
    const loaded = await loadParticipants(resolve(cwd, file));
    problems.push(...loaded.problems.map((p) => ({ ...p, file })));
    if (hasErrors(loaded.problems)) return null;
    participants = loaded.participants;
    participantsFile = { path: shownPath(cwd, file), sha256: loaded.sha256 ?? '' };
  }
  // A --where key that names nothing stops the run before anything is read.
  const where = parseWhere(options.where ?? [], participants, options.participants !== undefined && options.participants !== '');
  problems.push(...where.problems);
  if (hasErrors(where.problems)) return null;

  const review = await openReview(options, cwd, codebook, problems);
  if (review === undefined) return null;

  const listed = await listInputs([...inputs], cwd);
  problems.push(...listed.problems);
  if (listed.files.length === 0 && !hasErrors(listed.problems)) {
    problems.push(problem(inputs.join(' '), 'error', { key: 'problem.input/none' }, undefined, 'input/none'));
  }
  const files = filterFiles(listed.files, where.filter, cwd);
  problems.push(...files.problems);
  return {
    cwd,
    codebook,
    participants,
    ...(participantsFile ? { participantsFile } : {}),
    files: files.files,
    listed: listed.files,
    where: where.filter,
    unit: options.unit ?? codebook.unit,
    moderators: [...codebook.moderators, ...(options.moderators ?? [])],
    review,
  };
}

/**
 * The decisions of the review files given (`review`): null when none was given, undefined when one
 * could not be read (its problems are in `problems`). Review files are read before any transcript:
 * a broken one stops the run, as a broken codebook does.
 */
async function openReview(options: CodeInputsOptions, cwd: string, codebook: Codebook, problems: Problem[]): Promise<ReviewSet | null | undefined> {
  if (options.review === undefined || options.review.length === 0) return null;
  const { readReview } = await import('../review/file.js');
  const { buildReviewSet } = await import('../review/apply.js');
  const { flattenCategories } = await import('../codebook/flatten.js');
  const read = [];
  for (const file of options.review) {
    const r = await readReview(resolve(cwd, file), file);
    problems.push(...r.problems);
    if (r.rows && !hasErrors(r.problems)) read.push({ path: shownPath(cwd, file), sha256: r.sha256, rows: r.rows });
  }
  if (read.length < options.review.length) return undefined;
  const built = buildReviewSet(read, flattenCategories(codebook.categories).map((c) => c.path));
  problems.push(...built.problems);
  return built.set;
}

/** How a run reads and segments its files (`readUnits`), from the opened inputs and the options (plain data, passed to workers). */
export function readConfigOf(opened: OpenedInputs, options: CodeInputsOptions): ReadConfig {
  return {
    cwd: opened.cwd,
    participants: opened.participants,
    withParticipants: options.participants !== undefined && options.participants !== '',
    unit: opened.unit,
    moderators: opened.moderators,
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.format ? { format: options.format } : {}),
    ...(options.regexBudget ? { regexBudget: options.regexBudget } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(opened.where ? { where: opened.where } : {}),
    headings: headingWords(opened.codebook),
  };
}
