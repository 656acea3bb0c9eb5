import { describe, expect, test } from 'vitest';
import { messagesFor } from '../../src/lang/catalogue.js';
import { escapeHtml, highlight, renderHtml } from '../../src/report/html.js';
import type { CodedUnit, Report } from '../../src/types.js';
import { htmlReport } from '../fixtures/render/html-report.js';

/** The part of `html` from the element with the given id to the end of its section. */
function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

/** The `<h2>` headings of a page, in order. */
function headings(html: string): string[] {
  return [...html.matchAll(/<h2 id="[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]!);
}

/** A report with nothing in it but the header data. */
function emptyReport(): Report {
  return { ...htmlReport(), frequencies: [], breakdowns: [], comparisons: [], cooccurrence: [], perspectives: [], keyterms: [], units: [], problems: [], categories: [] };
}

const EN = { messages: messagesFor('en') };

describe('renderHtml: page and language', () => {
  const html = renderHtml(htmlReport());

  test('is a German HTML document for a German codebook, with a CSP that forbids every load', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).toContain('<title>ISoG Fokusgruppe – Auswertungsbericht</title>');
    expect(html.endsWith('</main>\n</body>\n</html>\n')).toBe(true);
  });

  test('has the section headings in order, in German and in English', () => {
    expect(headings(html)).toEqual(['Überblick', 'Häufigkeiten', 'Aufschlüsselung', 'Gemeinsames Auftreten', 'Schlüsselbegriffe', 'Perspektiven', 'Hinweise und Probleme']);
    expect(headings(renderHtml(htmlReport(), EN))).toEqual(['Summary', 'Frequencies', 'Breakdowns', 'Co-occurrence', 'Key terms', 'Perspectives', 'Notes and problems']);
    expect(html.match(/<h4>Belegstellen \(\d Einheit(en)?\)<\/h4>/g)).toEqual(['<h4>Belegstellen (2 Einheiten)</h4>', '<h4>Belegstellen (1 Einheit)</h4>']);
  });

  test('speaks the codebook language by default, the messages given otherwise, German when the report names none', () => {
    const english = htmlReport();
    english.codebook.language = 'en';
    expect(renderHtml(english)).toContain('<html lang="en">');
    expect(renderHtml(english)).toBe(renderHtml(htmlReport(), EN));
    const old = htmlReport();
    delete old.codebook.language;
    expect(renderHtml(old)).toBe(html);
    expect(renderHtml(htmlReport(), { messages: messagesFor('de') })).toBe(html);
  });

  test('an English page has no German word of its own (only the codebook and the transcripts speak German)', () => {
    const en = renderHtml(htmlReport(), EN);
    expect(en).toContain('<title>ISoG Fokusgruppe – analysis report</title>');
    for (const word of ['Häufigkeit', 'Kategorie', 'Segmente', 'Einheit', 'Sprecher:in', 'Zeile', 'Belegstelle', 'Perspektive', 'Stützung', 'Gruppe', 'Anteil', 'Transkript', 'Kodierleitfaden', 'Erstellt', 'Kodierung', 'deklariert', 'seltener', 'häufiger']) {
      expect(en, word).not.toContain(word);
    }
    expect(en).toContain('<p class="stats">Support <strong>2</strong> (minimum 2, counted by unit) · 2 transcripts · 2 speakers</p>');
    expect(en).toContain('<td class="num">100.0%</td>');
  });

  test('references nothing outside the page and runs no script', () => {
    for (const s of ['http://', 'https://', '<script', '<link', '<img', ' src=', 'url(', '@import', '@font-face']) {
      expect(html, s).not.toContain(s);
    }
  });

  test('is deterministic: the same report gives the same bytes, also after a JSON round trip', () => {
    expect(renderHtml(htmlReport())).toBe(html);
    expect(renderHtml(JSON.parse(JSON.stringify(htmlReport())) as Report)).toBe(html);
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  test('print styles: landscape pages for wide tables, collapsed lists open, no navigation, sections on new pages', () => {
    expect(html).toContain('@page wide{size:A4 landscape;margin:12mm}');
    expect(html).toContain('section:has(.wide){page:wide}');
    expect(html).toContain('details::details-content{content-visibility:visible;display:block;height:auto}');
    expect(html).toMatch(/@media print\{\nbody\{[^}]*\}main\{[^}]*\}nav\{display:none\}/);
    expect(html).toContain('section{break-before:page}section.summary{break-before:auto}');
  });
});

describe('renderHtml: header, summary and contents', () => {
  const html = renderHtml(htmlReport());

  test('header shows codebook and options, the inputs in a collapsed list with their character encoding', () => {
    expect(html).toContain('<h1>ISoG Fokusgruppe <span class="version">Version 1.2</span></h1>');
    expect(html).toContain(
      '<p class="meta">Kodierleitfaden <code>codebooks/isog-fokusgruppe.yaml</code> · sha256 <code title="ab12cd34ef56' + '0'.repeat(52) + '">ab12cd34ef56</code> · ' +
        'Einheit: Redebeitrag · Moderation: M · Aufschlüsselung: Gruppe</p>',
    );
    expect(html).toContain(
      '<details class="inputs"><summary>Eingabedateien (2)</summary>\n<div class="scroll"><table class="inputs">\n' +
        '<thead><tr><th scope="col">Datei</th><th scope="col">Format</th><th scope="col">Zeichenkodierung</th><th scope="col">sha256</th></tr></thead>',
    );
    expect(html).toContain(
      `<tr><td>interview-b.txt</td><td>text</td><td>windows-1252</td><td><code title="sha256 fedcba9876543210${'b'.repeat(48)}">fedcba987654</code></td></tr>`,
    );
    expect(html).not.toMatch(/>Kodierung</);
  });

  test('the summary gives the totals, the most frequent categories and the perspectives at a glance', () => {
    const s = sectionOf(html, 'ueberblick');
    expect([...s.matchAll(/<dt>([^<]+)<\/dt><dd>(\d+)<\/dd>/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'Transkripte 2', 'Einheiten 4', 'kodierbare Einheiten 3', 'Sprecher:innen 3', 'Kategorien 7', 'Perspektiven 2', 'übersprungene Dateien 0',
    ]);
    expect([...s.matchAll(/<li><span class="label" title="([^"]+)">[^<]+<\/span> <span class="num">([^<]+)<\/span><\/li>/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'bedarfe 2 · 66,7\u202f%', 'bedarfe/personal 2 · 66,7\u202f%', 'belastungen 2 · 66,7\u202f%', 'bedarfe/zeit 1 · 33,3\u202f%', 'ressourcen 1 · 33,3\u202f%',
    ]);
    expect(s).toContain(
      '<tr><th scope="row"><a href="#perspektive-kooperation">Kooperation &quot;stärken&quot;</a></th><td>emergent</td><td class="num">1</td><td class="num">1</td><td class="num">1,50 (p = 0,250)</td></tr>',
    );
    expect(s).not.toContain('class="more"');
  });

  test('the summary names eight perspectives and links the rest', () => {
    const report = htmlReport();
    const first = report.perspectives[0]!;
    report.perspectives = Array.from({ length: 11 }, (_, i) => ({ ...first, code: `p${i}`, label: `P${i}` }));
    const s = sectionOf(renderHtml(report), 'ueberblick');
    expect(s.match(/<tr><th scope="row"><a href="#perspektive-p\d+">/g)).toHaveLength(8);
    expect(s).toContain('<p class="more"><a href="#perspektiven">… und 3 weitere Perspektiven</a></p>');
  });

  test('the contents list the sections present', () => {
    expect(html).toContain(
      '<nav aria-label="Inhalt"><ol><li><a href="#haeufigkeiten">Häufigkeiten</a></li><li><a href="#aufschluesselung">Aufschlüsselung</a></li>' +
        '<li><a href="#kookkurrenzen">Gemeinsames Auftreten</a></li><li><a href="#schluesselbegriffe">Schlüsselbegriffe</a></li>' +
        '<li><a href="#perspektiven">Perspektiven</a></li><li><a href="#probleme">Hinweise</a></li></ol></nav>',
    );
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

describe('renderHtml: frequencies and key terms', () => {
  const html = renderHtml(htmlReport());
  const freq = sectionOf(html, 'haeufigkeiten');

  test('one bar per category in report order, widths relative to the largest share, in a scroll container', () => {
    const rows = [...freq.matchAll(/data-category="([^"]+)".*?<rect class="fill" width="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([
      ['bedarfe', '100'], ['bedarfe/personal', '100'], ['bedarfe/zeit', '50'], ['ressourcen', '50'],
      ['ressourcen/netzwerke', '50'], ['ressourcen/ehrenamt', '0'], ['belastungen', '100'],
    ]);
    expect(freq.match(/<svg class="bar"[^>]*><title>/g)).toHaveLength(7);
    expect(freq).toContain('<div class="scroll"><table class="freq">');
  });

  test('indents children and shows counts and German shares', () => {
    expect(freq).toContain(
      '<tr class="level-2" data-category="bedarfe/zeit"><th scope="row" style="padding-left:1.75rem">Zeit<code>bedarfe/zeit</code></th>',
    );
    expect(freq).toContain(
      '<title>Zeit: 1 Segment, 33,3\u202f%</title><rect class="track" width="100" height="10"/><rect class="fill" width="50" height="10"/></svg></td>' +
        '<td class="num">1</td><td class="num">33,3\u202f%</td><td class="num">1</td><td class="num">1</td><td class="num">1</td></tr>',
    );
    expect(freq).toContain('<caption>Kodierte Segmente je Kategorie; Anteil an 3 kodierbaren Einheiten. Balkenlänge relativ zur häufigsten Kategorie.</caption>');
  });

  test('key terms: one row per category that has any, strongest first, counts and G² as tooltip', () => {
    const k = sectionOf(html, 'schluesselbegriffe');
    expect(k.match(/<tr><th scope="row"/g)).toHaveLength(2);
    expect(k).toContain(
      '<tr><th scope="row" style="padding-left:0.5rem">Bedarfe</th><td><span class="term" title="Einheiten der Kategorie: 2, übrige Einheiten: 0, G² 3,8">personal</span>, ' +
        '<span class="term" title="Einheiten der Kategorie: 1, übrige Einheiten: 0, G² 1,9">mehr</span></td></tr>',
    );
    const none = htmlReport();
    none.keyterms = [];
    expect(sectionOf(renderHtml(none), 'schluesselbegriffe')).toContain('<p class="empty">Keine Schlüsselbegriffe.</p>');
    delete none.keyterms;
    expect(renderHtml(none)).not.toContain('schluesselbegriffe');
  });
});

describe('renderHtml: breakdowns, comparisons and co-occurrence', () => {
  const html = renderHtml(htmlReport());
  const b = sectionOf(html, 'aufschluesselung');

  test('a breakdown table has the coded categories as rows and the values with their n as columns', () => {
    expect(b).toContain(
      '<thead><tr><th scope="col">Kategorie</th><th scope="col" class="num">Jugendhilfe<br><span class="n" title="1 kodierbare Einheit">n\u202f=\u202f1</span></th>' +
        '<th scope="col" class="num">Kita<br><span class="n" title="1 kodierbare Einheit">n\u202f=\u202f1</span></th></tr></thead>',
    );
    expect(b).toContain(
      '<tr><th scope="row" style="padding-left:1.75rem">Personal</th><td class="num zero">0</td><td class="num" title="1 · 100,0\u202f%">1 <small>100,0\u202f%</small></td></tr>',
    );
    expect(b.match(/<tr><th scope="row"/g)).toHaveLength(6);
    expect(b).not.toContain('>Ehrenamt<');
  });

  test('significant comparisons are flagged with their direction and p, and listed', () => {
    expect(b).toContain(
      '<td class="num more" title="1 · 100,0\u202f%">1 <small>100,0\u202f%</small> <span class="flag more" title="häufiger als bei den übrigen: 100,0\u202f% gegenüber 0,0\u202f%, p = 0,033">▲<span class="p">\u202f0,033</span></span></td>',
    );
    expect(b).toContain('<td class="num zero less">0 <span class="flag less" title="seltener als bei den übrigen: 0,0\u202f% gegenüber 100,0\u202f%, p &lt; 0,001">▼<span class="p">\u202f&lt; 0,001</span></span></td>');
    expect(b).toContain('<details class="differences"><summary>Signifikante Unterschiede nach Gruppe (2)</summary>');
    expect(b).toContain(
      '<tr><td>Jugendhilfe</td><td>Ressourcen</td><td class="flag more">▲ häufiger</td><td class="num">1/1</td><td class="num">100,0\u202f%</td><td class="num">0,0\u202f%</td><td class="num">0,033</td></tr>',
    );
    expect(b).toContain('<p class="legend">▲ häufiger, ▼ seltener als in allen übrigen kodierbaren Einheiten, mit p des exakten Tests nach Fisher (p &lt; 0,05); n = kodierbare Einheiten.</p>');
  });

  test('without comparisons there are no n, flags or lists; a table of many values is dense in print', () => {
    const report = htmlReport();
    delete report.comparisons;
    const plain = sectionOf(renderHtml(report), 'aufschluesselung');
    expect(plain).not.toContain('class="n"');
    expect(plain).not.toContain('class="legend"');
    expect(plain).not.toContain('<details');
    report.breakdowns[0]!.rows = Array.from({ length: 9 }, (_, i) => ({ value: `v${i}`, category: 'bedarfe', segments: 1, share: 1 }));
    expect(renderHtml(report)).toContain('<table class="breakdown dense" data-dimension="group">');
  });

  test('every category is shown however many there are: no cut at 30', () => {
    const report = htmlReport();
    const n = 45;
    const codes = Array.from({ length: n }, (_, i) => `k${String(i).padStart(2, '0')}`);
    report.categories = codes.map((c) => ({ path: c, label: c.toUpperCase(), level: 1 }));
    report.frequencies = codes.map((c) => ({ category: c, label: c.toUpperCase(), level: 1, segments: 1, share: 0.1, matches: 1, transcripts: 1, speakers: 1 }));
    report.breakdowns = [{ dimension: 'speaker', rows: codes.map((c) => ({ value: 'gruppe-a.txt:B1', category: c, segments: 1, share: 0.5 })) }];
    report.comparisons = [];
    report.cooccurrence = codes.slice(1).map((c) => ({ a: 'k00', b: c, segments: 1, jaccard: 0.5 }));
    const page = renderHtml(report);
    expect(sectionOf(page, 'aufschluesselung').match(/<tr><th scope="row"/g)).toHaveLength(n);
    const heat = sectionOf(page, 'kookkurrenzen');
    expect(heat.match(/<tr><th scope="row">/g)).toHaveLength(n);
    expect(heat.match(/<th scope="col" title=/g)).toHaveLength(n);
  });

  test('the heat map lists the coded categories and fills both cells of each pair', () => {
    const h = sectionOf(html, 'kookkurrenzen');
    expect([...h.matchAll(/<span class="idx">\d+<\/span> ([^<]+)<\/th>/g)].map((m) => m[1])).toEqual([
      'Bedarfe', 'Personal', 'Zeit', 'Ressourcen', 'Netzwerke &amp; Kooperation', 'Belastungen',
    ]);
    expect(h.match(/<td class="cell"/g)).toHaveLength(10);
    expect(h.match(/<td class="diag"/g)).toHaveLength(6);
    expect(h).toContain('<div class="scroll wide"><table class="heat">');
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

/** A unit of the fixture's transcripts with one coding of `bedarfe` on its first word. */
function unit(transcript: string, segment: number, text: string): CodedUnit {
  return {
    transcript, segment, turn: segment, speaker: `S${segment}`, moderator: false, line: segment * 2, text, attributes: {},
    codings: [{ transcript, segment, category: 'bedarfe', matches: [{ by: 'x', start: 0, end: text.indexOf(' ') }], hits: 1 }],
  };
}

describe('renderHtml: perspectives and their evidence', () => {
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
    expect(p).toContain('<p class="stats">Stützung <strong>2</strong> (Minimum 2, gezählt je Einheit) · 2 Transkripte · 2 Sprecher:innen</p>');
    expect(p).toContain('<ul class="chips" aria-label="Kategorien"><li title="bedarfe/personal">Personal</li><li title="belastungen">Belastungen</li></ul>');
    expect(p).toContain('<span class="badge warn">unter Mindeststützung</span>');
    expect(p).not.toContain('<details');
  });

  test('an emergent perspective shows its lift and p, groups and key terms', () => {
    const p = sectionOf(renderHtml(htmlReport()), 'perspektiven');
    expect(p).toContain(
      '<p class="stats" title="Lift: beobachtete ÷ erwartete Stützung, wenn die Kategorien unabhängig aufträten; p: einseitiger hypergeometrischer Test">' +
        'Stützung <strong>1</strong> (Minimum 2, gezählt je Einheit) · 1 Transkript · 1 Sprecher:in · Lift <strong>1,50</strong>, p = 0,250</p>\n' +
        '<p class="stats">Gruppen: Jugendhilfe</p>\n<p class="stats">Schlüsselbegriffe: <span class="term">kooperation</span>, <span class="term">jugendamt</span></p>',
    );
  });

  test('quotes the first units of each transcript in turn and lists every other unit of the evidence', () => {
    const report = htmlReport();
    const long = `Anfang ${'lang '.repeat(40)}Ende`;
    report.units.push(unit('gruppe-a.txt', 4, 'Viertens kurz.'), unit('gruppe-a.txt', 5, long), unit('interview-b.txt', 2, 'Zweitens dort.'));
    report.perspectives[0]!.evidence = ['gruppe-a.txt#2', 'gruppe-a.txt#4', 'gruppe-a.txt#5', 'interview-b.txt#1', 'interview-b.txt#2'];
    const p = sectionOf(renderHtml(report, { maxQuotes: 3 }), 'perspektiven');
    const first = p.slice(0, p.indexOf('</article>'));
    expect([...first.matchAll(/<figure class="quote" data-unit="([^"]+)"/g)].map((m) => m[1])).toEqual(['gruppe-a.txt#2', 'interview-b.txt#1', 'gruppe-a.txt#4']);
    expect(first).toContain('<p class="more">3 von 5 Einheiten zitiert, abwechselnd aus den Transkripten.</p>');
    expect(first).toContain(
      '<details class="evidence"><summary>Die 2 weiteren Einheiten</summary>\n' +
        '<p class="in"><span class="transcript">gruppe-a.txt</span> (1)</p>\n<ol class="evidence">\n' +
        `<li data-unit="gruppe-a.txt#5"><b>S5</b> · Zeile 10 <q>Anfang ${'lang '.repeat(21)}lang…</q></li>\n</ol>\n` +
        '<p class="in"><span class="transcript">interview-b.txt</span> (1)</p>\n<ol class="evidence">\n' +
        '<li data-unit="interview-b.txt#2"><b>S2</b> · Zeile 4 <q>Zweitens dort.</q></li>\n</ol>\n</details>\n',
    );
  });

  test('beyond maxSnippets the units are named by speaker and line, by transcript', () => {
    const report = htmlReport();
    report.units.push(unit('gruppe-a.txt', 4, 'Viertens kurz.'), unit('gruppe-a.txt', 5, 'Fünftens.'), unit('interview-b.txt', 2, 'Zweitens dort.'));
    report.perspectives[0]!.evidence = ['gruppe-a.txt#2', 'gruppe-a.txt#4', 'gruppe-a.txt#5', 'interview-b.txt#1', 'interview-b.txt#2'];
    const p = sectionOf(renderHtml(report, { maxQuotes: 1, maxSnippets: 1 }), 'perspektiven');
    expect(p).toContain(
      '<details class="evidence"><summary>Die 4 weiteren Einheiten</summary>\n' +
        '<p class="legend">Die erste Einheit mit dem Anfang ihres Textes, die übrigen nach Sprecher:in und Zeilen.</p>\n' +
        '<p class="refs"><span class="transcript">gruppe-a.txt</span> (2): <b>S4</b>: 8 · <b>S5</b>: 10</p>\n' +
        '<p class="in"><span class="transcript">interview-b.txt</span> (2)</p>\n<ol class="evidence">\n' +
        '<li data-unit="interview-b.txt#1"><b>C</b> · Zeile 1 <q>Personal fehlt überall, die Belastung ist &#39;hoch&#39;.</q></li>\n</ol>\n' +
        '<p class="refs">weitere Einheit (Sprecher:in: Zeile): <b>S2</b>: 4</p>\n</details>\n',
    );
  });

  test('units named by speaker and line are grouped by speaker in the order they first speak; a unit the report lacks by its segment', () => {
    const report = htmlReport();
    report.units.push(unit('gruppe-a.txt', 4, 'Vier.'), { ...unit('gruppe-a.txt', 5, 'Fünf.'), speaker: 'B1' }, unit('gruppe-a.txt', 6, 'Sechs.'));
    report.perspectives[0]!.evidence = ['gruppe-a.txt#2', 'gruppe-a.txt#4', 'gruppe-a.txt#5', 'gruppe-a.txt#6', 'gruppe-a.txt#7'];
    const p = sectionOf(renderHtml(report, { maxQuotes: 0, maxSnippets: 0 }), 'perspektiven');
    expect(p).toContain('<p class="refs"><span class="transcript">gruppe-a.txt</span> (5): <b>B1</b>: 5, 10 · <b>S4</b>: 8 · <b>S6</b>: 12 · <span class="missing">#7</span></p>');
    expect(p).toContain('<p class="legend">Nach Sprecher:in und Zeilen.</p>');
  });

  test('with maxQuotes 0 every unit is listed, none quoted; a unit the report lacks is named', () => {
    const report = htmlReport();
    report.perspectives[0]!.evidence = ['gruppe-a.txt#2', 'gruppe-a.txt#9'];
    const p = sectionOf(renderHtml(report, { maxQuotes: 0 }), 'perspektiven');
    expect(p).not.toContain('<figure');
    expect(p).toContain('<summary>Die 2 weiteren Einheiten</summary>');
    expect(p).toContain('<li data-unit="gruppe-a.txt#2"><b>B1</b> · Zeile 5 · 00:00:12–00:00:30 <q>Wir brauchen mehr Personal &amp; mehr Zeit für die Familien.</q></li>');
    expect(p).toContain('<li data-unit="gruppe-a.txt#9" class="missing">gruppe-a.txt#9: Text nicht im Bericht enthalten.</li>');
    expect(p).toContain('<summary>Die weitere Einheit</summary>');
  });

  test('marks all codings when none is of the perspective, and names a quoted unit missing from the units', () => {
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
    expect(html).toContain('<p class="empty">Keine Perspektiven.</p>');
    expect(html).not.toContain('id="aufschluesselung"');
    expect(html).not.toContain('id="probleme"');
    expect(html).toContain(
      '<nav aria-label="Inhalt"><ol><li><a href="#haeufigkeiten">Häufigkeiten</a></li><li><a href="#kookkurrenzen">Gemeinsames Auftreten</a></li>' +
        '<li><a href="#schluesselbegriffe">Schlüsselbegriffe</a></li><li><a href="#perspektiven">Perspektiven</a></li></ol></nav>',
    );
  });
});
