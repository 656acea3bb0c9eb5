// The English message catalogue: it defines the keys (src/lang/catalogue.ts says how messages are
// written: `{name}` placeholders, `one|other` forms chosen by `{n}`). One section file per area
// (messages/*.ts), each with its German twin in ../de/messages/.
//
// Problems have the key `problem.<rule id>` (src/rules.ts), or `problem.<rule id>.<variant>` when
// one rule has several sentences; their English text is `Problem.message`, byte for byte what
// fokus wrote before the catalogues, so edit a `problem.*` message only when the wording is meant
// to change (tests/errors/ asserts them). Parts of sentences that messages take as params start
// with `part.`.

import { EN_CLI } from './messages/cli.js';
import { EN_GENERAL } from './messages/general.js';
import { EN_PROBLEMS_CODEBOOK } from './messages/problems-codebook.js';
import { EN_PROBLEMS_CODING } from './messages/problems-coding.js';
import { EN_PROBLEMS_READ } from './messages/problems-read.js';
import { EN_REPORTS } from './messages/reports.js';

export const EN = {
  ...EN_GENERAL,
  ...EN_CLI,
  ...EN_REPORTS,
  ...EN_PROBLEMS_READ,
  ...EN_PROBLEMS_CODEBOOK,
  ...EN_PROBLEMS_CODING,
} as const satisfies Record<string, string>;

/** A key of the message catalogues. */
export type MessageKey = keyof typeof EN;
