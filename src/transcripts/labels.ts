/**
 * Speaker-label patterns of German transcription styles, as data. The parser in `head.ts` finds a
 * label *candidate* at the start of a paragraph with these patterns; `acceptLabel` in `text.ts`
 * decides whether a candidate really is a speaker (see the heuristic described there).
 */

/** A time inside a mark: `hh:mm:ss`, `h:mm:ss` or `mm:ss`, optionally with a fraction after `-`, `.` or `,`. */
const TIME = String.raw`(?:(\d{1,2}):)?(\d{1,3}):(\d{2})(?:[.,-](\d{1,3}))?`;

/**
 * A time mark: f4/f5 `#00:01:23-4#`, `[00:01:23]`, `[01:23]` or `(00:01:23)`. Groups: 1 opening
 * character, 2 hours, 3 minutes, 4 seconds, 5 fraction digits, 6 closing character (the opening
 * and closing characters must pair, which the code checks).
 */
export const TIME_MARK_SOURCE = String.raw`([#[(])${TIME}([#\])])`;

/** One word of a label: starts with a letter or digit (combining marks of NFD text allowed after it); may carry `.`, `-`, `'`, `/`, `*` and a gender colon (`Teilnehmer:in`). */
const LABEL_WORD = String.raw`[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’_\-/*]*(?::in(?:nen)?(?!\p{L}))?`;

/** An affiliation in brackets after a name, as in minutes and hearings: `Kreisrat Hofmann (CDU)`, `Frau Kurz (Jugendamt)`. */
const AFFILIATION = String.raw`[ \t]+\([\p{L}\p{N}][\p{L}\p{M}\p{N} .,'’&/\-]{0,40}\)`;

/** The affiliation at the end of a label (see `AFFILIATION`), to be set aside when judging its shape and length. */
export const AFFILIATION_END = new RegExp(`${AFFILIATION}$`, 'u');

/** A label: up to four words separated by spaces or tabs, starting with a letter, perhaps with an affiliation. */
export const LABEL_SOURCE = String.raw`\p{L}[\p{L}\p{M}\p{N}.'’_\-/*]*(?::in(?:nen)?(?!\p{L}))?(?:[ \t]+${LABEL_WORD}){0,3}(?:${AFFILIATION})?`;

/** Longest label accepted, in UTF-16 units ("Frau Prof. Dr. Müller-Lüdenscheidt" fits). */
export const MAX_LABEL_LENGTH = 40;

/**
 * Labels that look like transcription codes: `I`, `B1`, `TN3`, `IP 2`, `S01`, `M`, `P4`, `B2a`,
 * and diarisation names such as `SPEAKER_00`.
 */
export const CODE_LABEL = /^(?:\p{Lu}{1,4}(?:[ \t]?\d{1,3}[a-z]?)?|\p{Lu}+_\d{1,3})$/u;

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

/** Gender markers removed from a role word before looking it up (`Moderator/in`, `Teilnehmer*in`, `Teilnehmer:in`, `Interviewer(in)`). */
export const GENDER_SUFFIX = /(?:[/*:_]-?in(?:nen)?|\(in\))$/u;

/** Lower-case name particles that may stand inside a name label (`Ursula von der Leyen`). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'von', 'vom', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'ten', 'ter', 'zu', 'zur', 'bin', 'al', 'el',
]);

/** Titles that may stand in a name label with their full stop (`Frau Dr. Weber`, `Prof. Schulz`); lower case, no dot. */
export const NAME_TITLES: ReadonlySet<string> = new Set([
  'dr', 'prof', 'med', 'phil', 'rer', 'nat', 'dipl', 'ing', 'mag', 'hr', 'fr', 'st', 'jun', 'sen',
]);

/** A capitalised word of a name label (`Anna`, `Dr.`, `Müller-Lüdenscheidt`, `O'Neill`). */
export const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’\-]*\.?$/u;

/**
 * Capitalised words that start German sentences, headings and notes but are never part of a
 * speaker's name, so "Zum Beispiel:", "Wichtig:" or "Chancen:" never become speakers (lower case).
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
  // the topics of a focus-group guide, often used as headings
  'bedarf', 'bedarfe', 'akteur', 'akteure', 'chance', 'chancen', 'herausforderung',
  'herausforderungen', 'vernetzung', 'vernetzungspotentiale', 'vernetzungspotenziale', 'kooperation',
  'kooperationen', 'kooperationssynergien', 'synergien', 'risiken', 'stärken', 'schwächen',
  'perspektive', 'perspektiven',
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

/** How many times a name-like label must occur as a candidate in one file to count as a speaker. */
export const MIN_NAME_OCCURRENCES = 2;

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
