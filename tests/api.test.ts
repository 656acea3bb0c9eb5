import { describe, expect, it } from 'vitest';
import * as fokus from '../src/index.js';

/** The public library API: removing an export by accident must fail loudly. */
const FUNCTIONS = [
  'analyze',
  'analyzeCorpus',
  'codeInputs',
  'formatProblem',
  'listInputs',
  'readTranscript',
  'parseTranscript',
  'loadCodebook',
  'loadParticipants',
  'parseParticipants',
  'attributesFor',
  'decodeBytes',
  'segmentUnits',
  'splitSentences',
  'tokenize',
  'lowerWord',
  'foldWord',
  'normalizeText',
  'stemWord',
  'parseCodebook',
  'compileCodebook',
  'flattenCategories',
  'codebookJsonSchema',
  'renderCodebookJsonSchema',
  'importDictionary',
  'unmatchableReason',
  'codeUnits',
  'matchText',
  'checkCodebook',
  'runExamples',
  'lintCodebook',
  'countFrequencies',
  'breakDown',
  'countCooccurrence',
  'findPerspectives',
  'findEmergentPerspectives',
  'compareGroups',
  'findKeyTerms',
  'suggestTerms',
  'findConcordance',
  'compileTerm',
  'explainUnit',
  'fisherExact',
  'logLikelihood',
  'adjustBenjaminiHochberg',
  'renderTable',
  'renderFrequenciesCsv',
  'renderBreakdownCsv',
  'renderSegmentsCsv',
  'renderCooccurrenceCsv',
  'renderPerspectivesCsv',
  'renderJson',
  'renderHtml',
  'reportFiles',
  'renderQdc',
  'codeGuid',
  'renderQdpx',
  'readQdpxCoding',
  'readCoding',
  'readRatings',
  'parseCoding',
  'parseRatings',
  'agreeCodings',
  'rateAgreement',
  'evaluateCoding',
  'krippendorffAlpha',
  'cohenKappa',
  'fleissKappa',
].sort();

describe('public API', () => {
  it('exports every documented function', () => {
    const functions = Object.entries(fokus)
      .filter(([, v]) => typeof v === 'function')
      .map(([k]) => k)
      .sort();
    expect(functions).toEqual(FUNCTIONS);
  });
  it('exports the version and the default codebook path', () => {
    expect(fokus.VERSION).toMatch(/^\d+\.\d+\.\d+/);
    expect(fokus.DEFAULT_CODEBOOK_PATH).toMatch(/codebooks[\\/]isog-fokusgruppe\.yaml$/);
  });
});
