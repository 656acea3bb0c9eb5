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
export { RULES, type RuleId, type RuleInfo } from './rules.js';

// read
export { listInputs } from './transcripts/files.js';
export { readTranscript, parseTranscript } from './transcripts/read.js';
export { loadCodebook, DEFAULT_CODEBOOK_PATH } from './codebook/load.js';
export { loadParticipants, parseParticipants, attributesFor } from './transcripts/participants.js';
export { decodeBytes } from './transcripts/decode.js';
export { readCoding, readRatings, parseCoding, parseRatings } from './reliability/codings.js';
export { readQdpxCoding } from './exchange/refi-qda/read.js';

// segment
export { segmentUnits } from './transcripts/segment.js';
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
export { codeUnits } from './coding/code-units.js';
export { matchText, type TextMatch, type CategoryMatch, type BlockedMatch } from './coding/match.js';
export { checkCodebook, runExamples, lintCodebook, type CodebookCheck } from './coding/check.js';

// aggregate
export { countFrequencies } from './analysis/frequencies.js';
export { breakDown } from './analysis/breakdown.js';
export { countCooccurrence } from './analysis/cooccurrence.js';
export { findPerspectives } from './analysis/perspectives.js';
export { findEmergentPerspectives } from './analysis/emergent.js';
export { compareGroups } from './analysis/compare.js';
export { findKeyTerms } from './analysis/keyterms.js';
export { suggestTerms } from './retrieval/suggest.js';
export { findConcordance, compileTerm } from './retrieval/kwic.js';
export { explainUnit } from './retrieval/explain.js';
export { agreeCodings, rateAgreement } from './reliability/agreement.js';
export { krippendorffAlpha, cohenKappa, fleissKappa } from './reliability/coefficients.js';
export { evaluateCoding } from './reliability/evaluation.js';
export { fisherExact, logLikelihood, adjustBenjaminiHochberg } from './analysis/stats.js';

// render
export { renderTable } from './report/table.js';
export {
  renderFrequenciesCsv,
  renderBreakdownCsv,
  renderSegmentsCsv,
  renderCooccurrenceCsv,
  renderPerspectivesCsv,
} from './report/csv.js';
export { renderJson } from './report/json.js';
export { renderHtml } from './report/html.js';
export { reportFiles, type OutputFile } from './report/files.js';
export { renderQdc, codeGuid } from './exchange/refi-qda/codebook.js';
export { renderQdpx } from './exchange/refi-qda/write.js';
