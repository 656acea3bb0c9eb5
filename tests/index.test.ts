/**
 * The library entry point. The export list is checked on the sources; what a user gets is checked on
 * the build (`dist/`, built by `npm test`): the package's entry `fokus` as Node resolves it loads no
 * third-party package, and its declarations are the documented surface and compile the README's
 * example.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import * as fokus from '../src/index.js';

const repo = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'fokus-api-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
// A consumer's folder: `fokus` installed as a link to this clone, resolved through package.json "exports".
const consumer = join(work, 'consumer');
mkdirSync(join(consumer, 'node_modules'), { recursive: true });
symlinkSync(repo, join(consumer, 'node_modules/fokus'), 'dir');
writeFileSync(join(consumer, 'package.json'), '{ "type": "module", "private": true }\n');

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

/** The types of the public API (dist/index.d.ts). */
const TYPES = [
  'AnalyzeOptions',
  'AnalyzeResult',
  'AnalyzeRunOptions',
  'Block',
  'BlockedMatch',
  'Breakdown',
  'BreakdownRow',
  'Category',
  'CategoryMatch',
  'CodeInputsOptions',
  'CodeInputsResult',
  'Codebook',
  'CodebookCheck',
  'CodedUnit',
  'CoderCoding',
  'Coding',
  'CodingRow',
  'CodingSource',
  'Comparison',
  'ComparisonRow',
  'CompoundMode',
  'CooccurrenceRow',
  'CorpusOptions',
  'CorpusProgress',
  'CorpusResult',
  'CorpusSink',
  'FrequencyRow',
  'ImportOptions',
  'ImportResult',
  'InputFile',
  'KeyTermRow',
  'Language',
  'Match',
  'MatchOptions',
  'Matcher',
  'OutputFile',
  'ParsedCodebook',
  'Participant',
  'Perspective',
  'PerspectiveCondition',
  'PerspectiveResult',
  'Position',
  'Problem',
  'Rating',
  'RatingTable',
  'ReadResult',
  'Report',
  'Rule',
  'RuleId',
  'RuleInfo',
  'RuleScope',
  'Severity',
  'Span',
  'Term',
  'TextMatch',
  'Token',
  'Transcript',
  'Unit',
  'UnitKind',
  'WordSet',
];

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

/**
 * The npm packages a fresh Node loads for `script` (an ES module run in the consumer's folder, where
 * `import('fokus')` is the installed package): ES modules as a loader hook sees them, CommonJS files
 * from the require cache (Node 20's hooks do not see `require`). Deterministic: no timing involved.
 */
function packagesLoaded(script: string): string[] {
  const log = join(work, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(join(work, 'hooks.mjs'), "import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  appendFileSync(process.env.FOKUS_LOAD_LOG, url + '\\n');\n  return next(url, context);\n}\n");
  writeFileSync(join(work, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
  writeFileSync(log, '');
  writeFileSync(join(consumer, 'main.mjs'), `import { createRequire } from 'node:module';\n${script}\nprocess.stdout.write(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));\n`);
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(join(work, 'register.mjs')).href, 'main.mjs'], { cwd: consumer, encoding: 'utf8', env: { ...process.env, FOKUS_LOAD_LOG: log } });
  expect([r.status, r.stderr]).toEqual([0, '']);
  const files = [...readFileSync(log, 'utf8').split('\n'), ...(JSON.parse(r.stdout) as string[])];
  const names = files.flatMap((f) => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/u.exec(f)?.[1]?.replace('\\', '/') ?? []);
  return [...new Set(names)].sort();
}

describe('the entry point as installed', () => {
  it('loads no third-party package: each is loaded by the first function that needs it', () => {
    expect(packagesLoaded("const fokus = await import('fokus');\nfokus.tokenize('Wir brauchen mehr Personal.');")).toEqual([]);
    // The check sees both kinds of loading: yaml is required (CommonJS), tinyglobby imported (ESM).
    expect(packagesLoaded("const fokus = await import('fokus');\nfokus.parseCodebook('codebook: t\\ncategories: []\\n', 't.yaml');")).toEqual(['yaml']);
    expect(packagesLoaded("const fokus = await import('fokus');\nawait fokus.listInputs(['*.txt'], process.cwd());")).toEqual(['fdir', 'picomatch', 'tinyglobby']);
  });

  it('declares exactly the functions and values it exports, and the documented types', () => {
    const program = ts.createProgram([join(repo, 'dist/index.d.ts')], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, noEmit: true });
    const checker = program.getTypeChecker();
    const module = checker.getSymbolAtLocation(program.getSourceFile(join(repo, 'dist/index.d.ts'))!)!;
    const values: string[] = [];
    const types: string[] = [];
    for (const e of checker.getExportsOfModule(module)) {
      const target = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e;
      (target.flags & ts.SymbolFlags.Value ? values : types).push(e.name);
    }
    expect(values.sort()).toEqual([...FUNCTIONS, 'DEFAULT_CODEBOOK_PATH', 'RULES', 'VERSION'].sort());
    expect(types.sort()).toEqual(TYPES);
  });

  it("compiles the README's library example and the documented options against the declarations", () => {
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    const example = /^## Library\n[^]*?^```ts\n([^]*?)^```$/mu.exec(readme)?.[1];
    expect(example).toContain("from 'fokus'");
    writeFileSync(join(consumer, 'readme.ts'), `${example!}export {};\n`);
    // docs/cli.md: "The library takes the same as the option `regexBudget: { baseMs, perThousandMs }`";
    // docs/performance.md: "The library's `analyze` keeps every unit in `report.units`".
    writeFileSync(
      join(consumer, 'documented.ts'),
      [
        "import { analyze, type AnalyzeRunOptions, type CodedUnit } from 'fokus';",
        'const options: AnalyzeRunOptions = { regexBudget: { baseMs: 1000, perThousandMs: 1 } };',
        'const { report } = await analyze([\'samples\'], options);',
        'export const units: CodedUnit[] | undefined = report?.units;',
        '',
      ].join('\n'),
    );
    const program = ts.createProgram([join(consumer, 'readme.ts'), join(consumer, 'documented.ts')], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: ['node'],
      typeRoots: [join(repo, 'node_modules/@types')],
    });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(errors).toEqual([]);
  });
});
