import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules.js';
import { catalogueOf, catalogueSections, ruleIdLiterals, ruleIndex, withRuleIndex } from './rule-index.js';

// The rule registry (src/rules.ts) against the code that raises the rules and the docs that list them.

const root = join(import.meta.dirname, '..', '..');
const errorsMd = join(root, 'docs', 'errors.md');
const registered = new Set<string>(Object.keys(RULES));

/**
 * Strings in src/ shaped like rule ids that are none, and why: they never reach a Problem.
 * A new one belongs here only with a reason.
 */
const NOT_RULE_IDS: Record<string, string> = {
  'word/document': 'the zip entry name that marks a Word document (src/transcripts/sniff.ts)',
  'xml/malformed': 'an XmlFaultKind, reported as read/docx or qdpx/malformed',
  'xml/too-deep': 'an XmlFaultKind, reported as read/too-deep or qdpx/too-deep',
  'xml/too-many-elements': 'an XmlFaultKind, reported as read/too-many-elements or qdpx/too-many-elements',
};

// deps.ts names packages (csv-parse/sync), not rules.
const used = ruleIdLiterals(root, join(root, 'src'), ['src/rules.ts', 'src/deps.ts']);

describe('the rule registry (src/rules.ts)', () => {
  it('registers every rule id the code in src/ uses', () => {
    const unregistered = [...used]
      .filter(([id]) => !registered.has(id) && !(id in NOT_RULE_IDS))
      .map(([id, places]) => `${id} (${places.join(', ')})`);
    expect(unregistered).toEqual([]);
  });

  it('has no rule id the code in src/ never uses', () => {
    expect([...registered].filter((id) => !used.has(id))).toEqual([]);
    expect(Object.keys(NOT_RULE_IDS).filter((s) => !used.has(s) || registered.has(s))).toEqual([]);
  });

  it('is sorted by id, with a one-line summary ending in a full stop for each', () => {
    const ids = Object.keys(RULES);
    expect(ids).toEqual([...ids].sort());
    const bad = Object.entries(RULES)
      .filter(([, r]) => r.summary.trim() === '' || r.summary.includes('\n') || !r.summary.endsWith('.') || r.summary.length > 200)
      .map(([id]) => id);
    expect(bad).toEqual([]);
  });

  it('names only registered rule ids in the hand-written catalogue of docs/errors.md', () => {
    const catalogue = catalogueOf(readFileSync(errorsMd, 'utf8'));
    const stray = [...catalogueSections(catalogue).keys()].filter((id) => !registered.has(id));
    expect(stray).toEqual([]);
  });
});

describe('docs/errors.md, "Rule index"', () => {
  it('is generated from the registry and up to date (UPDATE_DOCS=1 regenerates it)', () => {
    const markdown = readFileSync(errorsMd, 'utf8');
    const expected = withRuleIndex(markdown, ruleIndex(catalogueOf(markdown)));
    if (process.env.UPDATE_DOCS === '1' && expected !== markdown) writeFileSync(errorsMd, expected);
    expect(process.env.UPDATE_DOCS === '1' ? expected : markdown).toBe(expected);
  });

  it('leaves the hand-written catalogue as it is: only the section between the markers is generated', () => {
    const markdown = readFileSync(errorsMd, 'utf8');
    expect(catalogueOf(withRuleIndex(markdown, ruleIndex(catalogueOf(markdown))))).toBe(catalogueOf(markdown));
  });
});
