import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/codebook/parse.js';
import { formatProblem } from '../../src/problems.js';

// Codebook problems carry the end of the YAML node they name (endLine/endColumn: just after its last
// character), as data for report.json and editors; the printed line stays `file:line:column: …`.

const problemsOf = (yaml: string) => parseCodebook(yaml, 'cb.yaml').problems;

describe('end positions of codebook problems', () => {
  it('a validator problem spans its key or value', () => {
    const yaml = 'codebook: T\ncategories:\n  - code: a\n    lable: A\n    terms: "x"\n';
    const problems = problemsOf(yaml);
    const unknown = problems.find((p) => p.ruleId === 'codebook/unknown-key')!;
    expect(unknown).toMatchObject({ line: 4, column: 5, endLine: 4, endColumn: 10 });
    const type = problems.find((p) => p.ruleId === 'codebook/type')!;
    expect(type).toMatchObject({ line: 5, column: 12, endLine: 5, endColumn: 15 });
  });

  it('a problem of the codebook builder spans its node, across lines where the node does', () => {
    const yaml = 'codebook: T\ncategories:\n  - code: a\n    label: A\n    rules:\n      - near: [x, y]\n';
    const near = problemsOf(yaml).find((p) => p.ruleId === 'codebook/near-within')!;
    expect(near).toMatchObject({ line: 6, column: 9, endLine: 7, endColumn: 1 });
  });

  it('the end is never printed', () => {
    const yaml = 'codebook: T\ncategories:\n  - code: a\n    lable: A\n';
    const unknown = problemsOf(yaml).find((p) => p.ruleId === 'codebook/unknown-key')!;
    expect(formatProblem(unknown)).toBe("cb.yaml:4:5: error: unknown key 'lable' in codebook.categories[1] (did you mean 'label'?)");
    const { endLine: _l, endColumn: _c, ...start } = unknown;
    expect(formatProblem(start)).toBe(formatProblem(unknown));
  });
});
