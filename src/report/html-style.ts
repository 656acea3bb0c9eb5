// The styles of the HTML report (one self-contained page: no external sheet).

/** Styles added only to reports with review decisions, so reports without stay as they were. */
export const REVIEW_CSS = `.reviewed{display:inline-block;font-size:.72rem;font-weight:600;padding:0 .4rem;border-radius:4px;background:#e7f4ea;color:#1d5b2c;border:1px solid #b7dcc0}
`;

/**
 * The report's styles. On screen every table sits in its own scroll container (`.scroll`): a wide or
 * long table scrolls inside the page with its header row (and, in wide tables, its first column)
 * sticky, and never widens the page. In print the containers let go, wide tables shrink to the page
 * width of a landscape page (a section with one prints on landscape pages; fixed layout, small type,
 * words broken), collapsed lists are open, the navigation is hidden, and every main section starts
 * on a new page.
 */
export const CSS = `
:root{--ink:#1a1a1a;--muted:#555;--line:#d5dbe3;--soft:#f4f6f9;--accent:#173f72;--accent2:#5b8cc7;--mark:#ffe58a;--more:#1d5b2c;--less:#9b1c1c}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#fff}
main{max-width:1080px;margin:0 auto;padding:2rem 1.5rem 3rem}
header{border-bottom:3px solid var(--accent);padding-bottom:.6rem;margin-bottom:.6rem}
.kicker{margin:0;color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.08em}
h1{margin:.2rem 0 .3rem;font-size:1.8rem;color:var(--accent)}
h1 .version{font-size:1rem;font-weight:400;color:var(--muted)}
h2{font-size:1.3rem;color:var(--accent);border-bottom:1px solid var(--line);padding-bottom:.25rem;margin-top:2.2rem}
h3{font-size:1.1rem;margin:0 0 .3rem}
h4{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:1rem 0 .4rem}
.meta,.stats,caption,.legend,.more,.empty,figcaption,.in{color:var(--muted);font-size:.85rem}
code{font:.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
details>summary{cursor:pointer;color:var(--accent);font-size:.88rem;margin:.4rem 0}
nav{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid var(--line);padding:.4rem 0}
nav ol{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;list-style:none;padding:0;margin:0;font-size:.9rem}
nav a{color:var(--accent)}
section{scroll-margin-top:2.6rem}
.summary h2{margin-top:1rem}
.totals{display:flex;flex-wrap:wrap;gap:.6rem;margin:.6rem 0}
.totals div{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.3rem .8rem;min-width:7rem}
.totals dt{font-size:.75rem;color:var(--muted)}
.totals dd{margin:0;font-size:1.3rem;font-weight:600;color:var(--accent)}
.glances{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,2fr);gap:1.5rem}
.glance h3{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:.4rem 0}
.top{margin:0;padding-left:1.4rem;font-size:.9rem}
.top .num{color:var(--muted)}
.glance-table{font-size:.82rem}
.glance-table th[scope=row]{font-weight:500}
.stats{margin:.25rem 0}
.scroll{overflow:auto;max-width:100%;max-height:80vh;margin:.3rem 0}
table{border-collapse:separate;border-spacing:0;width:100%;font-size:.88rem}
caption{text-align:left;caption-side:top;padding:.3rem 0}
th,td{padding:.3rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:middle}
thead th{font-size:.78rem;color:var(--muted);font-weight:600;border-bottom:2px solid var(--line);position:sticky;top:0;background:#fff;z-index:2}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.freq th[scope=row]{font-weight:500}
.freq th code{display:block;color:var(--muted);font-size:.72rem;font-weight:400}
.freq .level-1 th{font-weight:650}
td.chart,th.chart{width:30%;min-width:8rem}
.freq tbody th{min-width:14rem}
svg.bar{display:block;width:100%;height:14px}
.bar .track{fill:var(--soft)}
.bar .fill{fill:var(--accent)}
.level-2 .bar .fill,.level-3 .bar .fill,.level-4 .bar .fill{fill:var(--accent2)}
.breakdown small,.breakdown .n{color:var(--muted);font-weight:400}
.zero{color:#8a8a8a}
.heat,.breakdown{width:auto}
.wide caption{white-space:normal;text-align:left;position:sticky;left:0;max-width:calc(1080px - 3rem)}
.heat tbody th{font-weight:500;white-space:nowrap;max-width:18rem;overflow:hidden;text-overflow:ellipsis}
.breakdown td{min-width:5.5rem}
.breakdown tbody th{white-space:nowrap}
.breakdown thead th{max-width:8rem;overflow-wrap:anywhere}
.wide tbody th{position:sticky;left:0;background:#fff;z-index:1}
.wide thead th:first-child{left:0;z-index:3}
.flag{font-size:.72rem;font-weight:600;white-space:nowrap}
.flag.more{color:var(--more)}
.flag.less{color:var(--less)}
td.more{background:#eef7f0}
td.less{background:#fbeeee}
.heat td{width:2.6rem;height:2.2rem;text-align:center;border:1px solid #fff;font-variant-numeric:tabular-nums}
.heat thead th+th{text-align:center}
.heat .none{background:#fafbfc}
.heat .diag{background:repeating-linear-gradient(45deg,#eef0f3,#eef0f3 3px,#fff 3px,#fff 6px)}
.idx{display:inline-block;min-width:1.4rem;color:var(--muted);font-variant-numeric:tabular-nums}
.legend{display:flex;align-items:center;flex-wrap:wrap;gap:.5rem}
.ramp{display:inline-block;width:10rem;height:.7rem;border-radius:2px}
.keyterms tbody th{font-weight:500;width:30%}
.term{white-space:nowrap}
.perspective{border:1px solid var(--line);border-left:4px solid var(--accent);border-radius:6px;padding:1rem 1.2rem;margin:1rem 0}
.perspective.emergent{border-left-color:#8a5a00}
.badge{display:inline-block;font-size:.7rem;font-weight:600;padding:.1rem .45rem;border-radius:999px;background:var(--soft);color:var(--accent);border:1px solid var(--line);vertical-align:middle}
.emergent h3 .badge:first-of-type{color:#6b4500}
.badge.warn{background:#fff4e0;color:#7a4a00;border-color:#f0d2a0}
.badge.err{background:#fde8e8;color:#9b1c1c;border-color:#f3b4b4}
.chips{display:flex;flex-wrap:wrap;gap:.35rem;list-style:none;padding:0;margin:.4rem 0}
.chips li{font-size:.78rem;background:#e8eef6;color:var(--accent);border-radius:4px;padding:.1rem .5rem}
.quote{margin:.6rem 0;break-inside:avoid}
blockquote{margin:0;padding:.55rem .9rem;background:var(--soft);border-left:3px solid var(--accent2);white-space:pre-line;overflow-wrap:anywhere}
mark{background:var(--mark);color:inherit;padding:0 .1em;border-radius:2px}
figcaption{margin:.2rem 0 0 .9rem}
.speaker{font-weight:600;color:var(--ink)}
.in{margin:.5rem 0 .2rem}
.in .transcript{font-weight:600;color:var(--ink)}
ol.evidence{margin:0;padding-left:2.2rem;font-size:.82rem}
ol.evidence li{padding:.05rem 0;overflow-wrap:anywhere}
ol.evidence q{color:var(--muted)}
.problems{list-style:none;padding:0}
.problems li{padding:.3rem 0;border-bottom:1px solid var(--line)}
.problems small{color:var(--muted)}
footer{margin-top:3rem;color:var(--muted);font-size:.8rem;border-top:1px solid var(--line);padding-top:.6rem}
@media (max-width:700px){.glances{grid-template-columns:1fr}}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
@page{size:A4;margin:15mm}
@page wide{size:A4 landscape;margin:12mm}
@media print{
body{font-size:9.5pt}main{max-width:none;padding:0}nav{display:none}
h2{break-after:avoid;margin-top:0}h3,h4,caption,.in{break-after:avoid}
section{break-before:page}section.summary{break-before:auto}
tr,figure,ol.evidence li,.totals div{break-inside:avoid}
.scroll{overflow:visible;max-height:none}
section:has(.wide){page:wide}
thead{display:table-header-group}
table{font-size:8pt}thead th{font-size:7pt;white-space:normal}
thead th,.wide tbody th,.wide caption{position:static}
th,.term,.flag{overflow-wrap:break-word;white-space:normal}code{overflow-wrap:anywhere}
td.chart,th.chart{min-width:0;width:22%}
.freq tbody th{min-width:0}
.wide table{width:100%;table-layout:fixed;font-size:7pt}
.wide th,.wide td{padding:.1rem .15rem;min-width:0;max-width:none;width:auto;height:auto}
.wide tbody th,.wide thead th{white-space:normal;overflow:visible;text-overflow:clip}
.wide thead th:first-child{width:20%}
.wide td.num{white-space:normal}
.wide small,.wide .n,.flag{font-size:inherit}
.wide thead th{font-size:inherit}
.dense td small,.dense .p{display:none}
details::details-content{content-visibility:visible;display:block;height:auto}
details>summary{list-style:none;color:var(--muted);break-after:avoid}
details>summary::-webkit-details-marker{display:none}
.perspective{break-inside:auto;border-radius:0;padding:.5rem .8rem}
a{color:inherit;text-decoration:none}
}
`;
