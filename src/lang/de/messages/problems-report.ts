// Problems of --where, of Excel's cell limit and of the category report (fokus report).

import type { EN_PROBLEMS_REPORT } from '../../en/messages/problems-report.js';

export const DE_PROBLEMS_REPORT: Readonly<Record<keyof typeof EN_PROBLEMS_REPORT, string>> = {
  'problem.options/where.not-pair': "'{arg}' ist nicht KEY=VALUE ({examples})",
  'problem.options/where.no-key': "'{arg}' hat vor '=' keinen Schlüssel, der eine Spalte benennen könnte ({examples})",
  'problem.options/where.no-value': "'{arg}' hat nach '=' keinen Wert ({examples})",
  'problem.options/where.no-participants': "'{arg}': es gibt keine Teilnehmendenliste (-p), daher benennt '{key}' nichts; ohne sie nimmt --where speaker oder transcript",
  'problem.options/where.no-column': "'{arg}': die Teilnehmendenliste hat keine Spalte '{key}' (Spalten: {columns}); --where nimmt speaker, transcript oder eine Spalte der Teilnehmendenliste",
  'part.where.examples': 'z. B. group=Praxis, speaker=B1, transcript=interview.txt',
  'part.where.no-columns': 'keine außer speaker und transcript',
  'part.where.none': 'keine',
  'part.where.more': '{list}, … {n} weitere',
  'problem.options/where-no-match.transcript': 'transcript={value} passt auf kein Transkript (Transkripte: {known})',
  'problem.options/where-no-match.value': '{key}={value} passt auf keine Einheit',
  'problem.options/where-no-match.value-hint': '{key}={value} passt auf keine Einheit (Werte von {key} in der Teilnehmendenliste: {values})',
  'problem.options/where-no-match.together': 'keine Einheit erfüllt alle --where zusammen ({all})',
  'problem.report/cell-cut': '{n} Zelle war länger als die {limit} Zeichen, die Excel in einer Zelle fasst, und wurde gekürzt; sie endet auf „… (+N more …)“|{n} Zellen waren länger als die {limit} Zeichen, die Excel in einer Zelle fasst, und wurden gekürzt; sie enden auf „… (+N more …)“',
  'problem.report/cell-cut.full':
    '{n} Zelle war länger als die {limit} Zeichen, die Excel in einer Zelle fasst, und wurde gekürzt; sie endet auf „… (+N more …)“; der vollständige Inhalt steht in {file}|{n} Zellen waren länger als die {limit} Zeichen, die Excel in einer Zelle fasst, und wurden gekürzt; sie enden auf „… (+N more …)“; der vollständige Inhalt steht in {file}',
  'problem.report/extension': 'die Endung sagt {name}, --format sagt {flag}: geschrieben als {flag}',
  'problem.report/format': 'das Format des Kategorienberichts geht aus dem Dateinamen nicht hervor: eine Datei .docx, .md oder .html nennen oder --format {formats} angeben',
  'problem.report/too-large': 'die DOCX-Datei enthielte {n} Zitate, mehr als die {limit}, die beim Schreiben in den Speicher passen; stattdessen .md oder .html schreiben (sie werden Teil für Teil geschrieben) oder über weniger Transkripte berichten',
};
