// The English message catalogue: it defines the keys (src/lang/catalogue.ts says how messages are
// written: `{name}` placeholders, `one|other` forms chosen by `{n}`). Sections by where the words
// are shown.

export const EN = {
  // --- counts used everywhere
  'count.files': '{n} file|{n} files',
  'count.speakers': '{n} speaker|{n} speakers',
  'count.transcripts': '{n} transcript|{n} transcripts',
  'count.units': '{n} unit|{n} units',

  // --- the terminal table (report/table.ts)
  'table.codable': '{n} codable',
  'table.cooccurrence': 'Co-occurrence ({scope} scope, units)',
  'table.cooccurrence.top': 'Co-occurrence of top-level categories ({scope} scope, units)',
  'table.cooccurrence.too-wide': 'Co-occurrence: too wide for {width} columns; see cooccurrence.csv or report.html',
  'table.emergent': 'Emergent perspectives',
  'table.head.category': 'category',
  'table.head.label': 'label',
  'table.head.matches': 'matches',
  'table.head.segments': 'segments',
  'table.head.share': 'share',
  'table.head.speakers': 'speakers',
  'table.head.transcripts': 'transcripts',
  'table.lift': 'lift {lift}',
  'table.more-perspectives': '… and {n} more in perspectives.csv and report.json',
  'table.perspectives': 'Perspectives',
  'table.where': 'where {filter}',
  'table.skipped': '{n} file skipped|{n} files skipped',

  // --- what the command line says (cli/)
  'cli.analyze.moderator': '{n} moderator',
  'cli.analyze.nothing-read': 'no transcript could be read; nothing was written',
  'cli.analyze.more': '… {n} more',
  'cli.analyze.skipped': '{n} file skipped ({names})|{n} files skipped ({names})',
  'cli.analyze.written': 'report written to {folder}',
  'cli.where.nothing': 'no unit matches {filter}; nothing was written',
  'cli.severity.error': 'error',
  'cli.severity.warning': 'warning',
} as const satisfies Record<string, string>;

/** A key of the message catalogues. */
export type MessageKey = keyof typeof EN;
