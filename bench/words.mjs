// German word material for the synthetic benchmark corpus: content words of the education and
// youth-work field the shipped codebook is about, everyday words, names and fillers. Written for
// this benchmark; the stop words come from fokus itself (dist/text/stopwords-de.js).

/** Nouns (capitalised as written); compounds are formed from them at random. */
export const NOUNS = `
Kita Schule Grundschule Ganztag Ganztagsschule Hort Jugendarbeit Jugendhaus Jugendamt Schulamt Verein
Sportverein Musikschule Bibliothek Familie Eltern Kinder Kind Jugendliche Schüler Schülerin Lehrkraft
Lehrkräfte Erzieherin Erzieher Fachkraft Fachkräfte Personal Stelle Stellen Leitung Schulleitung
Kitaleitung Träger Kommune Gemeinde Stadt Landkreis Land Bund Förderung Fördermittel Geld Mittel Budget
Finanzierung Ressourcen Raum Räume Räumlichkeiten Platz Mensa Turnhalle Schulhof Gebäude Ausstattung
Angebot Angebote Projekt Projekte Programm Konzept Netzwerk Netzwerke Kooperation Kooperationen
Zusammenarbeit Austausch Vernetzung Partner Partnerin Akteure Arbeitskreis Runde Treffen Sitzung
Übergang Übergänge Einschulung Anmeldung Information Informationen Überblick Transparenz Plattform
Homepage Newsletter Elternabend Elternbrief Sprache Sprachförderung Förderbedarf Inklusion Integration
Teilhabe Bildung Bildungsregion Bildungsbüro Bildungsgerechtigkeit Chancengleichheit Armut Migration
Fluchterfahrung Hausaufgaben Hausaufgabenbetreuung Betreuung Ferienbetreuung Nachmittag Vormittag
Woche Monat Jahr Jahre Schuljahr Zeit Zeiten Stunde Stunden Termin Termine Ansprechpartner
Ansprechpartnerin Verantwortung Zuständigkeit Koordination Koordinierungsstelle Steuerung Planung
Qualität Qualifizierung Fortbildung Weiterbildung Schulung Supervision Beratung Begleitung Unterstützung
Hilfe Problem Probleme Herausforderung Herausforderungen Schwierigkeit Hürde Hürden Bürokratie
Datenschutz Antrag Anträge Formular Verwaltung Dokumentation Evaluation Ergebnis Ergebnisse Erfahrung
Erfahrungen Beispiel Idee Ideen Vorschlag Wunsch Wünsche Bedarf Bedarfe Bedürfnisse Lücke Mangel
Engpass Fachkräftemangel Wartezeit Wartelisten Gruppe Gruppen Klasse Klassen Jahrgang Kollegium
Kollegin Kollege Team Teams Mitarbeitende Ehrenamt Ehrenamtliche Übungsleiterin Vorstand Jugendreferent
Sozialarbeit Schulsozialarbeit Streetwork Jugendhilfe Familienzentrum Beratungsstelle Gesundheitsamt
Kinderarzt Logopädie Ergotherapie Motorik Bewegung Sport Musik Kunst Theater Natur Wald Garten Essen
Mittagessen Verpflegung Bus Busverbindung Fahrdienst Mobilität Weg Wege Dorf Ort Ortsteil Quartier
Nachbarschaft Gemeindehaus Rathaus Bürgermeister Gemeinderat Politik Verwaltungsspitze Landesprogramm
Rechtsanspruch Gesetz Vorgabe Vorgaben Rahmen Rahmenbedingungen Vertrag Vereinbarung Absprache
Absprachen Kommunikation Gespräch Gespräche Telefon Mail Messenger Digitalisierung Tablet Tablets
Laptop Internet Medienbildung Medienkompetenz Zukunft Perspektive Vision Ziel Ziele Strategie Struktur
Strukturen Verlässlichkeit Kontinuität Beziehung Beziehungen Vertrauen Haltung Anerkennung Wertschätzung
Motivation Belastung Überlastung Krankheit Ausfall Vertretung Unterrichtsversorgung Stundentafel
Lehrplan Unterricht Freizeit Spielplatz Jugendtreff Treffpunkt Rückzugsort Begegnung Begegnungsort
Fest Feste Aktion Aktionen Ferien Ferienprogramm Schnuppertag Hospitation Kooperationsvertrag
Kooperationsstunde Kooperationslehrerin Bildungshaus Sozialraum Sozialraumorientierung Stadtteil
`.trim().split(/\s+/);

/** Verbs in the forms they are spoken (no stems: the corpus holds word forms). */
export const VERBS = `
machen macht gemacht brauchen brauchen braucht brauchten bräuchten benötigen benötigt wünschen wünsche
wünschen gewünscht fehlen fehlt fehlte gefehlt mangelt arbeiten arbeitet gearbeitet zusammenarbeiten
kooperieren kooperiert vernetzen vernetzt austauschen tauschen informieren informiert erfahren erfahren
wissen weiß wusste gewusst kennen kennt gekannt sagen sagt gesagt meinen meint gemeint denken denkt
glauben glaubt finden findet gefunden sehen sieht gesehen zeigen zeigt helfen hilft geholfen
unterstützen unterstützt begleiten begleitet fördern fördert gefördert betreuen betreut planen plant
geplant organisieren organisiert koordinieren koordiniert entwickeln entwickelt gestalten gestaltet
anbieten bietet angeboten nutzen nutzt genutzt erreichen erreicht verlieren verliert verloren
gewinnen gewonnen laufen läuft gelaufen klappen klappt geklappt funktionieren funktioniert scheitern
scheitert hängen hängt abhängen abgesichert festgeschrieben gestrichen besetzt ausgeschrieben
beantragen beantragt finanzieren finanziert bezahlen bezahlt kosten kostet investieren verstetigen
schaffen schafft geschafft ankommen ankommt einlassen anmelden angemeldet einschulen eingeschult
wechseln wechselt verteilen verteilt treffen trifft getroffen besprechen bespricht abstimmen
abgestimmt teilen teilt geteilt lernen lernt gelernt spielen spielt gespielt essen isst gegessen
fahren fährt gefahren bringen bringt gebracht holen holt abholen warten wartet gewartet
`.trim().split(/\s+/);

/** Adjectives and adverbs with content (inflected forms as spoken). */
export const ADJECTIVES = `
gut gute guten besser schwierig schwierige schwieriger wichtig wichtige wichtigen dringend dringende
notwendig notwendige nötig erforderlich ausreichend unzureichend fehlende zusätzlich zusätzliche
zusätzlichen verlässlich verlässliche dauerhaft dauerhafte langfristig langfristige kurzfristig
finanziell finanzielle finanziellen personell personelle räumlich räumliche digital digitale
digitalen gemeinsam gemeinsame gemeinsamen regelmäßig regelmäßige offen offene offenen gebunden
verbindlich verbindliche freiwillig ehrenamtlich hauptamtlich kommunal kommunale regional regionale
lokal lokale ländlich ländlichen städtisch klein kleine kleinen groß große großen neu neue neuen alt
alte alten jung junge jungen früh früher späte spät schnell langsam einfach kompliziert kompliziert
bürokratisch transparent unübersichtlich übersichtlich sinnvoll hilfreich schön toll super prima
schade traurig ärgerlich frustrierend belastend anstrengend entlastend motivierend spannend
interessant konkret praktisch pädagogisch sozial inklusiv integrativ mehrsprachig deutsch türkisch
arabisch ukrainisch sprachlich motorisch emotional schulisch außerschulisch vorschulisch
frühkindlich kindgerecht familienfreundlich erreichbar zuständig verantwortlich beteiligt engagiert
`.trim().split(/\s+/);

/** First names for name labels and mentions. */
export const NAMES = `
Sabine Murat Heike Thomas Andrea Jonas Leonie Fatma Olga Markus Petra Stefan Claudia Ahmet Julia
Michael Birgit Yusuf Katrin Tobias Anja Dennis Ayse Svetlana Frank Monika Lukas Hannah Emre Doris
`.trim().split(/\s+/);

/** Fillers and transcription notes of spoken German. */
export const FILLERS = ['ähm', 'äh', 'also', 'ja', 'genau', 'na ja', 'sozusagen', 'quasi', 'halt', 'eben', 'irgendwie', '(lacht)', '(Pause)', 'mhm'];

/** Noun heads that form compounds with a first part ("Eltern" + "arbeit" → "Elternarbeit"). */
export const HEADS = `
arbeit angebot angebote leitung stelle stellen gruppe gruppen raum räume zeit zeiten konzept netzwerk
projekt programm beratung betreuung förderung kooperation partner team treffen runde bedarf plan
struktur koordination planung verwaltung büro haus zentrum schule kita verein amt
`.trim().split(/\s+/);

/** Linking elements of German compounds (Fugenelemente). */
export const LINKS = ['', '', '', 's', 'n', 'en', 'er'];
