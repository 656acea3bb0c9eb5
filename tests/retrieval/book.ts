// The codebook the retrieval tests search with: two categories, a subcategory, a near rule and an exclude.
import { compileCodebook } from '../../src/codebook/compile.js';
import { codebookFrom } from '../helpers.js';

const YAML = `codebook: Test
categories:
  - code: bedarfe
    label: Bedarfe
    terms: [brauch*, "*bedarf*", es fehlt]
    rules:
      - near: [fehl*, angebot*]
        within: 3
    exclude: ["kein* bedarf*"]
    categories:
      - code: personal
        label: Personal
        terms: [personal*, mehr personal]
  - code: vernetzung
    label: Vernetzung
    terms: [plattform*, vernetz*]
`;

export const book = codebookFrom(YAML);
export const matcher = compileCodebook(book);
