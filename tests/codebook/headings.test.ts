import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headingWords } from '../../src/codebook/headings.js';
import { parseCodebook } from '../../src/codebook/parse.js';

describe('headingWords', () => {
  it("gives the words of the shipped codebook's top-level labels and codes, not its subcategories'", () => {
    const file = new URL('../../codebooks/isog-fokusgruppe.yaml', import.meta.url);
    const { codebook } = parseCodebook(readFileSync(file, 'utf8'), 'isog-fokusgruppe.yaml');
    expect(headingWords(codebook!)).toEqual(['akteure', 'bedarfe', 'chancen', 'herausforderungen', 'kooperationssynergien', 'vernetzungspotentiale']);
  });

  it('splits labels at spaces, slashes and dashes, keeps words of three letters or more, lower case', () => {
    const category = (code: string, label: string) => ({ code, label, categories: [] });
    const words = headingWords({ categories: [category('swot-chancen', 'Chancen und Risiken'), category('ab', 'Ziele/Wünsche – Ü'), category('x1', 'A1 B')] } as never);
    expect(words).toEqual(['chancen', 'risiken', 'swot', 'und', 'wünsche', 'ziele']);
  });
});
