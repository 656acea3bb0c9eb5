import { describe, expect, test } from 'vitest';
import { escapeHtml, highlight, renderHtml } from '../../src/report/html.js';
import type { Report } from '../../src/types.js';
import { htmlReport } from '../fixtures/render/html-report.js';

/** The part of `html` from the element with the given id to the end of its section. */
function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

/** A report with nothing in it but the header data. */
function emptyReport(): Report {
  return { ...htmlReport(), frequencies: [], breakdowns: [], cooccurrence: [], perspectives: [], units: [], problems: [], categories: [] };
}

describe('renderHtml: page', () => {
  const html = renderHtml(htmlReport());

  test('is a German HTML document with a CSP that forbids every load', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).toContain('<title>ISoG Fokusgruppe – Auswertungsbericht</title>');
    expect(html.endsWith('</main>\n</body>\n</html>\n')).toBe(true);
  });

  test('has the German section headings in order', () => {
    const headings = [...html.matchAll(/<h2 id="[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(['Häufigkeiten', 'Aufschlüsselung', 'Ko-Okkurrenzen', 'Entwicklungsperspektiven', 'Hinweise und Probleme']);
    expect(html.match(/<h4>Belegstellen<\/h4>/g)).toHaveLength(2);
  });

  test('references nothing outside the page', () => {
    for (const s of ['http://', 'https://', '<script', '<link', '<img', ' src=', 'url(', '@import', '@font-face']) {
      expect(html, s).not.toContain(s);
    }
  });

  test('is deterministic: the same report gives the same bytes, also after a JSON round trip', () => {
    expect(renderHtml(htmlReport())).toBe(html);
    expect(renderHtml(JSON.parse(JSON.stringify(htmlReport())) as Report)).toBe(html);
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  test('header shows codebook, totals and inputs with a 12-character sha256 prefix', () => {
    expect(html).toContain('<h1>ISoG Fokusgruppe <span class="version">Version 1.2</span></h1>');
    expect(html).toContain('<div><dt>codierbare Einheiten</dt><dd>3</dd></div>');
    expect(html).toContain(
      `<tr><td>interview-b.txt</td><td>text</td><td>windows-1252</td><td><code title="sha256 fedcba9876543210${'b'.repeat(48)}">fedcba987654</code></td></tr>`,
    );
    expect(html).toContain('Einheit: Redebeitrag · Moderation: M · Aufschlüsselung: Gruppe');
  });
});

describe('renderHtml: escaping', () => {
  const html = renderHtml(htmlReport());

  test('escapes labels, speakers, perspective labels and problems', () => {
    expect(html).toContain('<th scope="row" style="padding-left:1.75rem">Netzwerke &amp; Kooperation<code>ressourcen/netzwerke</code></th>');
    expect(html).toContain('<span class="speaker">B2 &lt;Leitung&gt;</span>');
    expect(html).toContain('<h3>Kooperation &quot;stärken&quot; <span class="badge">emergent</span>');
    expect(html).toContain(
      '<li class="warning"><span class="badge warn">Warnung</span> <code>interview-b.txt:3:1</code> Absatz ohne Sprecher &lt;unbekannt&gt; &amp; übernommen <small>read/no-labels</small></li>',
    );
    expect(html).not.toContain('Netzwerke & Kooperation');
    expect(html).not.toContain('<Leitung>');
    expect(html).not.toContain('<Fallzahlen>');
  });

  test('a hostile codebook name or transcript text cannot open elements', () => {
    const report = htmlReport();
    report.codebook.name = '</title><script>alert(1)</script>';
    report.units[1]!.text = `<img src="https://x.invalid/a.png" onerror='alert(1)'> Personal`;
    report.units[1]!.codings = [{ transcript: 'gruppe-a.txt', segment: 2, category: 'bedarfe/personal', matches: [{ by: 'personal', start: 55, end: 63 }], hits: 1 }];
    const html = renderHtml(report);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; – Auswertungsbericht</title>');
    expect(html).toContain(
      '<blockquote>&lt;img src=&quot;https://x.invalid/a.png&quot; onerror=&#39;alert(1)&#39;&gt; <mark title="Personal: personal">Personal</mark></blockquote>',
    );
  });

  test('escapeHtml escapes the five special characters and nothing else', () => {
    expect(escapeHtml(`<a href="x">'Ä&ß'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;Ä&amp;ß&#39;&lt;/a&gt;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('highlight', () => {
  const hit = (start: number, end: number, by = 'x'): { start: number; end: number; hits: string[] } => ({ start, end, hits: [by] });

  test('marks spans by UTF-16 offsets and escapes the text around and inside them', () => {
    expect(highlight('a <b> & c', [hit(2, 5, 'b')])).toBe('a <mark title="b">&lt;b&gt;</mark> &amp; c');
    expect(highlight('😀 Personal', [hit(3, 11, 'personal')])).toBe('😀 <mark title="personal">Personal</mark>');
  });

  test('merges overlapping spans (in any input order) and keeps adjacent ones apart', () => {
    expect(highlight('mehr Personal hier', [hit(5, 13, 'personal'), hit(0, 9, 'mehr pers*')])).toBe(
      '<mark title="mehr pers*; personal">mehr Personal</mark> hier',
    );
    expect(highlight('abcdef', [hit(3, 6, 'b'), hit(0, 3, 'a')])).toBe('<mark title="a">abc</mark><mark title="b">def</mark>');
    expect(highlight('abc', [hit(0, 3, 'same'), hit(1, 2, 'same')])).toBe('<mark title="same">abc</mark>');
  });

  test('clamps spans to the text and drops empty or inverted ones', () => {
    expect(highlight('abc', [hit(-2, 1), hit(2, 99), hit(2, 2), hit(3, 1)])).toBe('<mark title="x">a</mark>b<mark title="x">c</mark>');
    expect(highlight('abc', [])).toBe('abc');
  });
});

describe('renderHtml: frequencies', () => {
  const freq = sectionOf(renderHtml(htmlReport()), 'haeufigkeiten');

  test('one bar per category in report order, widths relative to the largest share', () => {
    const rows = [...freq.matchAll(/data-category="([^"]+)".*?<rect class="fill" width="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([
      ['bedarfe', '100'], ['bedarfe/personal', '100'], ['bedarfe/zeit', '50'], ['ressourcen', '50'],
      ['ressourcen/netzwerke', '50'], ['ressourcen/ehrenamt', '0'], ['belastungen', '100'],
    ]);
    expect(freq.match(/<svg class="bar"[^>]*><title>/g)).toHaveLength(7);
  });

  test('indents children and shows counts and German shares', () => {
    expect(freq).toContain(
      '<tr class="level-2" data-category="bedarfe/zeit"><th scope="row" style="padding-left:1.75rem">Zeit<code>bedarfe/zeit</code></th>',
    );
    expect(freq).toContain(
      '<title>Zeit: 1 Segment, 33,3\u202f%</title><rect class="track" width="100" height="10"/><rect class="fill" width="50" height="10"/></svg></td>' +
        '<td class="num">1</td><td class="num">33,3\u202f%</td><td class="num">1</td><td class="num">1</td><td class="num">1</td></tr>',
    );
    expect(freq).toContain('Anteil an 3 codierbaren Einheiten.');
  });
});

describe('renderHtml: breakdowns and co-occurrence', () => {
  const html = renderHtml(htmlReport());

  test('a breakdown table has the categories as rows and the values as columns, zeros filled in', () => {
    const b = sectionOf(html, 'aufschluesselung');
    expect(b).toContain('<thead><tr><th scope="col">Kategorie</th><th scope="col" class="num">Jugendhilfe</th><th scope="col" class="num">Kita</th></tr></thead>');
    expect(b).toContain(
      '<tr><th scope="row" style="padding-left:1.75rem">Personal</th><td class="num zero">0</td><td class="num" title="1 · 100,0\u202f%">1 <small>100,0\u202f%</small></td></tr>',
    );
    expect(b.match(/<tr><th scope="row"/g)).toHaveLength(4);
  });

  test('the heat map lists the co-occurring categories and fills both cells of each pair', () => {
    const h = sectionOf(html, 'kookkurrenzen');
    expect([...h.matchAll(/<span class="idx">\d+<\/span> ([^<]+)<\/th>/g)].map((m) => m[1])).toEqual([
      'Bedarfe', 'Personal', 'Zeit', 'Ressourcen', 'Netzwerke &amp; Kooperation', 'Belastungen',
    ]);
    expect(h.match(/<td class="cell"/g)).toHaveLength(10);
    expect(h.match(/<td class="diag"/g)).toHaveLength(6);
    expect(h).toContain(
      '<td class="cell" style="background-color:rgb(23,63,114);color:#fff" title="Personal × Zeit: 1 Segment, Jaccard 0,50" data-jaccard="0.5">1</td>',
    );
    expect(h).toContain(
      '<td class="cell" style="background-color:rgb(96,124,160);color:#fff" title="Bedarfe × Belastungen: 1 Segment, Jaccard 0,33" data-jaccard="0.33">1</td>',
    );
    expect(h).toContain('<span>0,50</span></p>');
  });

  test('pale heat-map cells get dark text', () => {
    const report = htmlReport();
    report.cooccurrence = [
      { a: 'bedarfe/personal', b: 'bedarfe/zeit', segments: 4, jaccard: 0.8 },
      { a: 'bedarfe', b: 'belastungen', segments: 1, jaccard: 0.2 },
    ];
    expect(renderHtml(report)).toContain(
      '<td class="cell" style="background-color:rgb(187,200,217);color:#1a1a1a" title="Bedarfe × Belastungen: 1 Segment, Jaccard 0,20" data-jaccard="0.2">1</td>',
    );
  });
});

describe('renderHtml: perspectives and quotes', () => {
  test('quotes mark the matches of the perspective categories and say who, where and when', () => {
    const p = sectionOf(renderHtml(htmlReport()), 'perspektiven');
    expect(p).toContain(
      '<figure class="quote" data-unit="gruppe-a.txt#2"><blockquote>Wir brauchen mehr <mark title="Personal: personal">Personal</mark> &amp; mehr Zeit für die Familien.</blockquote>' +
        '<figcaption><span class="speaker">B1</span> · <span class="transcript">gruppe-a.txt</span> · <span class="time">00:00:12–00:00:30</span> · ' +
        '<span class="line">Zeile 5</span> · <span class="segment">Segment 2</span></figcaption></figure>',
    );
    expect(p).toContain(
      '<blockquote>Die <mark title="Netzwerke &amp; Kooperation: kooperation">Kooperation</mark> mit dem ' +
        '<mark title="Netzwerke &amp; Kooperation: jugendamt">Jugendamt</mark> ist &quot;gut&quot; – aber &lt;' +
        '<mark title="Belastungen: fallzahlen">Fallzahlen</mark>&gt; steigen.</blockquote>',
    );
    expect(p).toContain('<span class="time">01:02:05</span>');
    expect(p).toContain('<figcaption><span class="speaker">C</span> · <span class="transcript">interview-b.txt</span> · <span class="line">Zeile 1</span>');
    expect(p).toContain('<p class="stats">Stützung <strong>2</strong> (Minimum 2, Ebene Einheit) · 2 Transkripte · 2 Sprecher:innen</p>');
    expect(p).toContain('<ul class="chips" aria-label="Kategorien"><li title="bedarfe/personal">Personal</li><li title="belastungen">Belastungen</li></ul>');
    expect(p).toContain('<span class="badge warn">unter Mindeststützung</span>');
  });

  test('shows at most maxQuotes quotes and counts the rest', () => {
    const p = sectionOf(renderHtml(htmlReport(), { maxQuotes: 1 }), 'perspektiven');
    expect(p.match(/<figure class="quote"/g)).toHaveLength(2);
    expect(p).toContain('<p class="more">… und 1 weitere Belegstelle.</p>');
    expect(p).not.toContain('data-unit="interview-b.txt#1"');
  });

  test('marks all codings when none is of the perspective, and names evidence missing from the units', () => {
    const report = htmlReport();
    report.perspectives[1]!.categories = ['bedarfe/zeit'];
    report.perspectives[1]!.evidence = ['gruppe-a.txt#3', 'gruppe-a.txt#9'];
    const p = sectionOf(renderHtml(report), 'perspektiven');
    expect(p).toContain('<mark title="Belastungen: fallzahlen">Fallzahlen</mark>');
    expect(p).toContain('<mark title="Ressourcen: kooperation; Netzwerke &amp; Kooperation: kooperation">Kooperation</mark>');
    expect(p).toContain('<p class="missing">gruppe-a.txt#9: Text nicht im Bericht enthalten.</p>');
  });
});

describe('renderHtml: empty report', () => {
  const html = renderHtml(emptyReport());

  test('says what is missing and leaves out the optional sections', () => {
    expect(html).toContain('<p class="empty">Keine Kategorien.</p>');
    expect(html).toContain('<p class="empty">Keine Kategorien treten gemeinsam in einer Einheit auf.</p>');
    expect(html).toContain('<p class="empty">Keine Entwicklungsperspektiven.</p>');
    expect(html).not.toContain('id="aufschluesselung"');
    expect(html).not.toContain('id="probleme"');
    expect(html).toContain(
      '<nav aria-label="Inhalt"><ol><li><a href="#haeufigkeiten">Häufigkeiten</a></li><li><a href="#kookkurrenzen">Ko-Okkurrenzen</a></li>' +
        '<li><a href="#perspektiven">Entwicklungsperspektiven</a></li></ol></nav>',
    );
  });
});
