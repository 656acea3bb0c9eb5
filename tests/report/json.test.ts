import { describe, expect, it } from 'vitest';
import { renderJson, stableStringify } from '../../src/report/json.js';
import { smallReport } from './report.js';

describe('stableStringify', () => {
  it('sorts keys at every depth in code-unit order and indents by two spaces', () => {
    const value = { b: 1, a: { z: [1, { y: true, x: null }], '10': 'x', '2': 'y' }, A: [] as unknown[], e: {} };
    expect(stableStringify(value)).toBe(
      [
        '{',
        '  "A": [],',
        '  "a": {',
        '    "10": "x",',
        '    "2": "y",',
        '    "z": [',
        '      1,',
        '      {',
        '        "x": null,',
        '        "y": true',
        '      }',
        '    ]',
        '  },',
        '  "b": 1,',
        '  "e": {}',
        '}',
      ].join('\n'),
    );
  });

  it('drops undefined members and writes null for undefined items and non-finite numbers', () => {
    expect(stableStringify({ a: undefined, b: [undefined, NaN, Infinity], c: 'ä"\n' })).toBe(
      '{\n  "b": [\n    null,\n    null,\n    null\n  ],\n  "c": "ä\\"\\n"\n}',
    );
  });
});

describe('renderJson', () => {
  it('gives the same bytes whatever the key order of the report, with a trailing newline', () => {
    const report = smallReport();
    const reordered = Object.fromEntries(Object.entries(report).reverse()) as typeof report;
    const text = renderJson(report);
    expect(renderJson(reordered)).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(report);
  });

  it('keeps shares unrounded and starts with the sorted top-level keys', () => {
    const text = renderJson(smallReport());
    expect(text).toContain('"jaccard": 0.3333333333333333');
    expect(text).toContain('"share": 0.375');
    const topKeys = text.split('\n').filter((l) => /^ {2}"/.test(l)).map((l) => l.trim().split('"')[1]);
    expect(topKeys).toEqual([
      'breakdowns',
      'categories',
      'codebook',
      'cooccurrence',
      'frequencies',
      'inputs',
      'options',
      'perspectives',
      'problems',
      'program',
      'totals',
      'units',
    ]);
  });
});
