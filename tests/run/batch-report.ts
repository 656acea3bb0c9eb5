/**
 * The reference a streaming run is checked against: the whole-corpus pipeline, every unit in memory
 * and every aggregator run over all of them — what `analyze` did before it streamed.
 */
import { codeInputs, type AnalyzeRunOptions } from '../../src/analyze.js';
import { breakDown } from '../../src/analysis/breakdown.js';
import { compareGroups } from '../../src/analysis/compare.js';
import { countCooccurrence, formatCooccurrenceScope, parseCooccurrenceScope, UNIT_SCOPE } from '../../src/analysis/cooccurrence.js';
import { DEFAULT_MAX_EMERGENT, DEFAULT_MIN_LIFT, DEFAULT_MIN_SUPPORT, findEmergentPerspectives } from '../../src/analysis/emergent.js';
import { countFrequencies } from '../../src/analysis/frequencies.js';
import { DEFAULT_TOP_TERMS, findKeyTerms } from '../../src/analysis/keyterms.js';
import { findPerspectives } from '../../src/analysis/perspectives.js';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { shownPath } from '../../src/transcripts/shown-path.js';
import type { Report } from '../../src/types.js';
import { VERSION } from '../../src/version.js';

/** The report of the whole-corpus pipeline, or null when the run could not start. */
export async function batchReport(inputs: readonly string[], options: AnalyzeRunOptions): Promise<Report | null> {
  const scope = typeof options.cooccurScope === 'string' ? parseCooccurrenceScope(options.cooccurScope) : (options.cooccurScope ?? UNIT_SCOPE);
  if (!scope) throw new Error('bad scope');
  const { coded, problems } = await codeInputs(inputs, options);
  if (!coded) return null;
  const { codebook, transcripts, units, unit, moderators, skipped } = coded;
  const categories = codebook.categories;
  const codable = units.filter((u) => !u.moderator);
  const by = options.by ?? [];
  const minSupport = options.minSupport ?? DEFAULT_MIN_SUPPORT;
  const minLift = options.minLift ?? DEFAULT_MIN_LIFT;
  const maxEmergent = options.maxEmergent ?? DEFAULT_MAX_EMERGENT;
  const words = { language: codebook.language, stem: codebook.match.stem };
  // Paths as reports record them: relative to the working directory (see transcripts/shown-path.ts).
  const cwd = options.cwd ?? process.cwd();
  const participants = options.participants
    ? { path: shownPath(cwd, options.participants), sha256: createHash('sha256').update(await readFile(resolve(cwd, options.participants))).digest('hex') }
    : undefined;
  const report: Report = {
    program: { name: 'fokus', version: VERSION },
    codebook: {
      name: codebook.name,
      ...(codebook.version !== undefined ? { version: codebook.version } : {}),
      language: codebook.language,
      file: isAbsolute(codebook.source.file) ? shownPath(cwd, codebook.source.file) : codebook.source.file,
      sha256: codebook.source.sha256,
    },
    inputs: transcripts.map((t) => ({
      path: shownPath(cwd, t.path),
      id: t.id,
      format: t.format,
      encoding: t.encoding,
      sha256: t.sha256,
      ...(Object.keys(t.meta).length > 0 ? { meta: t.meta } : {}),
      ...(t.moderators && t.moderators.length > 0 ? { moderators: t.moderators } : {}),
    })),
    options: {
      unit,
      moderators,
      by,
      cooccurScope: formatCooccurrenceScope(scope),
      minSupport,
      minLift,
      maxEmergent,
      keyterms: options.keyterms ?? DEFAULT_TOP_TERMS,
      ...(participants ? { participants } : {}),
    },
    totals: {
      transcripts: transcripts.length,
      units: units.length,
      codableUnits: codable.length,
      speakers: new Set(codable.map((u) => `${u.transcript}\u0000${u.speaker}`)).size,
      skipped: skipped.length,
    },
    categories: [],
    frequencies: countFrequencies(units, categories),
    breakdowns: by.map((dim) => breakDown(units, categories, dim)),
    comparisons: by.map((dim) => compareGroups(units, categories, dim)),
    cooccurrence: countCooccurrence(units, categories, scope),
    perspectives: [...findPerspectives(units, codebook), ...findEmergentPerspectives(units, codebook, { ...words, minSupport, minLift, maxEmergent })],
    keyterms: findKeyTerms(units, categories, { ...words, ...(options.keyterms !== undefined ? { top: options.keyterms } : {}) }),
    units,
    problems,
  };
  report.categories = report.frequencies.map((f) => ({ path: f.category, label: f.label, level: f.level }));
  return report;
}
