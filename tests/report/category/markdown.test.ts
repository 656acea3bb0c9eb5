import { describe, expect, it } from 'vitest';
import { buildCategoryReport } from '../../../src/report/category/model.js';
import { escapeMarkdown, markdownMarked, renderCategoryMarkdown } from '../../../src/report/category/markdown.js';
import { miniCodebook, miniReport } from './fixture.js';

const NBSP = '\u00a0';

describe('escapeMarkdown', () => {
  it('escapes what Markdown reads as markup, and only that', () => {
    expect(escapeMarkdown('a*b_c [d] <e> f|g ~h `i` \\j &amp; & k')).toBe('a\\*b\\_c \\[d\\] \\<e\\> f\\|g \\~h \\`i\\` \\\\j \\&amp; & k');
    expect(escapeMarkdown('# Titel\n- Punkt\n+ mehr\n1. eins\n2) zwei\n= unter\nz. B. 3.5 - ok')).toBe('\\# Titel\n\\- Punkt\n\\+ mehr\n1\\. eins\n2\\) zwei\n\\= unter\nz. B. 3.5 - ok');
  });

  it('marks matched words in bold, escaped inside and out, each line of a span on its own', () => {
    expect(markdownMarked('Wir *brauchen* Netz-\nwerke.', [{ start: 5, end: 13, hits: [] }, { start: 15, end: 26, hits: [] }])).toBe('Wir \\***brauchen**\\* **Netz-**\n**werke**.');
    expect(markdownMarked('- 1. Ebene', [{ start: 2, end: 4, hits: [] }])).toBe('\\- **1.** Ebene');
  });
});

describe('renderCategoryMarkdown', () => {
  it('writes the hand-made report exactly', () => {
    expect(renderCategoryMarkdown(buildCategoryReport(miniReport(), miniCodebook(), 'de'))).toBe(`# Kategorienbericht

**Mini · Version 1.0**

*Qualitative Inhaltsanalyse: Kategorien, Häufigkeiten und alle kodierten Segmente*

- **Kodierleitfaden (Datei):** mini.yaml
- **sha256 des Kodierleitfadens:** c0ffee0000000000000000000000000000000000000000000000000000000000
- **Programm:** fokus 9.9.9
- **Teilnehmende:** tn.csv (sha256 abcdef012345)
- **Kodiereinheit:** Redebeitrag
- **Moderation (nie kodiert):** I
- **Korpus:** 2 Transkripte · 6 Einheiten (4 kodierbar) · 3 Sprecher:innen

**Eingabedateien**

| Transkript | Format | sha256 (erste 12 Zeichen) |
| --- | --- | --- |
| t1.txt | text | 111122223333 |
| t2.md | markdown | 555566667777 |

---

## Übersicht

| Kategorie | Segmente | Anteil | Transkripte | Sprecher:innen |
| --- | ---: | ---: | ---: | ---: |
| Bedarfe | 2 | 50,0 % | 2 | 2 |
| ${NBSP}${NBSP}Personal | 1 | 25,0 % | 1 | 1 |
| Vernetzung | 2 | 50,0 % | 2 | 2 |

*Kodierte Segmente je Kategorie; Anteil an 4 kodierbaren Einheiten.*

## Kategorien

### Bedarfe

*Code: bedarfe*

**Definition:** Fehlende Angebote oder Ressourcen.

**Ankerbeispiele**

- Wir brauchen mehr Personal.

**Gegenbeispiele**

- Da fehlt uns nichts.

**Kodierregeln**

- Begriffe: brauch\\*
- Regel: all: mehr, personal\\* (nicht mit: kein\\*)
- Nicht kodiert, wenn die Einheit enthält: kein\\* bedarf\\*

**Häufigkeit**

| Gruppe | Segmente | Anteil | Transkripte | Sprecher:innen |
| --- | ---: | ---: | ---: | ---: |
| Alle kodierbaren Einheiten | 2 | 50,0 % | 2 | 2 |
| (ohne Gruppe) | 1 | 50,0 % | 1 | 1 |
| Praxis | 1 | 50,0 % | 1 | 1 |

**Kodierte Segmente (2)**

> Wir **brauchen** **mehr** **Personal** im \\*Netzwerk\\* \\| sofort.
>
> — B1 · Praxis · t1.txt · 00:01:05–00:01:20 · Zeile 3 · Segment 2 · Treffer: brauch\\*, all: mehr, personal\\*, personal\\*

> \\# Das Netzwerk
>
> braucht Zeit.
>
> — (ohne Sprecher:in) · t2.md · Zeile 10 · Segment 5 · im Review kodiert

#### Personal

*Code: bedarfe/personal*

**Kodierregeln**

- Begriffe: personal\\*

**Häufigkeit**

| Gruppe | Segmente | Anteil | Transkripte | Sprecher:innen |
| --- | ---: | ---: | ---: | ---: |
| Alle kodierbaren Einheiten | 1 | 25,0 % | 1 | 1 |
| (ohne Gruppe) | 0 | 0,0 % | 0 | 0 |
| Praxis | 1 | 50,0 % | 1 | 1 |

**Kodierte Segmente (1)**

> Wir brauchen mehr **Personal** im \\*Netzwerk\\* \\| sofort.
>
> — B1 · Praxis · t1.txt · 00:01:05–00:01:20 · Zeile 3 · Segment 2 · Treffer: personal\\*

### Vernetzung

*Code: netz*

**Kodierregeln**

- Begriffe: netzwerk\\*

**Häufigkeit**

| Gruppe | Segmente | Anteil | Transkripte | Sprecher:innen |
| --- | ---: | ---: | ---: | ---: |
| Alle kodierbaren Einheiten | 2 | 50,0 % | 2 | 2 |
| (ohne Gruppe) | 1 | 50,0 % | 1 | 1 |
| Praxis | 1 | 50,0 % | 1 | 1 |

**Kodierte Segmente (2)**

> Wir brauchen mehr Personal im \\***Netzwerk**\\* \\| sofort.
>
> — B1 · Praxis · t1.txt · 00:01:05–00:01:20 · Zeile 3 · Segment 2 · Treffer: netzwerk\\*

> \\# Das **Netzwerk**
>
> braucht Zeit.
>
> — (ohne Sprecher:in) · t2.md · Zeile 10 · Segment 5 · Treffer: netzwerk\\*

## Entwicklungsperspektiven

### Kommunikationskonzept

*Deklarierte Perspektive · Stützung 3 (Minimum 4, gezählt in Einheiten) · 3 Transkripte · 3 Sprecher:innen · unter der Mindeststützung*

Bedarfe mit Vernetzung.

- Kategorien: Bedarfe, Vernetzung

**Belegstellen (3)**

> Wir **brauchen** **mehr** **Personal** im \\***Netzwerk**\\* \\| sofort.
>
> — B1 · Praxis · t1.txt · 00:01:05–00:01:20 · Zeile 3 · Segment 2 · Treffer: brauch\\*, all: mehr, personal\\*, personal\\*, netzwerk\\*

> \\# Das **Netzwerk**
>
> braucht Zeit.
>
> — (ohne Sprecher:in) · t2.md · Zeile 10 · Segment 5 · im Review kodiert · Treffer: netzwerk\\*

*t3.txt#1: der Text dieser Einheit ist nicht im Bericht*

### netzwerk · zeit

*Emergente Perspektive · Stützung 1 (Minimum 1, gezählt in Einheiten) · 1 Transkript · 1 Sprecher:in*

- Kategorien: Personal, Vernetzung
- Gruppen: Praxis
- Lift 2,50 (beobachtet ÷ erwartet), p = \\< 0,0001
- Schlüsselbegriffe: netzwerk, zeit

**Belegstellen (1)**

> Wir brauchen mehr **Personal** im \\***Netzwerk**\\* \\| sofort.
>
> — B1 · Praxis · t1.txt · 00:01:05–00:01:20 · Zeile 3 · Segment 2 · Treffer: personal\\*, netzwerk\\*
`);
  });

  it('speaks English when asked, with English numbers', () => {
    const md = renderCategoryMarkdown(buildCategoryReport(miniReport(), miniCodebook(), 'en'));
    expect(md.split('\n').filter((l) => l.startsWith('#'))).toEqual(['# Category report', '## Overview', '## Categories', '### Bedarfe', '#### Personal', '### Vernetzung', '## Development perspectives', '### Kommunikationskonzept', '### netzwerk · zeit']);
    expect(md).toContain('| All codable units | 2 | 50.0% | 2 | 2 |');
    expect(md).toContain('> — (no speaker) · t2.md · line 10 · segment 5 · coded in review');
    expect(md).toContain('**Anchor examples**');
  });
});
