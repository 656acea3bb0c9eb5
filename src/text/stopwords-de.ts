/**
 * German stop words for key terms and term suggestions: function words (articles, pronouns,
 * prepositions, conjunctions, auxiliaries and modal verbs with their common forms), frequent
 * adverbs and particles, the fillers and hedges of spoken German, number words and generic words,
 * and the annotations transcribers write into the text. All lower-case; umlauts and ß as written.
 */

/** Function words: articles, pronouns, prepositions, conjunctions, auxiliaries, modals. */
const FUNCTION_WORDS = `
der die das des dem den ein eine einer eines einem einen kein keine keiner keines keinem keinen
ich du er sie es wir ihr mich dich sich uns euch mir dir ihm ihnen ihn man jemand niemand
mein meine meiner meines meinem meinen dein deine deiner deines deinem deinen
sein seine seiner seines seinem seinen ihre ihrer ihres ihrem ihren unser unsere unserer unseres
unserem unseren euer eure eurer eures eurem euren
dieser diese dieses diesem diesen jener jene jenes jenem jenen welcher welche welches welchem welchen
derselbe dieselbe dasselbe denselben demselben derjenige diejenige dasjenige
was wer wen wem wessen wo wohin woher wie warum weshalb wieso wann womit wofür worüber worauf wozu
dessen deren denen
an am ans auf aus bei beim bis durch für gegen hinter in im ins mit nach neben ohne seit über um
unter vom von vor während wegen zu zum zur zwischen außer gegenüber per pro samt trotz via
und oder aber denn sondern sowie sowohl weder noch als ob dass daß weil wenn falls obwohl
damit sodass bevor nachdem sobald solange indem wie wo
bin bist ist sind seid war warst waren wart gewesen wäre wären wärst
habe hast hat haben habt hatte hattest hatten hattet gehabt hätte hätten hättest hab
werde wirst wird werden werdet wurde wurden wurdest geworden worden würde würden würdest
kann kannst können könnt konnte konnten könnte könnten
muss musst müssen müsst musste mussten müsste müssten
soll sollst sollen sollt sollte sollten
will willst wollen wollt wollte wollten
darf darfst dürfen dürft durfte durften dürfte dürften
mag magst mögen möchte möchten mochte
`;

/** Frequent adverbs, particles and pronominal adverbs that carry little content. */
const ADVERBS_AND_PARTICLES = `
nicht nichts nie niemals auch noch schon nur sehr so ja nein doch mal dann da dort hier jetzt
immer wieder oft manchmal gar ganz gern gerne mehr weniger viel viele vielen vieler vieles wenig
wenige alle alles allem allen aller etwas etwa einige einigen einiger manche manchen mancher
andere anderen anderer anderes anders jede jeder jedes jedem jeden beide beiden
dabei dafür dagegen daher dahin daran darauf daraus darin darüber darum darunter davon davor dazu
dadurch danach daneben dann damals dies diesmal deshalb deswegen trotzdem dennoch jedoch sonst
also eben halt eh ebenso genauso irgendwie irgendwo irgendwann irgendwas irgendein irgendeine
wirklich vielleicht bestimmt natürlich tatsächlich überhaupt eigentlich einfach ziemlich relativ
total echt recht bisschen bissl paar erst zuerst zuletzt bereits gerade grad eher sogar wohl
selbst selber zusammen allein allerdings einmal zweimal heute gestern morgen bald später vorher
nachher hin her raus rein rauf runter drauf drin drüber dran hinein heraus herum rum
weiter weit schon mittlerweile inzwischen sozusagen quasi genau gewissermaßen praktisch heißt
jetzt nun nochmal nochmals ebenfalls teilweise vor allem bzw usw etc zb
`;

/** Fillers, hedges and backchannels of spoken German, as transcribed. */
const FILLERS = `
äh ähm ähem ähh ähmm öhm öh hm hmm hmhm mhm mh mm ah aha oh och ach tja naja na nee ne gell gelle
okay ok oke jo jaja joa ey hey ehrlich klar fällt steht
sag sage sagen sagt sagte gesagt meine meinst meint meinen gemeint glaube glauben denke denken
finde finden weiß weißt wissen sehe sehen gucken guck kucken schau schauen
geht gehen ging gibt geben gab kommt kommen kam macht machen gemacht mache
`;

/** Number words and generic nouns and adjectives that fit any topic ("Sachen", "Leute", "gut"). */
const GENERIC = `
null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig hundert tausend
erste ersten erster erstes zweite zweiten dritte dritten halbe halben
sache sachen ding dinge leute beispiel teil fall frage fragen thema punkt seite art weise
jahr jahre jahren monat monate monaten woche wochen tag tage tagen
gut gute guten gutes guter groß große großen großer großes klein kleine kleinen kleiner neu neue
neuen neuer neues plötzlich sowieso ständig bisher nämlich ähnlich ungefähr
`;

/** Annotations transcribers put into the text: laughter, pauses, inaudible passages. */
const ANNOTATIONS = `
lacht lachen lachend lachen gelächter räuspert räuspern seufzt hustet pause unverständlich unv
unverst inaudible
`;

/** Every German stop word, lower-case. */
export const STOPWORDS_DE: ReadonlySet<string> = new Set(
  [FUNCTION_WORDS, ADVERBS_AND_PARTICLES, FILLERS, GENERIC, ANNOTATIONS].join(' ').split(/\s+/).filter((w) => w.length > 0),
);
