// `fokus learn`: the proposal table and the text around it (the summary on stderr is in cli.ts).

import type { EN_LEARN } from '../../en/messages/learn.js';

export const DE_LEARN: Readonly<Record<keyof typeof EN_LEARN, string>> = {
  'learn.title': "Regeln für den Kodierleitfaden '{codebook}' gelernt aus {gold}: {transcripts}, {units}, {folds}",
  'learn.folds.transcript': 'Kreuzvalidierung nach Transkript, {n} Fold|Kreuzvalidierung nach Transkript, {n} Folds',
  'learn.folds.units': 'ein Transkript: Kreuzvalidierung über {n} Folds aus Einheiten',
  'learn.depths': 'verglichene Ebene: {depths}|verglichene Ebenen: {depths}',
  'learn.no-proposals': 'Keine Vorschläge: jeder gefundene Kandidat korrigiert weniger Einheiten als verlangt, oder es wurde keiner gefunden.',
  'learn.head.category': 'Kategorie',
  'learn.head.kind': 'Art',
  'learn.head.proposal': 'Vorschlag',
  'learn.head.held-out': 'ΔF1 zurückgehalten',
  'learn.head.folds': 'Folds',
  'learn.head.status': 'Status',
  'learn.head.kept': 'behalten',
  'learn.head.judged': 'bewertet',
  'learn.head.f1-before': 'F1 vorher',
  'learn.head.f1-after': 'F1 nachher',
  'learn.head.held-out-before': 'zurückgehalten vorher',
  'learn.head.held-out-after': 'zurückgehalten nachher',
  'learn.status.kept': 'behalten',
  'learn.status.dropped': 'verworfen: {reason}',
  'learn.legend.1': '+tp/+fp: Einheiten mit/ohne den Code der Referenzkodierung, die der Vorschlag in der ganzen Kodierung kodiert (+) oder nicht mehr kodiert (-);',
  'learn.legend.2': 'precision, recall: der Regel allein (Ausschlüsse und die Verneinungsprüfung: der Kodierungen, die sie entfernen); ΔF1 zurückgehalten:',
  'learn.legend.3': 'Änderung von F1, wenn jeder Fold mit dem kodiert wird, was ohne ihn gelernt wurde; Folds: Folds, in denen F1 dadurch steigt / alle Folds',
  'learn.legend.4': '(behalten: mindestens die Hälfte). F1 nachher: der neue Kodierleitfaden, vom Matcher kodiert; bewertet: gefundene Kandidaten (die besten werden bewertet, die übrigen als nicht bewertet geführt).',
  'learn.dry-run': 'Probelauf: {n} Vorschlag würde behalten; nichts geschrieben.|Probelauf: {n} Vorschläge würden behalten; nichts geschrieben.',
  'learn.written': '{n} Vorschlag behalten in {out}.|{n} Vorschläge behalten in {out}.',
};
