// The German message catalogue: the same keys as lang/en/messages.ts, with the same placeholders.
// One terminology throughout: Kodierung (what a unit is coded with), Zeichenkodierung (of a file),
// Segment (a coded unit), Kategorie, Sprecher:in / Sprecher:innen, Transkript, Einheit.

import type { MessageKey } from '../en/messages.js';

export const DE: Readonly<Record<MessageKey, string>> = {
  // --- counts used everywhere
  'count.files': '{n} Datei|{n} Dateien',
  'count.speakers': '{n} Sprecher:in|{n} Sprecher:innen',
  'count.transcripts': '{n} Transkript|{n} Transkripte',
  'count.units': '{n} Einheit|{n} Einheiten',

  // --- the terminal table (report/table.ts)
  'table.codable': '{n} kodierbar',
  'table.cooccurrence': 'Gemeinsames Auftreten (Bereich {scope}, Einheiten)',
  'table.cooccurrence.top': 'Gemeinsames Auftreten der Hauptkategorien (Bereich {scope}, Einheiten)',
  'table.cooccurrence.too-wide': 'Gemeinsames Auftreten: zu breit für {width} Spalten; siehe cooccurrence.csv oder report.html',
  'table.emergent': 'Emergente Perspektiven',
  'table.head.category': 'Kategorie',
  'table.head.label': 'Bezeichnung',
  'table.head.matches': 'Treffer',
  'table.head.segments': 'Segmente',
  'table.head.share': 'Anteil',
  'table.head.speakers': 'Sprecher:innen',
  'table.head.transcripts': 'Transkripte',
  'table.lift': 'Lift {lift}',
  'table.more-perspectives': '… und {n} weitere in perspectives.csv und report.json',
  'table.perspectives': 'Perspektiven',
  'table.where': 'nur {filter}',
  'table.skipped': '{n} Datei übersprungen|{n} Dateien übersprungen',

  // --- what the command line says (cli/)
  'cli.analyze.moderator': '{n} der Moderation',
  'cli.analyze.nothing-read': 'kein Transkript konnte gelesen werden; nichts wurde geschrieben',
  'cli.analyze.more': '… {n} weitere',
  'cli.analyze.skipped': '{n} Datei übersprungen ({names})|{n} Dateien übersprungen ({names})',
  'cli.analyze.written': 'Bericht geschrieben nach {folder}',
  'cli.where.nothing': 'keine Einheit erfüllt {filter}; nichts wurde geschrieben',
  'cli.severity.error': 'Fehler',
  'cli.severity.warning': 'Warnung',
};
