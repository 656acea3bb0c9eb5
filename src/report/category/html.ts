import { escapeHtml as esc, highlight } from '../html.js';
import { layoutReport, renderInParts, type Block, type TableBlock } from './layout.js';
import type { CategoryReport } from './model.js';

// The category report as one self-contained HTML page: no external request (a Content Security
// Policy forbids any), matched words in <mark>, styles for the screen and for print.

const CSS = `
:root{--ink:#1a1a1a;--muted:#555;--line:#d5dbe3;--soft:#f4f6f9;--accent:#173f72;--mark:#ffe58a}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
main{max-width:960px;margin:0 auto;padding:2rem 1.5rem 3rem}
.kicker{margin:0;color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.08em}
h1{margin:.2rem 0 .3rem;font-size:2rem;color:var(--accent)}
.subtitle{font-size:1.2rem;font-weight:600;margin:0 0 1rem}
h2{font-size:1.45rem;color:var(--accent);border-bottom:2px solid var(--accent);padding-bottom:.25rem;margin-top:2.4rem}
h3{font-size:1.25rem;color:var(--accent);border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
h4{font-size:1.1rem;margin-top:1.6rem}
h5,h6{font-size:1rem;margin-top:1.4rem}
.note,caption,figcaption{color:var(--muted);font-size:.85rem}
.label{margin:1rem 0 .3rem}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:1rem 0}
.facts dt{color:var(--muted)}
.facts dd{margin:0;overflow-wrap:anywhere}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;font-size:.9rem;margin:.3rem 0}
caption{text-align:left;caption-side:bottom;padding:.3rem 0}
th,td{padding:.25rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{background:var(--soft);border-bottom:2px solid var(--line)}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tbody th{font-weight:500}
th a{color:inherit;text-decoration:none}
th a:hover{text-decoration:underline}
figure.quote{margin:.8rem 0 1rem;padding:.4rem .9rem;border-left:4px solid var(--accent);background:var(--soft)}
figure.quote blockquote{margin:0;white-space:pre-line}
figure.quote figcaption{margin-top:.3rem}
mark{background:var(--mark);color:inherit;font-weight:600;padding:0 .1em}
.page-break{border:0;border-top:1px solid var(--line);margin:2rem 0}
@media print{
  @page{margin:2cm 1.8cm}
  body{font-size:10.5pt}
  main{max-width:none;padding:0}
  .page-break{break-after:page;border:0;margin:0}
  h1,h2,h3,h4,h5,h6,.label{break-after:avoid}
  figure.quote,tr{break-inside:avoid}
  .scroll{overflow:visible}
  figure.quote{background:none}
  mark{background:none;font-weight:700}
  th a{text-decoration:none}
}
`;

function table(t: TableBlock): string {
  const head = t.head.map((h, j) => `<th scope="col"${t.numeric[j] ? ' class="num"' : ''}>${esc(h)}</th>`).join('');
  const rows = t.rows.map((cells, i) => {
    const indent = t.indent?.[i] ? ` style="padding-left:${Math.round((0.6 + 1.2 * t.indent[i]!) * 100) / 100}rem"` : '';
    const link = t.links?.[i];
    const first = link !== undefined ? `<a href="#${esc(link)}">${esc(cells[0]!)}</a>` : esc(cells[0]!);
    const rest = cells.slice(1).map((c, j) => `<td${t.numeric[j + 1] ? ' class="num"' : ''}>${esc(c)}</td>`);
    return `<tr><th scope="row"${indent}>${first}</th>${rest.join('')}</tr>`;
  });
  const caption = t.caption !== undefined ? `<caption>${esc(t.caption)}</caption>` : '';
  return `<div class="scroll"><table>${caption}\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `<p class="kicker">${esc(b.kicker)}</p>\n<h1>${esc(b.text)}</h1>\n<p class="subtitle">${esc(b.subtitle)}</p>`;
    case 'heading':
      return `<h${b.level} id="${esc(b.id)}">${esc(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p${b.note ? ' class="note"' : ''}>${b.lead !== undefined ? `<strong>${esc(b.lead)}:</strong> ` : ''}${esc(b.text)}</p>`;
    case 'label':
      return `<p class="label"><strong>${esc(b.text)}</strong></p>`;
    case 'list':
      return `<ul>\n${b.items.map((i) => `<li>${esc(i)}</li>`).join('\n')}\n</ul>`;
    case 'facts':
      return `<dl class="facts">\n${b.items.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('\n')}\n</dl>`;
    case 'table':
      return table(b);
    case 'quote':
      return `<figure class="quote" data-unit="${esc(b.id)}"><blockquote>${highlight(b.text, b.marks)}</blockquote><figcaption>${esc(b.source)}</figcaption></figure>`;
    case 'page-break':
      return '<hr class="page-break">';
  }
}

/** The category report as HTML, in parts (one per heading) that joined give the page. */
export function categoryHtmlParts(report: CategoryReport): string[] {
  const blocks = layoutReport(report);
  const title = blocks.find((b) => b.kind === 'title');
  const name = title ? `${title.text} – ${report.title.codebook.name}` : report.title.codebook.name;
  const head =
    `<!DOCTYPE html>\n<html lang="${report.locale}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="${esc(report.title.program)}">\n` +
    `<title>${esc(name)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n<main>\n`;
  return [head, ...renderInParts(blocks, block, '\n'), '\n</main>\n</body>\n</html>\n'];
}

/** The category report as one self-contained, deterministic HTML page in the report's language. */
export function renderCategoryHtml(report: CategoryReport): string {
  return categoryHtmlParts(report).join('');
}
