import type { CodedUnit, PerspectiveResult, Problem, Report } from '../types.js';
import { splitSpeakerId } from './csv.js';
import { formatTime } from './format.js';
import { CSS, REVIEW_CSS } from './html-style.js';

/** How many quotes the HTML report shows per perspective when not told otherwise. */
export const DEFAULT_MAX_QUOTES = 5;

/** Options of the HTML report. */
export interface HtmlOptions {
  /** How many quotes to show per perspective (default 5); the rest are counted, not shown. */
  maxQuotes?: number;
}

/** A highlighted span of a unit's text: offsets in UTF-16 units, with the hits that made it. */
export interface HighlightSpan {
  start: number;
  end: number;
  hits: string[];
}

// Without a prototype: `--by constructor` names a participants column, not Object's constructor.
const DIMENSIONS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, { speaker: 'Sprecher:in', group: 'Gruppe', transcript: 'Transkript' });
const UNIT_KINDS: Record<string, string> = { turn: 'Redebeitrag', sentence: 'Satz' };

/** Escape text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}

const esc = escapeHtml;

/** A number with German decimal comma and a fixed number of decimals. */
function num(x: number, digits: number): string {
  return (Number.isFinite(x) ? x : 0).toFixed(digits).replace('.', ',');
}

/** A share (0…1) as a German percentage with one decimal (`66,7 %`). */
function pct(share: number): string {
  return `${num(share * 100, 1)}\u202f%`;
}

/** Round to two decimals for SVG coordinates, without trailing zeros. */
function coord(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** Singular or plural of a German noun by count. */
function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The label of every category, by full code, from the codebook list and then the frequencies. */
function labelsOf(report: Report): Map<string, string> {
  const labels = new Map<string, string>();
  for (const c of [...report.categories, ...report.frequencies]) {
    const path = 'path' in c ? c.path : c.category;
    if (!labels.has(path)) labels.set(path, c.label);
  }
  return labels;
}

/** A section with an id for the table of contents. */
function section(id: string, title: string, body: string): string {
  return `<section id="${id}" aria-labelledby="${id}-h">\n<h2 id="${id}-h">${esc(title)}</h2>\n${body}</section>\n`;
}

/** A paragraph for a section with nothing to show. */
function empty(text: string): string {
  return `<p class="empty">${esc(text)}</p>\n`;
}

/** Header: codebook, totals, options and the input files with their sha256 prefixes. */
function renderHeader(report: Report): string {
  const { codebook: cb, totals: t, options: o } = report;
  const version = cb.version ? ` <span class="version">Version ${esc(cb.version)}</span>` : '';
  const facts: [string, number][] = [
    ['Transkripte', t.transcripts],
    ['Einheiten', t.units],
    ['codierbare Einheiten', t.codableUnits],
    ['Sprecher:innen', t.speakers],
    ['übersprungene Dateien', t.skipped],
  ];
  const inputs = report.inputs
    .map(
      (i) =>
        `<tr><td>${esc(i.id)}</td><td>${esc(i.format)}</td><td>${esc(i.encoding)}</td>` +
        `<td><code title="sha256 ${esc(i.sha256)}">${esc(i.sha256.slice(0, 12))}</code></td></tr>`,
    )
    .join('\n');
  const opts = [
    `Einheit: ${esc(UNIT_KINDS[o.unit] ?? o.unit)}`,
    `Moderation: ${o.moderators.length ? o.moderators.map(esc).join(', ') : '–'}`,
    `Aufschlüsselung: ${o.by.length ? o.by.map((d) => esc(DIMENSIONS[d] ?? d)).join(', ') : '–'}`,
    ...(o.participants ? [`Teilnehmende: <code title="sha256 ${esc(o.participants.sha256)}">${esc(o.participants.path)}</code>`] : []),
    ...(o.review?.length ? [`Durchsicht: ${o.review.map((f) => `<code title="sha256 ${esc(f.sha256)}">${esc(f.path)}</code>`).join(', ')}`] : []),
    ...(o.where?.length ? [`Auswahl (--where): ${o.where.map((w) => `<code>${esc(w)}</code>`).join(', ')}`] : []),
  ];
  return (
    `<header>\n<p class="kicker">Auswertungsbericht · Qualitative Inhaltsanalyse</p>\n` +
    `<h1>${esc(cb.name)}${version}</h1>\n` +
    `<p class="meta">Codebuch <code>${esc(cb.file)}</code> · sha256 <code title="${esc(cb.sha256)}">${esc(cb.sha256.slice(0, 12))}</code> · ${opts.join(' · ')}</p>\n` +
    `<dl class="totals">${facts.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${v}</dd></div>`).join('')}</dl>\n` +
    `<table class="inputs"><caption>Eingabedateien (${report.inputs.length})</caption>\n<thead><tr><th scope="col">Datei</th><th scope="col">Format</th><th scope="col">Kodierung</th><th scope="col">sha256</th></tr></thead>\n` +
    `<tbody>\n${inputs}\n</tbody></table>\n</header>\n`
  );
}

/** Table of contents for the sections present. */
function renderNav(report: Report): string {
  const items: [string, string][] = [['haeufigkeiten', 'Häufigkeiten']];
  if (report.breakdowns.length) items.push(['aufschluesselung', 'Aufschlüsselung']);
  items.push(['kookkurrenzen', 'Ko-Okkurrenzen'], ['perspektiven', 'Entwicklungsperspektiven']);
  if (report.problems.length) items.push(['probleme', 'Hinweise']);
  return `<nav aria-label="Inhalt"><ol>${items.map(([id, t]) => `<li><a href="#${id}">${esc(t)}</a></li>`).join('')}</ol></nav>\n`;
}

/** Frequencies as a table with one SVG bar per category, parents before children, indented by level. */
function renderFrequencies(report: Report): string {
  const rows = report.frequencies;
  if (!rows.length) return section('haeufigkeiten', 'Häufigkeiten', empty('Keine Kategorien.'));
  const max = Math.max(...rows.map((r) => r.share));
  const body = rows
    .map((r) => {
      const width = max > 0 ? (r.share / max) * 100 : 0;
      const tip = `${r.label}: ${plural(r.segments, 'Segment', 'Segmente')}, ${pct(r.share)}`;
      return (
        `<tr class="level-${Math.min(r.level, 4)}" data-category="${esc(r.category)}">` +
        `<th scope="row" style="padding-left:${coord(0.5 + (r.level - 1) * 1.25)}rem">${esc(r.label)}<code>${esc(r.category)}</code></th>` +
        `<td class="chart"><svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${esc(tip)}">` +
        `<title>${esc(tip)}</title><rect class="track" width="100" height="10"/><rect class="fill" width="${coord(width)}" height="10"/></svg></td>` +
        `<td class="num">${r.segments}</td><td class="num">${pct(r.share)}</td><td class="num">${r.matches}</td>` +
        `<td class="num">${r.transcripts}</td><td class="num">${r.speakers}</td></tr>`
      );
    })
    .join('\n');
  return section(
    'haeufigkeiten',
    'Häufigkeiten',
    `<table class="freq"><caption>Codierte Segmente je Kategorie; Anteil an ${plural(report.totals.codableUnits, 'codierbaren Einheit', 'codierbaren Einheiten')}. ` +
      `Balkenlänge relativ zur häufigsten Kategorie.</caption>\n<thead><tr><th scope="col">Kategorie</th><th scope="col" class="chart">Verteilung</th>` +
      `<th scope="col" class="num">Segmente</th><th scope="col" class="num">Anteil</th><th scope="col" class="num">Treffer</th>` +
      `<th scope="col" class="num">Transkripte</th><th scope="col" class="num">Sprecher:innen</th></tr></thead>\n<tbody>\n${body}\n</tbody></table>\n`,
  );
}

/** One compact table per breakdown dimension: categories as rows, the dimension's values as columns. */
function renderBreakdowns(report: Report, labels: Map<string, string>): string {
  if (!report.breakdowns.length) return '';
  const order = report.frequencies.map((f) => f.category);
  const tables = report.breakdowns.map((b) => {
    const values = [...new Set(b.rows.map((r) => r.value))];
    const cats = [...new Set([...order.filter((c) => b.rows.some((r) => r.category === c)), ...b.rows.map((r) => r.category)])];
    const cell = new Map(b.rows.map((r) => [`${r.category}\u0000${r.value}`, r]));
    const name = DIMENSIONS[b.dimension] ?? b.dimension;
    const ids = report.inputs.map((i) => i.id);
    // By speaker: the label, with its transcript below it (not `file:label`).
    const title = (v: string): string => {
      if (b.dimension !== 'speaker') return esc(v || '–');
      const [transcript, speaker] = splitSpeakerId(v, ids);
      return `${esc(speaker || '–')}<br><small>${esc(transcript)}</small>`;
    };
    const head = values.map((v) => `<th scope="col" class="num">${title(v)}</th>`).join('');
    const body = cats
      .map((c) => {
        const tds = values.map((v) => {
          const r = cell.get(`${c}\u0000${v}`);
          return r ? `<td class="num" title="${esc(`${r.segments} · ${pct(r.share)}`)}">${r.segments} <small>${pct(r.share)}</small></td>` : '<td class="num zero">0</td>';
        });
        const level = c.split('/').length;
        return `<tr><th scope="row" style="padding-left:${coord(0.5 + (level - 1) * 1.25)}rem">${esc(labels.get(c) ?? c)}</th>${tds.join('')}</tr>`;
      })
      .join('\n');
    return (
      `<div class="scroll"><table class="breakdown" data-dimension="${esc(b.dimension)}"><caption>Nach ${esc(name)}: Segmente und Anteil an den codierbaren Einheiten</caption>\n` +
      `<thead><tr><th scope="col">Kategorie</th>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>\n`
    );
  });
  return section('aufschluesselung', 'Aufschlüsselung', tables.join(''));
}

/** A channel value between `a` (at t = 0) and `b` (at t = 1), rounded. */
function mix(a: number, b: number, t: number): number {
  return Math.round(a + (b - a) * t);
}

/** A background colour from pale to dark blue for an intensity in 0…1, with a readable text colour. */
function shade(t: number): string {
  const rgb = [mix(241, 23, t), mix(246, 63, t), mix(251, 114, t)];
  // Pick the text colour with the higher WCAG contrast against the cell (ink #1a1a1a has luminance ≈ 0.01).
  const lin = rgb.map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
  const lum = 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
  const ink = 1.05 / (lum + 0.05) > (lum + 0.05) / 0.06 ? '#fff' : '#1a1a1a';
  return `background-color:rgb(${rgb.join(',')});color:${ink}`;
}

/** Co-occurrence as a heat map: categories × categories, shaded by Jaccard, with the count in each cell. */
function renderCooccurrence(report: Report, labels: Map<string, string>): string {
  const rows = report.cooccurrence;
  const title = 'Ko-Okkurrenzen';
  if (!rows.length) return section('kookkurrenzen', title, empty('Keine Kategorien treten gemeinsam in einer Einheit auf.'));
  const used = new Set(rows.flatMap((r) => [r.a, r.b]));
  const order = [...report.frequencies.map((f) => f.category), ...[...used].sort()];
  const cats = [...new Set(order.filter((c) => used.has(c)))];
  const pair = new Map(rows.flatMap((r) => [[`${r.a}\u0000${r.b}`, r], [`${r.b}\u0000${r.a}`, r]] as const));
  const max = Math.max(...rows.map((r) => r.jaccard));
  const head = cats.map((c, i) => `<th scope="col" title="${esc(labels.get(c) ?? c)}">${i + 1}</th>`).join('');
  const body = cats
    .map((a, i) => {
      const tds = cats.map((b) => {
        if (a === b) return '<td class="diag" aria-label="–"></td>';
        const r = pair.get(`${a}\u0000${b}`);
        if (!r) return '<td class="none"></td>';
        const tip = `${labels.get(a) ?? a} × ${labels.get(b) ?? b}: ${plural(r.segments, 'Segment', 'Segmente')}, Jaccard ${num(r.jaccard, 2)}`;
        return `<td class="cell" style="${shade(max > 0 ? r.jaccard / max : 0)}" title="${esc(tip)}" data-jaccard="${coord(r.jaccard)}">${r.segments}</td>`;
      });
      return `<tr><th scope="row"><span class="idx">${i + 1}</span> ${esc(labels.get(a) ?? a)}</th>${tds.join('')}</tr>`;
    })
    .join('\n');
  const legend =
    `<p class="legend"><span>Jaccard 0</span><span class="ramp" style="background:linear-gradient(to right,rgb(241,246,251),rgb(23,63,114))"></span>` +
    `<span>${num(max, 2)}</span></p>\n`;
  return section(
    'kookkurrenzen',
    title,
    `<div class="scroll"><table class="heat"><caption>Gemeinsam codierte Einheiten je Kategorienpaar; Färbung nach Jaccard-Koeffizient.</caption>\n` +
      `<thead><tr><th scope="col">Kategorie</th>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>\n${legend}`,
  );
}

/** The unit's text as HTML with the given spans wrapped in `<mark>`; overlapping spans are merged. */
export function highlight(text: string, spans: readonly HighlightSpan[]): string {
  const sorted = spans
    .map((s) => ({ start: Math.max(0, Math.min(s.start, text.length)), end: Math.min(s.end, text.length), hits: s.hits }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: HighlightSpan[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      last.hits.push(...s.hits);
    } else merged.push({ ...s, hits: [...s.hits] });
  }
  let out = '';
  let at = 0;
  for (const s of merged) {
    out += esc(text.slice(at, s.start));
    out += `<mark title="${esc([...new Set(s.hits)].join('; '))}">${esc(text.slice(s.start, s.end))}</mark>`;
    at = s.end;
  }
  return out + esc(text.slice(at));
}

/** One quote: the unit's text with the matches of the given categories marked, and where it was said. */
function renderQuote(unit: CodedUnit, categories: ReadonlySet<string>, labels: Map<string, string>): string {
  const codings = unit.codings.filter((c) => categories.has(c.category));
  const spans = (codings.length ? codings : unit.codings).flatMap((c) =>
    c.matches.map((m) => ({ start: m.start, end: m.end, hits: [`${labels.get(c.category) ?? c.category}: ${m.by}`] })),
  );
  const time = formatTime(unit.start);
  const span = time && unit.end !== undefined ? `${time}–${formatTime(unit.end)}` : time;
  // Codings a reviewer made (`analyze --review`) are marked, since no term or rule shows for them.
  const reviewed = codings.filter((c) => c.source === 'review' && !codings.some((k) => k.source === 'review' && k.category.startsWith(c.category + '/')));
  const where = [
    ...reviewed.map((c) => `<span class="reviewed" title="${esc(`${labels.get(c.category) ?? c.category}: ${REVIEWED_TITLE}`)}">${REVIEWED_MARK} ${esc(labels.get(c.category) ?? c.category)}</span>`),
    `<span class="speaker">${esc(unit.speaker || '(ohne Sprecher:in)')}</span>`,
    `<span class="transcript">${esc(unit.transcript)}</span>`,
    ...(span ? [`<span class="time">${esc(span)}</span>`] : []),
    `<span class="line">Zeile ${unit.line}</span>`,
    `<span class="segment">Segment ${unit.segment}</span>`,
  ];
  return (
    `<figure class="quote" data-unit="${esc(`${unit.transcript}#${unit.segment}`)}"><blockquote>${highlight(unit.text, spans)}</blockquote>` +
    `<figcaption>${where.join(' · ')}</figcaption></figure>`
  );
}

/** One perspective: label, kind, support, categories and up to `maxQuotes` quotes of its evidence. */
function renderPerspective(p: PerspectiveResult, units: Map<string, CodedUnit>, labels: Map<string, string>, maxQuotes: number): string {
  const cats = new Set(p.categories);
  const low = p.support < p.minSupport ? ' <span class="badge warn">unter Mindeststützung</span>' : '';
  const chips = p.categories.map((c) => `<li title="${esc(c)}">${esc(labels.get(c) ?? c)}</li>`).join('');
  const quotes = p.evidence.slice(0, maxQuotes).map((id) => {
    const unit = units.get(id);
    return unit ? renderQuote(unit, cats, labels) : `<p class="missing">${esc(id)}: Text nicht im Bericht enthalten.</p>`;
  });
  const rest = p.evidence.length - quotes.length;
  const more = rest > 0 ? `<p class="more">… und ${plural(rest, 'weitere Belegstelle', 'weitere Belegstellen')}.</p>` : '';
  return (
    `<article class="perspective ${p.kind}" id="perspektive-${esc(p.code)}">\n` +
    `<h3>${esc(p.label)} <span class="badge">${p.kind === 'declared' ? 'deklariert' : 'emergent'}</span>${low}</h3>\n` +
    (p.description ? `<p class="description">${esc(p.description)}</p>\n` : '') +
    `<p class="stats">Stützung <strong>${p.support}</strong> (Minimum ${p.minSupport}, Ebene ${p.scope === 'unit' ? 'Einheit' : 'Transkript'}) · ` +
    `${plural(p.transcripts.length, 'Transkript', 'Transkripte')} · ${plural(p.speakers.length, 'Sprecher:in', 'Sprecher:innen')}</p>\n` +
    `<ul class="chips" aria-label="Kategorien">${chips}</ul>\n` +
    `<h4>Belegstellen</h4>\n${quotes.length ? quotes.join('\n') : empty('Keine Belegstellen.')}${more}\n</article>\n`
  );
}

/** All perspectives with their quoted evidence. */
function renderPerspectives(report: Report, labels: Map<string, string>, maxQuotes: number): string {
  const title = 'Entwicklungsperspektiven';
  if (!report.perspectives.length) return section('perspektiven', title, empty('Keine Entwicklungsperspektiven.'));
  const units = new Map(report.units.map((u) => [`${u.transcript}#${u.segment}`, u]));
  const files = report.options.review ?? [];
  const legend =
    files.length > 0
      ? `<p class="legend review-legend"><span class="reviewed">${REVIEWED_MARK}</span> ${esc(REVIEWED_TITLE)}: die Entscheidungen aus ${files.map((f) => `<code>${esc(f.path)}</code>`).join(', ')} ` +
        `ersetzen die Regeln für die Einheiten, die sie betreffen (abgelehnte Codierungen entfernt, hinzugefügte ergänzt).</p>\n`
      : '';
  return section('perspektiven', title, legend + report.perspectives.map((p) => renderPerspective(p, units, labels, maxQuotes)).join(''));
}

/** The problems list, or nothing when there are none. */
function renderProblems(problems: readonly Problem[]): string {
  if (!problems.length) return '';
  const items = problems.map((p) => {
    const place = [p.file, ...(p.line !== undefined ? [p.line, ...(p.column !== undefined ? [p.column] : [])] : [])].join(':');
    const rule = p.ruleId ? ` <small>${esc(p.ruleId)}</small>` : '';
    const badge = p.severity === 'error' ? '<span class="badge err">Fehler</span>' : '<span class="badge warn">Warnung</span>';
    return `<li class="${p.severity}">${badge} <code>${esc(place)}</code> ${esc(p.message)}${rule}</li>`;
  });
  return section('probleme', 'Hinweise und Probleme', `<ul class="problems">\n${items.join('\n')}\n</ul>\n`);
}

/** The marker of a coding a reviewer made, and what it means (the legend and the marker's title). */
const REVIEWED_MARK = '✎';
const REVIEWED_TITLE = 'von einer Person in der Durchsicht codiert (fokus review), nicht von einer Regel';

/** The whole report as one self-contained, deterministic HTML page (German labels, no network access). */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const maxQuotes = Math.max(0, options.maxQuotes ?? DEFAULT_MAX_QUOTES);
  const labels = labelsOf(report);
  const title = `${report.codebook.name} – Auswertungsbericht`;
  return (
    `<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="${esc(`${report.program.name} ${report.program.version}`)}">\n` +
    `<title>${esc(title)}</title>\n<style>${CSS}${(report.options.review ?? []).length > 0 ? REVIEW_CSS : ''}</style>\n</head>\n<body>\n<main>\n` +
    renderHeader(report) +
    renderNav(report) +
    renderFrequencies(report) +
    renderBreakdowns(report, labels) +
    renderCooccurrence(report, labels) +
    renderPerspectives(report, labels, maxQuotes) +
    renderProblems(report.problems) +
    `<footer>Erstellt mit ${esc(report.program.name)} ${esc(report.program.version)} · Codebuch ${esc(report.codebook.name)}` +
    `${report.codebook.version ? ` ${esc(report.codebook.version)}` : ''} · sha256 ${esc(report.codebook.sha256.slice(0, 12))}</footer>\n` +
    `</main>\n</body>\n</html>\n`
  );
}
