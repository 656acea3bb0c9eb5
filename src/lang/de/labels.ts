// The words the transcript readers know about speaker labels, in German (and English where
// transcripts use it): role words, name particles and titles, words that are never names or codes,
// annotations, metadata keys, and the headers of table columns.

/**
 * Role words that make a label on their own or followed by a number, a letter or a name
 * (`Moderatorin`, `Teilnehmer 3`, `Person A`, `Interviewerin Schulz`); lower case, gender forms listed.
 */
export const ROLE_WORDS: ReadonlySet<string> = new Set([
  'moderator', 'moderatorin', 'moderation', 'mod', 'co-moderator', 'co-moderatorin', 'co-moderation',
  'comoderator', 'comoderatorin',
  'interviewer', 'interviewerin', 'interviewende', 'interviewender', 'int', 'interviewte', 'interviewter',
  'interviewpartner', 'interviewpartnerin',
  'teilnehmer', 'teilnehmerin', 'teilnehmende', 'teilnehmender', 'tn',
  'befragte', 'befragter', 'sprecher', 'sprecherin', 'person', 'gast',
  'experte', 'expertin', 'proband', 'probandin', 'forscher', 'forscherin',
  'gesprächsleitung', 'gesprächsleiter', 'gesprächsleiterin', 'leitung',
  'beobachter', 'beobachterin', 'protokollant', 'protokollantin',
  'schüler', 'schülerin', 'lehrer', 'lehrerin', 'student', 'studentin',
  'participant', 'respondent', 'speaker', 'facilitator',
]);

/** Lower-case name particles that may stand inside a name label (`Ursula von der Leyen`). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'von', 'vom', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'ten', 'ter', 'zu', 'zur', 'bin', 'al', 'el',
]);

/** Titles that may stand in a name label with their full stop (`Frau Dr. Weber`, `Prof. Schulz`); lower case, no dot. */
export const NAME_TITLES: ReadonlySet<string> = new Set([
  'dr', 'prof', 'med', 'phil', 'rer', 'nat', 'dipl', 'ing', 'mag', 'hr', 'fr', 'st', 'jun', 'sen',
]);

/**
 * Capitalised words that start German sentences, headings and notes but are never part of a
 * speaker's name, so "Zum Beispiel:", "Wichtig:" or "Risiken:" never become speakers (lower case).
 */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set([
  // articles, pronouns, conjunctions, prepositions and their contractions
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines',
  'und', 'oder', 'aber', 'also', 'auch', 'denn', 'doch', 'dann', 'da', 'dort', 'hier', 'so', 'wie',
  'was', 'wer', 'wo', 'wann', 'warum', 'weil', 'wenn', 'ob', 'ich', 'du', 'er', 'sie', 'es', 'wir',
  'ihr', 'man', 'mein', 'meine', 'unser', 'unsere', 'dies', 'diese', 'dieser', 'dieses', 'jetzt',
  'zum', 'zur', 'im', 'am', 'beim', 'vom', 'ins', 'ans', 'mit', 'für', 'über', 'unter', 'nach',
  'vor', 'bei', 'seit', 'bis', 'ab', 'aus', 'auf', 'an', 'in', 'zu', 'gegen', 'ohne', 'um', 'durch',
  'nicht', 'kein', 'keine', 'alle', 'viele', 'manche', 'mehr', 'weniger', 'noch', 'schon', 'nur',
  // discourse words and answers
  'ja', 'nein', 'genau', 'naja', 'okay', 'ok', 'gut', 'klar', 'stimmt', 'richtig', 'danke', 'bitte',
  'hallo', 'also', 'erstens', 'zweitens', 'drittens', 'letztens', 'schließlich', 'kurz', 'nochmal',
  // headings and notes
  'beispiel', 'beispiele', 'beispielsweise', 'frage', 'fragen', 'antwort', 'antworten', 'fazit',
  'hinweis', 'hinweise', 'anmerkung', 'anmerkungen', 'achtung', 'wichtig', 'thema', 'themen',
  'ergebnis', 'ergebnisse', 'notiz', 'notizen', 'zitat', 'problem', 'probleme', 'ziel', 'ziele',
  'punkt', 'punkte', 'zusammenfassung', 'einleitung', 'schluss', 'ende', 'anfang', 'beginn', 'teil',
  'kapitel', 'abschnitt', 'datum', 'ort', 'zeit', 'dauer', 'uhrzeit', 'titel', 'transkript',
  'transkription', 'projekt', 'aufnahme', 'interview', 'fokusgruppe', 'gruppe', 'sitzung',
  'tagesordnung', 'agenda', 'hintergrund', 'kontext', 'fragestellung', 'leitfrage', 'leitfragen',
  'memo', 'kommentar', 'bemerkung', 'nachtrag', 'quelle', 'quellen', 'info', 'information',
  'tipp', 'tipps', 'idee', 'ideen', 'vorschlag', 'vorschläge', 'beschluss', 'aufgabe', 'aufgaben',
  'stichwort', 'stichworte', 'stand', 'status', 'note', 'notes', 'summary', 'question', 'answer',
  // the headings of a strengths-and-weaknesses analysis; the topics of a study's own discussion
  // guide come from its codebook instead (codebook/headings.ts, `ReadOptions.headings`)
  'stärken', 'schwächen', 'risiken', 'perspektive', 'perspektiven',
]);

/**
 * Bracketed transcription annotations that stand where a `[Name]` label could (`[Lachen]`,
 * `[Pause]`); lower case. They are never speakers.
 */
export const ANNOTATION_WORDS: ReadonlySet<string> = new Set([
  'lachen', 'lacht', 'gelächter', 'pause', 'unverständlich', 'unv', 'unv.', 'räuspern', 'husten',
  'stille', 'unterbrechung', 'störung', 'telefon', 'musik', 'applaus', 'zwischenruf', 'übersprechen',
  'durcheinander', 'seufzen', 'seufzt', 'klopfen', 'lärm', 'inaudible', 'crosstalk', 'laughter',
  'laughs', 'silence', 'music', 'name', 'ort', 'anonymisiert',
]);

/** All-capital words that look like codes but head notes and minutes, not speakers (`TOP 3:`, `PS:`); lower case. */
export const NOT_CODE_WORDS: ReadonlySet<string> = new Set([
  'top', 'faq', 'ps', 'pps', 'nb', 'ok', 'ja', 'nein', 'aber', 'und', 'oder', 'also', 'ki', 'eu', 'usa',
  'brd', 'ddr', 'nrw', 'todo', 'info', 'tipp', 'fazit', 'memo', 'url', 'www',
]);

/**
 * Keys of the metadata lines of a transcript's head (`Datum: …`, `Ort: …`, `Dauer: …`), in German
 * and English; lower case. A label with one of these words is never a one-off speaker.
 */
export const METADATA_KEYS: ReadonlySet<string> = new Set([
  'datum', 'ort', 'dauer', 'thema', 'zeit', 'uhrzeit', 'titel', 'länge', 'sprache', 'aufnahme', 'aufnahmedatum',
  'gesprächsdauer', 'interviewdauer', 'interviewdatum', 'transkript', 'transkription', 'transkribiert',
  'transkribent', 'transkribentin', 'projekt', 'anwesend', 'anwesende', 'teilnehmende', 'protokoll',
  'beginn', 'ende', 'start', 'stand', 'version', 'quelle', 'kontext', 'setting', 'modus', 'format',
  'date', 'time', 'duration', 'location', 'place', 'title', 'topic', 'subject', 'length', 'language',
  'speakers', 'participants', 'recording', 'source', 'file', 'datei',
]);

/** Headers of a speaker column. */
export const SPEAKER_HEADERS: ReadonlySet<string> = new Set([
  'sprecher', 'sprecherin', 'sprecherinnen', 'sprechende', 'speaker', 'person', 'name', 'rolle', 'role',
  'wer', 'teilnehmer', 'teilnehmerin', 'teilnehmende', 'tn', 'kürzel', 'sprecherkürzel', 'befragte',
  'redner', 'rednerin', 'participant',
]);

/** Headers of a time column. */
export const TIME_HEADERS: ReadonlySet<string> = new Set([
  'zeit', 'time', 'zeitmarke', 'zeitstempel', 'timestamp', 'timecode', 'tc', 'start', 'startzeit', 'beginn',
  'anfang', 'von', 'uhrzeit', 'zeitpunkt', 'position',
]);

/** Headers of a text column. */
export const TEXT_HEADERS: ReadonlySet<string> = new Set([
  'text', 'transkript', 'transcript', 'transkription', 'äußerung', 'äusserung', 'aussage', 'inhalt',
  'beitrag', 'redebeitrag', 'wortlaut', 'gesprochen', 'dialog', 'utterance',
]);
