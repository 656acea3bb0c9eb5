import type { Report } from '../types.js';
import { cmp, plainProblem } from '../problems.js';

/**
 * `report.json`: the whole report as JSON with object keys sorted (code-unit order), 2-space
 * indent and a trailing `\n`, so the same report always gives the same bytes; shares unrounded.
 * Problems are written in English (`message`), without their catalogue key and params.
 */
export function renderJson(report: Report): string {
  return stableStringify({ ...report, problems: report.problems.map(plainProblem) }) + '\n';
}

/**
 * `report.json` around the items of its `units` list, for writing the units piece by piece: the
 * file is `head`, the items (each indented by four spaces, as `stableStringify(unit, '  ', '    ')`
 * after four spaces gives them) joined by `,\n`, then `tail`. With no units at all it is
 * `renderJson` of the report with `units: []`.
 */
export function renderJsonFrame(report: Report): { head: string; tail: string } {
  const mark = '\u0000units\u0000';
  const text = renderJson({ ...report, units: [mark as unknown as Report['units'][number]] });
  const item = `    ${JSON.stringify(mark)}`;
  const at = text.lastIndexOf(item);
  return { head: text.slice(0, at), tail: text.slice(at + item.length) };
}

/**
 * JSON text of plain data with object keys sorted at every depth; like JSON.stringify, undefined
 * object members are dropped, undefined array items and non-finite numbers become null. `pad` is
 * the indentation the value already stands at (for a piece of a larger document).
 */
export function stableStringify(value: unknown, indent = '  ', pad = ''): string {
  return write(value, pad, indent) ?? 'null';
}

/** Serialise one value at the current depth; undefined when the value has no JSON form. */
function write(value: unknown, pad: string, indent: string): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      // undefined, functions, symbols and bigints have no JSON form here.
      return undefined;
  }
  const inner = pad + indent;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => inner + (write(v, inner, indent) ?? 'null'));
    return `[\n${items.join(',\n')}\n${pad}]`;
  }
  const members: string[] = [];
  for (const key of Object.keys(value).sort(cmp)) {
    const text = write((value as Record<string, unknown>)[key], inner, indent);
    if (text !== undefined) members.push(`${inner}${JSON.stringify(key)}: ${text}`);
  }
  if (members.length === 0) return '{}';
  return `{\n${members.join(',\n')}\n${pad}}`;
}
