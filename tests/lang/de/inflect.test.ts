import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { inflections, lexiconLoaded } from '../../../src/lang/de/inflect.js';

const require = createRequire(import.meta.url);
const lexiconsInCache = (): string[] =>
  Object.keys(require.cache)
    .filter((k) => /german-(?:words|verbs)-dict[\\/]dist[\\/](?:words|verbs)\.json$/.test(k))
    .map((k) => k.split(/[\\/]/).pop() ?? k)
    .sort();

// This block runs first: nothing else in this file may call `inflections` before it.
describe('loading the lexicons', () => {
  it('does not load them on import, loads both on the first call', () => {
    expect(lexiconLoaded()).toBe(false);
    expect(lexiconsInCache()).toEqual([]);
    inflections('kita');
    expect(lexiconLoaded()).toBe(true);
    expect(lexiconsInCache()).toEqual(['verbs.json', 'words.json']);
  });
});

describe('inflections: nouns', () => {
  it('Kita', () => {
    expect(inflections('kita')).toEqual({ forms: ['kita', 'kitas'], source: 'noun' });
  });

  it('Schule', () => {
    expect(inflections('schule')).toEqual({ forms: ['schule', 'schulen'], source: 'noun' });
  });

  it('Erzieherin', () => {
    expect(inflections('erzieherin')).toEqual({ forms: ['erzieherin', 'erzieherinnen'], source: 'noun' });
  });

  it('Schüler: genitive in -s only (no "schüleres")', () => {
    expect(inflections('schüler')).toEqual({ forms: ['schüler', 'schülern', 'schülers'], source: 'noun' });
  });

  it('Amt: umlaut plural, both genitives, the old dative in -e', () => {
    expect(inflections('amt')).toEqual({
      forms: ['amt', 'amte', 'amtes', 'amts', 'ämter', 'ämtern'],
      source: 'noun',
    });
  });

  it('Problem: both genitives', () => {
    expect(inflections('problem')).toEqual({
      forms: ['problem', 'probleme', 'problemen', 'problemes', 'problems'],
      source: 'noun',
    });
  });

  it('Chance', () => {
    expect(inflections('chance')).toEqual({ forms: ['chance', 'chancen'], source: 'noun' });
  });

  it('Tisch: the lexicon writes "Tischs", the genitive in -es is added', () => {
    expect(inflections('tisch').forms).toEqual(['tisch', 'tische', 'tischen', 'tisches', 'tischs']);
  });

  it('finds keys spelled with other capitals (BAföG)', () => {
    expect(inflections('bafög')).toEqual({ forms: ['bafög', 'baföges', 'bafögs'], source: 'noun' });
  });
});

describe('inflections: compounds', () => {
  it('Jugendamt = jugend + Amt', () => {
    expect(inflections('jugendamt')).toEqual({
      forms: ['jugendamt', 'jugendamte', 'jugendamtes', 'jugendamts', 'jugendämter', 'jugendämtern'],
      source: 'compound',
    });
  });

  it('Netzwerk = netz + Werk', () => {
    expect(inflections('netzwerk')).toEqual({
      forms: ['netzwerk', 'netzwerke', 'netzwerken', 'netzwerkes', 'netzwerks'],
      source: 'compound',
    });
  });

  it('Elternbeirat: the longest head (Beirat, not Rat)', () => {
    expect(inflections('elternbeirat')).toEqual({
      forms: ['elternbeirat', 'elternbeirate', 'elternbeirates', 'elternbeirats', 'elternbeiräte', 'elternbeiräten'],
      source: 'compound',
    });
  });

  it('an adjective in -lich is not a compound with "Ich"', () => {
    expect(inflections('freundlich')).toEqual({ forms: ['freundlich'], source: 'unknown' });
  });
});

describe('inflections: verbs', () => {
  it('brauchen', () => {
    const w = inflections('brauchen');
    expect(w.forms).toEqual([
      'brauche',
      'brauchen',
      'brauchend',
      'brauchende',
      'brauchendem',
      'brauchenden',
      'brauchender',
      'brauchendes',
      'brauchens', // the noun "das Brauchen"
      'brauchest',
      'brauchet',
      'brauchst',
      'braucht',
      'brauchte',
      'brauchten',
      'brauchtest',
      'brauchtet',
      'gebraucht',
      'gebrauchte', // the past participle as an adjective
      'gebrauchtem',
      'gebrauchten',
      'gebrauchter',
      'gebrauchtes',
    ]);
    expect(w.separable).toBeUndefined();
    expect(w.source).toBe('noun+verb');
  });

  it('zusammenarbeiten: joined forms, participle, zu-infinitive, and the split main-clause forms', () => {
    const w = inflections('zusammenarbeiten');
    for (const f of ['zusammenarbeiten', 'zusammenarbeitet', 'zusammengearbeitet', 'zusammenzuarbeiten', 'zusammenarbeitende']) {
      expect(w.forms).toContain(f);
    }
    expect(w.separable).toEqual({
      particle: 'zusammen',
      finite: ['arbeite', 'arbeiten', 'arbeitest', 'arbeitet', 'arbeitete', 'arbeiteten', 'arbeitetest', 'arbeitetet'],
    });
  });

  it('einbinden: strong past (band, bände) as the lexicon gives it', () => {
    const w = inflections('einbinden');
    expect(w.forms).toEqual([
      'einband',
      'einbanden',
      'einbandest',
      'einbandet',
      'einbinde',
      'einbinden',
      'einbindend',
      'einbindende',
      'einbindendem',
      'einbindenden',
      'einbindender',
      'einbindendes',
      'einbindens',
      'einbindest',
      'einbindet',
      'einbände',
      'einbänden',
      'einbändest',
      'einbändet',
      'eingebunden',
      'eingebundene',
      'eingebundenem',
      'eingebundenen',
      'eingebundener',
      'eingebundenes',
      'einzubinden',
    ]);
    expect(w.separable).toEqual({
      particle: 'ein',
      finite: ['band', 'banden', 'bandest', 'bandet', 'binde', 'binden', 'bindest', 'bindet', 'bände', 'bänden', 'bändest', 'bändet'],
    });
  });

  it('unterstützen: the lexicon marks it separable, it is not', () => {
    const w = inflections('unterstützen');
    expect(w.separable).toBeUndefined();
    for (const f of ['unterstützt', 'unterstützte', 'unterstützen', 'unterstützende']) expect(w.forms).toContain(f);
    expect(w.forms).not.toContain('unterzustützen');
  });

  it('dabeisitzen: the particle is read off the zu-infinitive, not the lexicon\'s "da"', () => {
    const w = inflections('dabeisitzen');
    expect(w.separable?.particle).toBe('dabei');
    expect(w.separable?.finite).toContain('sitzt');
    expect(w.separable?.finite).toContain('saß');
  });

  it('weiterentwickeln: forms from the entry under the cut key "weiterentwickel"', () => {
    const w = inflections('weiterentwickeln');
    expect(w.forms).toContain('weiterentwickelt');
    expect(w.forms).toContain('weiterzuentwickeln');
    expect(w.forms).not.toContain('weiterentwickelnes');
    expect(w.separable?.particle).toBe('weiter');
    expect(w.separable?.finite).toContain('entwickelt');
  });
});

describe('inflections: unknown words and determinism', () => {
  it('a word the lexicon does not know', () => {
    expect(inflections('xyzfoo')).toEqual({ forms: ['xyzfoo'], source: 'unknown' });
  });

  it('two calls give equal results (the cached, frozen object)', () => {
    for (const word of ['jugendamt', 'zusammenarbeiten', 'schüler', 'xyzfoo']) {
      const a = inflections(word);
      const b = inflections(word);
      expect(b).toEqual(a);
      expect(b).toBe(a);
      expect(Object.isFrozen(a.forms)).toBe(true);
    }
  });
});
