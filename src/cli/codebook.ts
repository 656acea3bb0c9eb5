import { Option, type Command } from 'commander';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DictionaryFormat } from '../codebook/import/index.js';
import type { ParsedCodebook } from '../codebook/parse.js';
import { hasErrors } from '../problems.js';
import type { Language, Problem } from '../types.js';
import { EXIT, type CliIO } from './io.js';
import { messagesOf, printProblems, say, sayError } from './lang.js';

/** The JSON Schema shipped with the package (schema/codebook.schema.json). */
const SHIPPED_SCHEMA = fileURLToPath(new URL('../../schema/codebook.schema.json', import.meta.url));


interface CheckFlags {
  format: 'table' | 'json';
}

interface ImportFlags {
  out?: string;
  from?: DictionaryFormat;
  name?: string;
  language: Language;
}

interface ExportFlags {
  qdc: string;
}

/**
 * `fokus codebook check|schema|import|export`: test a codebook's anchor examples, print the JSON
 * Schema of the format, convert dictionaries of other tools, and write a REFI-QDA codebook.
 */
export function registerCodebook(program: Command, io: CliIO, setCode: (code: number) => void): void {
  const codebook = program.command('codebook').description('check, import and export codebooks, print their JSON Schema');
  codebook
    .command('check')
    .description('validate a codebook and run its anchor examples and counterexamples as tests (exit 1 when one fails)')
    .argument('[file]', 'the codebook (default: the shipped codebooks/isog-fokusgruppe.yaml)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (file: string | undefined, flags: CheckFlags) => {
      setCode(await runCheck(file, flags, io));
    });
  codebook
    .command('schema')
    .description('print the JSON Schema of the codebook format (for editors: # yaml-language-server: $schema=…)')
    .action(async () => {
      const { renderCodebookJsonSchema } = await import('../codebook/schema.js');
      io.stdout.write(renderCodebookJsonSchema());
      setCode(EXIT.ok);
    });
  codebook
    .command('import')
    .description('convert a LIWC .dic, quanteda .yml, WordStat .cat or Lexicoder .lc3 dictionary to a codebook')
    .argument('<file>', 'the dictionary')
    .option('-o, --out <file>', 'write the codebook to this file (default: stdout)')
    .addOption(new Option('--from <format>', 'the dictionary format (default: from the extension)').choices(['liwc', 'quanteda', 'wordstat', 'lexicoder']))
    .option('--name <name>', "the codebook's name (default: the file name)")
    .addOption(new Option('--language <lang>', "the codebook's language").choices(['de', 'en']).default('de'))
    .action(async (file: string, flags: ImportFlags) => {
      setCode(await runImport(file, flags, io));
    });
  codebook
    .command('export')
    .description('write a codebook as a REFI-QDA codebook (.qdc) for MAXQDA, ATLAS.ti, NVivo, QualCoder')
    .argument('[file]', 'the codebook (default: the shipped codebooks/isog-fokusgruppe.yaml)')
    .requiredOption('--qdc <out>', 'the .qdc file to write')
    .action(async (file: string | undefined, flags: ExportFlags) => {
      setCode(await runExport(file, flags, io));
    });
}

/** Load a codebook given on the command line (relative to the working folder), naming it as given in problems. */
async function load(file: string | undefined, io: CliIO): Promise<{ parsed: ParsedCodebook; shown: string }> {
  const { loadCodebook, DEFAULT_CODEBOOK_NAME } = await import('../codebook/load.js');
  if (file === undefined) return { parsed: await loadCodebook(), shown: DEFAULT_CODEBOOK_NAME };
  const loaded = await loadCodebook(resolve(io.cwd, file));
  const codebook = loaded.codebook ? { ...loaded.codebook, source: { ...loaded.codebook.source, file } } : null;
  return { parsed: { codebook, problems: loaded.problems.map((p) => ({ ...p, file })) }, shown: file };
}

/** Write one output file whole or not at all, never over an input or onto a folder; problems go to stderr. */
async function writeOne(io: CliIO, shown: string, content: string, inputs: readonly string[]): Promise<boolean> {
  const { stat } = await import('node:fs/promises');
  const { writeOutputs } = await import('./write.js');
  const out = resolve(io.cwd, shown);
  if (await stat(out).then((s) => s.isDirectory(), () => false)) {
    sayError(io, shown, 'cli.out-is-folder');
    return false;
  }
  const written = await writeOutputs(dirname(out), [{ name: basename(out), content }], inputs);
  report(io, written);
  return !hasErrors(written);
}

function report(io: CliIO, problems: readonly Problem[]): void {
  printProblems(io, problems);
}

async function runCheck(file: string | undefined, flags: CheckFlags, io: CliIO): Promise<number> {
  const { regexBudgetFromEnv } = await import('./coded-inputs.js');
  const budget = regexBudgetFromEnv(io);
  if ('exit' in budget) return budget.exit;
  const { parsed, shown } = await load(file, io);
  const { checkCodebook } = await import('../coding/check.js');
  const check = checkCodebook(parsed, shown, budget.regexBudget);
  report(io, check.problems);
  const { renderCheckJson, renderCheckTable } = await import('../report/check.js');
  if (flags.format === 'json') io.stdout.write(renderCheckJson(check));
  else if (check.valid) io.stdout.write(renderCheckTable(check, messagesOf(io)));
  if (!check.valid) return EXIT.badInput;
  return check.totals.failed > 0 ? EXIT.checkFailed : EXIT.ok;
}

async function runImport(file: string, flags: ImportFlags, io: CliIO): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const { decodeBytes } = await import('../transcripts/decode.js');
  const { importDictionary } = await import('../codebook/import/index.js');
  const { parseCodebook } = await import('../codebook/parse.js');
  const path = resolve(io.cwd, file);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') sayError(io, file, code === 'ENOENT' ? 'cli.import.missing' : 'cli.import.folder');
    else sayError(io, file, 'cli.import.unreadable', { code: code ?? 'error' });
    return EXIT.badInput;
  }
  const decoded = decodeBytes(bytes, file);
  const target = flags.out === undefined ? io.cwd : dirname(resolve(io.cwd, flags.out));
  const schema = relative(target, SHIPPED_SCHEMA).split(sep).join('/');
  const result = importDictionary(decoded.text, file, { format: flags.from, name: flags.name, language: flags.language, schema });
  report(io, [...decoded.problems, ...result.problems]);
  if (result.yaml === null) return EXIT.badInput;
  const check = parseCodebook(result.yaml, flags.out ?? '<stdout>');
  if (hasErrors(check.problems)) {
    report(io, check.problems);
    say(io, 'cli.import.does-not-load');
    return EXIT.badInput;
  }
  if (flags.out !== undefined) {
    if (!(await writeOne(io, flags.out, result.yaml, [path]))) return EXIT.badInput;
  } else {
    io.stdout.write(result.yaml);
  }
  const warnings = result.problems.filter((p) => p.severity === 'warning').length;
  const m = messagesOf(io);
  const parts = [
    m.t('cli.import.summary', { categories: { key: 'count.categories', params: { n: result.categories } }, terms: { key: 'count.terms', params: { n: result.terms } }, file }),
    warnings > 0 ? ` (${m.t('count.warnings', { n: warnings })})` : '',
    flags.out !== undefined ? `; ${m.t('cli.written-to', { file: flags.out })}` : '',
  ];
  io.stderr.write(`fokus: ${parts.join('')}\n`);
  return EXIT.ok;
}

async function runExport(file: string | undefined, flags: ExportFlags, io: CliIO): Promise<number> {
  const { parsed, shown } = await load(file, io);
  report(io, parsed.problems);
  const codebook = parsed.codebook;
  if (!codebook) return EXIT.badInput;
  if (codebook.categories.length === 0) {
    sayError(io, shown, 'cli.codebook.export-empty');
    return EXIT.badInput;
  }
  const { renderQdc } = await import('../exchange/refi-qda/codebook.js');
  const { VERSION } = await import('../version.js');
  const { DEFAULT_CODEBOOK_PATH } = await import('../codebook/load.js');
  const input = file === undefined ? DEFAULT_CODEBOOK_PATH : resolve(io.cwd, file);
  if (!(await writeOne(io, flags.qdc, renderQdc(codebook, { origin: `fokus ${VERSION}` }), [input]))) return EXIT.badInput;
  const { flattenCategories } = await import('../codebook/flatten.js');
  const codes = flattenCategories(codebook.categories).length;
  say(io, 'cli.codebook.exported', { codes: { key: 'count.codes', params: { n: codes } }, file: flags.qdc });
  return EXIT.ok;
}
