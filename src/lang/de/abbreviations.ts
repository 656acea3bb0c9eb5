/**
 * German abbreviations and ordinal contexts for sentence splitting, as data. All entries are lower
 * case; a multi-part abbreviation is written with its inner dots and without the final one
 * (`z.b` stands for "z. B." and "z.B.").
 */

/**
 * Abbreviations after which a full stop never ends a sentence ("z. B. Schulen", "Dr. Weber",
 * "Nr. 5", "ca. 20"). Words that also end sentences as ordinary words ("so", "mag", "Jan") are left out.
 * Single letters followed by a full stop ("B.", "M.") are handled by the splitter as initials.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  // multi-part
  'z.b', 'd.h', 'u.a', 's.o', 's.u', 'u.u', 'z.t', 'i.d.r', 'v.a', 'm.e', 'o.g', 'i.a', 'a.d', 'e.v',
  'z.zt', 'i.e', 'e.g', 'n.chr', 'v.chr', 'z.hd', 'u.e', 'i.ü', 'm.a.w', 'i.s.d', 'i.w.s', 'i.e.s',
  // single words
  'bzw', 'ca', 'dr', 'prof', 'nr', 'vgl', 'ggf', 'ggfs', 'evtl', 'inkl', 'bspw', 'bsp', 'bzgl', 'insb',
  'hr', 'hrn', 'fr', 'frl', 'str', 'abs', 'kap', 'mio', 'mrd', 'tsd', 'tel', 'sog', 'ebd', 'jh', 'jhd',
  'zt', 'zzt', 'chr', 'feb', 'mär', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dez',
  'zzgl', 'min', 'mind', 'geb', 'std', 'abb', 'bd', 'hrsg', 'aufl', 'anm', 'gem', 'lt', 'allg', 'bes',
  'einschl', 'ehem', 'eigtl', 'urspr', 'dt', 'engl', 'jmd', 'jew', 'tlw', 'vs', 'dipl', 'ing', 'med',
  'phil', 'rer', 'nat', 'stellv', 'abt', 'ref', 'jg', 'rd', 'vllt', 'vlt', 'ev', 'kath', 'st',
]);

/**
 * Abbreviations that may also close a sentence ("… Kitas, Schulen usw. Dann haben wir …"): the
 * full stop ends the sentence when the next word starts with a capital letter or a digit, and not
 * when it starts with a small letter ("etc. und so weiter"). A capitalised noun right after
 * "etc." is the rare case this gets wrong; an "etc." at the end of a sentence is the common one.
 */
export const SENTENCE_FINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'etc', 'usw', 'u.s.w', 'usf', 'u.ä', 'o.ä', 'u.v.m', 'u.a.m', 'u.dgl',
]);

/** Month names and their abbreviations: "3. Mai", "am 12. Okt." keep the number's full stop inside the sentence. */
export const MONTHS: ReadonlySet<string> = new Set([
  'januar', 'jänner', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september',
  'oktober', 'november', 'dezember', 'jan', 'feb', 'mär', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'okt', 'nov', 'dez',
]);

/** Nouns that follow an ordinal number: "2. Klasse", "im 21. Jahrhundert", "zum 3. Mal". */
export const ORDINAL_NOUNS: ReadonlySet<string> = new Set([
  'klasse', 'klassen', 'jahrhundert', 'jahrhunderts', 'jahrtausend', 'jahrgang', 'jahrgangs',
  'jahrgangsstufe', 'stock', 'stockwerk', 'etage', 'platz', 'mal', 'semester', 'schuljahr',
  'lebensjahr', 'woche', 'tag', 'stunde', 'sitzung', 'runde', 'termin', 'treffen', 'welle',
  'quartal', 'halbjahr', 'geburtstag', 'auflage', 'kapitel', 'absatz', 'reihe', 'rang', 'liga',
  'grad', 'ordnung', 'teil', 'generation', 'stelle', 'schritt', 'phase', 'stufe', 'durchgang',
  'version', 'ausgabe', 'fokusgruppe', 'gruppe', 'förderphase', 'projektjahr', 'advent', 'bezirk',
  'kindergartenjahr', 'ausbildungsjahr', 'fachsemester', 'staffel', 'sinfonie', 'stunden',
]);

/**
 * Words before a small number that make it an ordinal ("am 3. Dann" is read as a date cut short,
 * not as a sentence end): prepositions with article and possessives.
 */
export const ORDINAL_LEADERS: ReadonlySet<string> = new Set([
  'am', 'im', 'vom', 'zum', 'beim', 'ab', 'bis', 'zur', 'der', 'die', 'das', 'den', 'dem', 'des',
  'jeden', 'jede', 'jeder', 'jedes', 'ihr', 'ihre', 'ihrem', 'ihren', 'sein', 'seine', 'seinem',
  'seinen', 'mein', 'meine', 'meinem', 'unser', 'unsere', 'unserem',
]);
