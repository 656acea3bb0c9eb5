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
};
