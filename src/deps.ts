/**
 * The third-party packages of the library, each loaded on first use and then kept. `import('fokus')`
 * thereby loads none of them: a program that only tokenizes or computes a coefficient does not pay
 * for the YAML parser, the HTML parser, the CSV packages, fflate, iconv-lite, tinyglobby, jsonc-parser,
 * regexpp or scslre (docs/performance.md, "The library entry point"; tests/index.test.ts checks it).
 *
 * The packages are `require`d, so functions that are synchronous stay synchronous. Every one has a
 * CommonJS build; `yaml`, `iconv-lite` and `jsonc-parser` are CommonJS anyway (an `import` of them
 * loads the same files). Use them through this module only, so that one copy of each is loaded.
 */
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');
type Htmlparser2 = typeof import('htmlparser2');
type Regexpp = typeof import('@eslint-community/regexpp');
type Fflate = typeof import('fflate');
type Entities = typeof import('entities');
type CsvParse = typeof import('csv-parse/sync');
type CsvStringify = typeof import('csv-stringify/sync');
type Iconv = typeof import('iconv-lite');
type Jsonc = typeof import('jsonc-parser');
type Scslre = typeof import('scslre');

const require = createRequire(import.meta.url);
const loaded = new Map<string, unknown>();

/** The package `name`, required on the first call. */
function load<T>(name: string): () => T {
  return () => {
    let mod = loaded.get(name);
    if (mod === undefined) {
      mod = require(name);
      loaded.set(name, mod);
    }
    return mod as T;
  };
}

/** A function of a package that loads the package when it is first called, with the package's own type. */
function lazy<M, K extends keyof M>(mod: () => M, key: K): M[K] {
  return ((...args: unknown[]) => (mod()[key] as (...a: unknown[]) => unknown)(...args)) as M[K];
}

export const yaml = load<Yaml>('yaml');
export const iconv = load<Iconv>('iconv-lite');
export const jsonc = load<Jsonc>('jsonc-parser');
export const htmlparser2 = load<Htmlparser2>('htmlparser2');
export const regexpp = load<Regexpp>('@eslint-community/regexpp');
export const fflate = load<Fflate>('fflate');
const scslre = load<Scslre>('scslre');
const entities = load<Entities>('entities');
const csvParse = load<CsvParse>('csv-parse/sync');
const csvStringify = load<CsvStringify>('csv-stringify/sync');

export const isMap = lazy(yaml, 'isMap');
export const isScalar = lazy(yaml, 'isScalar');
export const isSeq = lazy(yaml, 'isSeq');
export const parseDocument = lazy(yaml, 'parseDocument');
export const stringifyYaml = lazy(yaml, 'stringify');
export const zipSync = lazy(fflate, 'zipSync');
export const unzipSync = lazy(fflate, 'unzipSync');
export const decodeHTML = lazy(entities, 'decodeHTML');
export const decodeXML = lazy(entities, 'decodeXML');
export const analyseRegex = lazy(scslre, 'analyse');
export const parseCsv = lazy(csvParse, 'parse');
export const stringifyCsv = lazy(csvStringify, 'stringify');
