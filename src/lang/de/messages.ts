// The German message catalogue: the same keys as lang/en/messages.ts, with the same placeholders,
// in the same section files (messages/*.ts).
//
// Terminology — one German word for each thing, throughout:
//   codebook              Kodierleitfaden (as in `fokus init`'s README and the shipped codebook;
//                         the command and option names `codebook`, `--codebook` stay as they are)
//   category, subcategory Kategorie, Unterkategorie; its code: Code
//   coding (what a unit   Kodierung; to code: kodieren; coded: kodiert; a coder: Kodierer:in;
//     is coded with)      the gold coding: Referenzkodierung
//   encoding (of a file)  Zeichenkodierung — never "Kodierung"
//   unit                  Einheit (a turn, sentence or paragraph that is coded)
//   segment               Segment (a unit with its number, as in segments.csv)
//   speaker, speakers     Sprecher:in, Sprecher:innen; a speaker label: Sprecherkürzel
//   moderator             Moderation
//   transcript            Transkript
//   participants file     Teilnehmendenliste
//   pseudonym map         Pseudonymliste
//   term, rule, word set  Begriff, Regel, Wortklasse
//   anchor example        Ankerbeispiel; counterexample: Gegenbeispiel
//   perspective           Perspektive
//   match (a term's)      Treffer
//   agreement             Übereinstimmung
//   dictionary, entry     Wörterbuch, Eintrag
//   review                Review (the command's name; a review file: Review-Datei)
//   folder, file, column  Ordner, Datei, Spalte; a row or line: Zeile

import type { MessageKey } from '../en/messages.js';
import { DE_CATEGORY_REPORT } from './messages/category-report.js';
import { DE_CLI } from './messages/cli.js';
import { DE_CSV } from './messages/csv.js';
import { DE_GENERAL } from './messages/general.js';
import { DE_HTML } from './messages/html.js';
import { DE_LEARN } from './messages/learn.js';
import { DE_PROBLEMS_CODEBOOK } from './messages/problems-codebook.js';
import { DE_PROBLEMS_CODING } from './messages/problems-coding.js';
import { DE_PROBLEMS_READ } from './messages/problems-read.js';
import { DE_PROBLEMS_REPORT } from './messages/problems-report.js';
import { DE_REPORTS } from './messages/reports.js';
import { DE_REVIEW } from './messages/review.js';

export const DE: Readonly<Record<MessageKey, string>> = {
  ...DE_GENERAL,
  ...DE_CLI,
  ...DE_REPORTS,
  ...DE_PROBLEMS_READ,
  ...DE_PROBLEMS_CODEBOOK,
  ...DE_PROBLEMS_CODING,
  ...DE_PROBLEMS_REPORT,
  ...DE_HTML,
  ...DE_CATEGORY_REPORT,
  ...DE_CSV,
  ...DE_LEARN,
  ...DE_REVIEW,
};
