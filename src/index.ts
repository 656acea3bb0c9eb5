/**
 * The fokus library API: every command of the CLI is a function here. Re-exports only; the
 * pipeline stages live in their folders (read → segment → tokenize → code → aggregate → render).
 */
export {
  analyze,
  analyzeCorpus,
  codeInputs,
  type AnalyzeResult,
  type AnalyzeRunOptions,
  type CodeInputsOptions,
  type CodeInputsResult,
  type CorpusOptions,
  type CorpusProgress,
  type CorpusResult,
  type CorpusSink,
} from './analyze.js';
export { VERSION } from './version.js';
export * from './types.js';
export { formatProblem } from './problems.js';

// read
export { listInputs } from './read/files.js';
export { readTranscript, parseTranscript } from './read/index.js';
export { loadCodebook, DEFAULT_CODEBOOK_PATH } from './read/codebook.js';
export { loadParticipants, parseParticipants, attributesFor } from './read/participants.js';
export { decodeBytes } from './read/decode.js';
export { readCoding, readRatings, parseCoding, parseRatings } from './read/coding.js';
export { readQdpxCoding } from './read/qdpx.js';

// segment
export { segmentUnits } from './segment/index.js';
export { splitSentences } from './text/sentences.js';

// text
export { tokenize } from './text/tokenize.js';
export { lowerWord, foldWord, normalizeText } from './text/normalize.js';
export { stemWord } from './text/stem.js';

// codebook
export { parseCodebook, type ParsedCodebook } from './codebook/parse.js';
export { compileCodebook, type Matcher } from './codebook/compile.js';
export { flattenCategories } from './codebook/flatten.js';
export { codebookJsonSchema, renderCodebookJsonSchema } from './codebook/schema.js';
export { importDictionary, type ImportOptions, type ImportResult } from './codebook/import/index.js';
export { unmatchableReason } from './codebook/terms.js';

// code
export { codeUnits } from './code/code-units.js';
export { matchText, type TextMatch, type CategoryMatch, type BlockedMatch } from './code/match.js';
export { checkCodebook, runExamples, lintCodebook, type CodebookCheck } from './code/check.js';

// aggregate
export { countFrequencies } from './aggregate/frequencies.js';
export { breakDown } from './aggregate/breakdown.js';
export { countCooccurrence } from './aggregate/cooccurrence.js';
export { findPerspectives } from './aggregate/perspectives.js';
export { findEmergentPerspectives } from './aggregate/emergent.js';
export { compareGroups } from './aggregate/compare.js';
export { findKeyTerms } from './aggregate/keyterms.js';
export { suggestTerms } from './aggregate/suggest.js';
export { findConcordance, compileTerm } from './aggregate/kwic.js';
export { explainUnit } from './aggregate/explain.js';
export { agreeCodings, rateAgreement, krippendorffAlpha, cohenKappa, fleissKappa } from './aggregate/agreement.js';
export { evaluateCoding } from './aggregate/evaluation.js';
export { fisherExact, logLikelihood, adjustBenjaminiHochberg } from './aggregate/stats.js';

// render
export { renderTable } from './render/table.js';
export {
  renderFrequenciesCsv,
  renderBreakdownCsv,
  renderSegmentsCsv,
  renderCooccurrenceCsv,
  renderPerspectivesCsv,
} from './render/csv.js';
export { renderJson } from './render/json.js';
export { renderHtml } from './render/html.js';
export { reportFiles, type OutputFile } from './render/files.js';
export { renderQdc, codeGuid } from './render/qdc.js';
export { renderQdpx } from './render/qdpx.js';
