// The English message catalogue: it defines the keys (src/lang/catalogue.ts says how messages are
// written: `{name}` placeholders, `one|other` forms chosen by `{n}`). One section file per area
// (messages/*.ts), each with its German twin in ../de/messages/.
//
// Problems have the key `problem.<rule id>` (src/rules.ts), or `problem.<rule id>.<variant>` when
// one rule has several sentences; their English text is `Problem.message`, byte for byte what
// fokus wrote before the catalogues, so edit a `problem.*` message only when the wording is meant
// to change (tests/errors/ asserts them). Parts of sentences that messages take as params start
// with `part.`.

import { EN_CATEGORY_REPORT } from './messages/category-report.js';
import { EN_CLI } from './messages/cli.js';
import { EN_CSV } from './messages/csv.js';
import { EN_GENERAL } from './messages/general.js';
import { EN_HTML } from './messages/html.js';
import { EN_LEARN } from './messages/learn.js';
import { EN_PROBLEMS_CODEBOOK } from './messages/problems-codebook.js';
import { EN_PROBLEMS_CODING } from './messages/problems-coding.js';
import { EN_PROBLEMS_READ } from './messages/problems-read.js';
import { EN_PROBLEMS_REPORT } from './messages/problems-report.js';
import { EN_REPORTS } from './messages/reports.js';
import { EN_REVIEW } from './messages/review.js';

export const EN = {
  ...EN_GENERAL,
  ...EN_CLI,
  ...EN_REPORTS,
  ...EN_PROBLEMS_READ,
  ...EN_PROBLEMS_CODEBOOK,
  ...EN_PROBLEMS_CODING,
  ...EN_PROBLEMS_REPORT,
  ...EN_HTML,
  ...EN_CATEGORY_REPORT,
  ...EN_CSV,
  ...EN_LEARN,
  ...EN_REVIEW,
} as const satisfies Record<string, string>;

/** A key of the message catalogues. */
export type MessageKey = keyof typeof EN;
