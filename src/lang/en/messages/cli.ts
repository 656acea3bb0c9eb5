// What the command line says (src/cli/): usage errors, what was written, summaries, progress.

export const EN_CLI = {
  'cli.analyze.moderator': '{n} moderator',
  'cli.analyze.nothing-read': 'no transcript could be read; nothing was written',
  'cli.analyze.more': '… {n} more',
  'cli.analyze.skipped': '{n} file skipped ({names})|{n} files skipped ({names})',
  'cli.analyze.written': 'report written to {folder}',
  'cli.severity.error': 'error',
  'cli.severity.warning': 'warning',
} as const satisfies Record<string, string>;
