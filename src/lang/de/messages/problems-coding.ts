// Problems of codings, ratings, reviews, REFI-QDA projects, pseudonymisation, learning and output (rule ids coding/*, ratings/*, review/*, qdpx/*, agree/*, evaluate/*, learn/*, pseudonym*/*, output/*, analyze/*).

import type { EN_PROBLEMS_CODING } from '../../en/messages/problems-coding.js';

export const DE_PROBLEMS_CODING: Readonly<Record<keyof typeof EN_PROBLEMS_CODING, string>> = {
  'problem.qdpx/not-zip': 'kein REFI-QDA-Projektarchiv (.qdpx ist eine Zip-Datei): {reason}',
  'problem.qdpx/no-project': 'kein Projekt-XML (*.qde) im Archiv',
  'problem.qdpx/no-project.no-element': '{name} enthält kein REFI-QDA-Element Project',
  'problem.qdpx/several-projects': '{n} Projekt-XML-Dateien im Archiv; gelesen wird {name}',
  'problem.qdpx/malformed': '{name} ist kein wohlgeformtes XML: {fault}',
  'problem.qdpx/too-deep': '{name} ist kein wohlgeformtes XML: {fault}',
  'problem.qdpx/too-many-elements': '{name} ist kein wohlgeformtes XML: {fault}',
  'problem.qdpx/not-text': '{n} Kodierung von Bild-, PDF-, Audio- oder Videoquellen oder ganzen Dokumenten ignoriert (nur Textauswahlen werden gelesen)|{n} Kodierungen von Bild-, PDF-, Audio- oder Videoquellen oder ganzen Dokumenten ignoriert (nur Textauswahlen werden gelesen)',
  'problem.qdpx/missing-source': 'Textquelle "{name}": sie hat keinen reinen Text; ihre Kodierungen werden ignoriert',
  'problem.qdpx/missing-source.path': 'Textquelle "{name}": ihr reiner Text {path} ist nicht im Archiv; ihre Kodierungen werden ignoriert',
  'problem.source.zip': 'Textquelle "{name}": {reason}',
  'problem.pseudonyms/empty': 'das Original ist leer',
  'problem.pseudonyms/missing-column': 'Pseudonym für "{original}" fehlt',
  'problem.pseudonyms/missing-column.cells': 'Spalte fehlt: eine Zeile braucht "original,pseudonym[,kind]", hat aber {n} Zelle(n)',
  'problem.pseudonyms/conflict': '"{original}" wird hier auf "{pseudonym}" abgebildet, in Zeile {line} aber auf "{earlier}"',
  'problem.pseudonyms/duplicate': '"{original}" ist erneut aufgeführt (zuerst in Zeile {line})',
  'problem.pseudonyms/yaml': 'kein gültiges YAML: {text}',
  'problem.pseudonyms/yaml-shape': 'eine Pseudonymliste muss eine YAML-Zuordnung original: pseudonym sein',
  'problem.pseudonyms/yaml-shape.value': 'das Pseudonym von "{original}" muss eine Zeichenkette oder eine Zuordnung mit "pseudonym" sein',
  'problem.pseudonyms/format': 'eine Pseudonymliste muss .csv, .tsv, .yaml oder .yml sein',
};
