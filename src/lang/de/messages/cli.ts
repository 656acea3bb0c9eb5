// What the command line says (src/cli/): usage errors, what was written, summaries, progress.

import type { EN_CLI } from '../../en/messages/cli.js';

export const DE_CLI: Readonly<Record<keyof typeof EN_CLI, string>> = {
  'cli.analyze.moderator': '{n} der Moderation',
  'cli.analyze.nothing-read': 'kein Transkript konnte gelesen werden; nichts wurde geschrieben',
  'cli.analyze.more': '… {n} weitere',
  'cli.analyze.skipped': '{n} Datei übersprungen ({names})|{n} Dateien übersprungen ({names})',
  'cli.analyze.written': 'Bericht geschrieben nach {folder}',
  'cli.severity.error': 'Fehler',
  'cli.severity.warning': 'Warnung',
};
